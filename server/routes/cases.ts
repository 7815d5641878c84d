// The case annex over HTTP, the only way it leaves the server: it is never in the shared
// document, so no socket carries it. Who may read, write, agree and dismiss is asked of
// authorize(), as every other route asks it; observers are refused every path.
// Officers who manage the meeting act as its secretariat. Mounted at /api/meetings.
import { Hono } from 'hono';
import { validator } from './validator';
import { z } from 'zod';
import { caseInput } from '../../shared/cases/case';
import { agreeCaseAnnex } from '../commands/cases/agree-annex';
import { readCaseAnnex } from '../commands/cases/case-annex';
import { dismissFinding } from '../commands/cases/dismiss-finding';
import { removeCase, saveCase } from '../commands/cases/save-case';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { meetingAccess, refuse, type MeetingAccess } from './meeting-access';

const annexAgreementRequest = z.object({ digest: z.string().regex(/^[0-9a-f]{64}$/), agreed: z.boolean() });
const dismissalRequest = z.object({ key: z.string().min(1).max(4000) });

const authorOf = (access: MeetingAccess) => {
  const { principal } = access;
  return {
    actor: access.actor,
    name: principal.kind === 'participant' ? principal.invitation.name : principal.kind === 'officer' ? principal.account.name : 'Administrator',
  };
};

export function caseRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/:id/cases', doc({ summary: 'The case annex, its digest, agreement and findings', tag: 'Cases' }), async (c) => {
      const access = await meetingAccess(c, services, 'readCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      return c.json(await readCaseAnnex(services, access.record), 200);
    })
    .post('/:id/cases', doc({ summary: 'Adds a case to the annex', tag: 'Cases' }), validator('json', caseInput, invalidBody('invalid_case')), async (c) => {
      const access = await meetingAccess(c, services, 'writeCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const result = await saveCase(services, access.meeting, access.record, null, c.req.valid('json'), authorOf(access));
      if (!result.ok) return refuse(c, result.refusal);
      return c.json({ case: result.value.entry, change: result.value.change }, 201);
    })
    .put('/:id/cases/:caseId', doc({ summary: 'Changes a case', tag: 'Cases' }), validator('json', caseInput, invalidBody('invalid_case')), async (c) => {
      const access = await meetingAccess(c, services, 'writeCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const result = await saveCase(services, access.meeting, access.record, c.req.param('caseId'), c.req.valid('json'), authorOf(access));
      if (!result.ok) return refuse(c, result.refusal);
      return c.json({ case: result.value.entry, change: result.value.change }, 200);
    })
    .delete('/:id/cases/:caseId', doc({ summary: 'Takes a case out of the annex', tag: 'Cases' }), async (c) => {
      const access = await meetingAccess(c, services, 'writeCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const result = await removeCase(services, access.meeting, access.record, c.req.param('caseId'), authorOf(access));
      if (!result.ok) return refuse(c, result.refusal);
      return c.json({ removed: result.value }, 200);
    })
    .post(
      '/:id/cases/agreement',
      doc({ summary: 'Agrees the case annex (or not) for the head’s party', tag: 'Cases' }),
      validator('json', annexAgreementRequest, invalidBody('invalid_agreement_request')),
      async (c) => {
        const access = await meetingAccess(c, services, 'markAgreement', { refusedAs: 'case.refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const { digest, agreed } = c.req.valid('json');
        const result = await agreeCaseAnnex(services, access.meeting, access.record, by, digest, agreed);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ ok: true, ...result.value }, 200);
      },
    )
    .post(
      '/:id/findings/dismissals',
      doc({ summary: 'Dismisses a finding of the name and number detector', tag: 'Cases' }),
      validator('json', dismissalRequest, invalidBody('invalid_dismissal')),
      async (c) => {
        const access = await meetingAccess(c, services, 'dismissFinding', { refusedAs: 'case.refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const result = await dismissFinding(services, access.meeting, access.record, by, c.req.valid('json').key);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ ok: true, ...result.value }, 200);
      },
    );
}
