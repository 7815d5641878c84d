// The case annex over HTTP, the only way it leaves the server: it is never in the shared
// document, so no socket carries it. Who may read, write, agree and dismiss is asked of
// authorize(), as every other route asks it; observers are refused every path.
// Officers who manage the meeting act as its secretariat. Mounted at /api/meetings.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { caseInput } from '../../shared/cases/case';
import { agreeCaseAnnex } from '../commands/cases/agree-annex';
import { readCaseAnnex } from '../commands/cases/case-annex';
import { dismissFinding } from '../commands/cases/dismiss-finding';
import { removeCase, saveCase } from '../commands/cases/save-case';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { meetingAccess, type MeetingAccess } from './meeting-access';

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
    .get('/:id/cases', async (c) => {
      const access = await meetingAccess(c, services, 'readCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      return c.json(await readCaseAnnex(services, access.record), 200);
    })
    .post('/:id/cases', zValidator('json', caseInput, invalidBody('invalid_case')), async (c) => {
      const access = await meetingAccess(c, services, 'writeCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const result = await saveCase(services, access.meeting, access.record, null, c.req.valid('json'), authorOf(access));
      if (!result.ok) return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
      return c.json({ case: result.entry, change: result.change }, 201);
    })
    .put('/:id/cases/:caseId', zValidator('json', caseInput, invalidBody('invalid_case')), async (c) => {
      const access = await meetingAccess(c, services, 'writeCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const result = await saveCase(services, access.meeting, access.record, c.req.param('caseId'), c.req.valid('json'), authorOf(access));
      if (result.ok) return c.json({ case: result.entry, change: result.change }, 200);
      if (result.why === 'unknown_case') return c.json(apiError('not_found', 'There is no such case in this record’s annex.'), 404);
      return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
    })
    .delete('/:id/cases/:caseId', async (c) => {
      const access = await meetingAccess(c, services, 'writeCases', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const result = await removeCase(services, access.meeting, access.record, c.req.param('caseId'), authorOf(access));
      if (result.ok) return c.json({ removed: c.req.param('caseId') }, 200);
      if (result.why === 'unknown_case') return c.json(apiError('not_found', 'There is no such case in this record’s annex.'), 404);
      return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
    })
    .post('/:id/cases/agreement', zValidator('json', annexAgreementRequest, invalidBody('invalid_agreement_request')), async (c) => {
      const access = await meetingAccess(c, services, 'markAgreement', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const by = access.by!;
      const { digest, agreed } = c.req.valid('json');
      const result = await agreeCaseAnnex(services, access.meeting, access.record, by, digest, agreed);
      if (result.ok) return c.json(result, 200);
      if (result.why === 'stale') return c.json(apiError('stale', 'The case annex changed since you read it: read it again before agreeing.'), 409);
      return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
    })
    .post('/:id/findings/dismissals', zValidator('json', dismissalRequest, invalidBody('invalid_dismissal')), async (c) => {
      const access = await meetingAccess(c, services, 'dismissFinding', { refusedAs: 'case.refused' });
      if (access instanceof Response) return access;
      const by = access.by!;
      const result = await dismissFinding(services, access.meeting, access.record, by, c.req.valid('json').key);
      if (result.ok) return c.json(result, 200);
      if (result.why === 'unknown_finding') return c.json(apiError('not_found', 'Nothing of that kind is found there now: it may have been cleared.'), 404);
      return c.json(apiError('not_draft', 'The record is no longer a draft.'), 409);
    });
}
