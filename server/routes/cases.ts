// The case annex over HTTP, the only way it leaves the server: it is never in the shared
// document, so no socket carries it. Who may read, write, agree and dismiss is asked of
// can() (shared/roles.ts), as every other route asks it; observers are refused every path.
// Officers who manage the meeting act as its secretariat. Mounted at /api/meetings.
import { Hono, type Context } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { caseInput } from '../../shared/cases/case';
import { can, type Action } from '../../shared/roles';
import { agreeCaseAnnex } from '../commands/cases/agree-annex';
import { readCaseAnnex } from '../commands/cases/case-annex';
import { dismissFinding } from '../commands/cases/dismiss-finding';
import { removeCase, saveCase } from '../commands/cases/save-case';
import { audit } from '../audit';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { auditActor, meetingAccess, type MeetingAccess } from './meeting-access';

const annexAgreementRequest = z.object({ digest: z.string().regex(/^[0-9a-f]{64}$/), agreed: z.boolean() });
const dismissalRequest = z.object({ key: z.string().min(1).max(4000) });

const REFUSED: Record<'readCases' | 'writeCases' | 'markAgreement' | 'dismissFinding', string> = {
  readCases: 'Cases are shown to the parties’ own delegations only; observers do not see them.',
  writeCases: 'Only the parties’ delegations change cases, and only while the record is a draft.',
  markAgreement: 'Only the head of delegation agrees the case annex, for their own party, while the record is a draft.',
  dismissFinding: 'Only the secretariat dismisses a finding, while the record is a draft.',
};

/** The one question every case route asks; a refusal is audited and answered alike. */
async function refusal(c: Context<AppEnv>, services: Services, access: MeetingAccess, action: keyof typeof REFUSED): Promise<Response | null> {
  const { principal, record } = access;
  if (principal.kind !== 'participant') {
    // The administrator and the officers who manage the meeting: its secretariat, but they speak for no party.
    if (action === 'readCases' || (action === 'writeCases' && record.state === 'draft')) return null;
  } else if (can(principal.actor, action as Action, record, { party: principal.actor.party })) return null;
  await audit(services, access.meeting.id, auditActor(principal), 'case.refused', { action, method: c.req.method });
  const draftOnly = action !== 'readCases' && record.state !== 'draft' && principal.kind === 'participant' && principal.actor.role !== 'observer';
  return draftOnly
    ? c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409)
    : c.json(apiError('not_allowed', REFUSED[action]), 403);
}

const authorOf = (access: MeetingAccess) => {
  const { principal } = access;
  return {
    actor: auditActor(principal),
    name: principal.kind === 'participant' ? principal.invitation.name : principal.kind === 'officer' ? principal.account.name : 'Administrator',
  };
};

const participantOf = (access: MeetingAccess) =>
  access.principal.kind === 'participant'
    ? { actor: access.principal.actor, participantId: access.principal.invitation.participantId, name: access.principal.invitation.name }
    : null;

export function caseRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/:id/cases', async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      const refused = await refusal(c, services, access, 'readCases');
      if (refused) return refused;
      return c.json(await readCaseAnnex(services, access.record), 200);
    })
    .post('/:id/cases', zValidator('json', caseInput, invalidBody('invalid_case')), async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      const refused = await refusal(c, services, access, 'writeCases');
      if (refused) return refused;
      const result = await saveCase(services, access.meeting, access.record, null, c.req.valid('json'), authorOf(access));
      if (!result.ok) return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
      return c.json({ case: result.entry, change: result.change }, 201);
    })
    .put('/:id/cases/:caseId', zValidator('json', caseInput, invalidBody('invalid_case')), async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      const refused = await refusal(c, services, access, 'writeCases');
      if (refused) return refused;
      const result = await saveCase(services, access.meeting, access.record, c.req.param('caseId'), c.req.valid('json'), authorOf(access));
      if (result.ok) return c.json({ case: result.entry, change: result.change }, 200);
      if (result.why === 'unknown_case') return c.json(apiError('not_found', 'There is no such case in this record’s annex.'), 404);
      return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
    })
    .delete('/:id/cases/:caseId', async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      const refused = await refusal(c, services, access, 'writeCases');
      if (refused) return refused;
      const result = await removeCase(services, access.meeting, access.record, c.req.param('caseId'), authorOf(access));
      if (result.ok) return c.json({ removed: c.req.param('caseId') }, 200);
      if (result.why === 'unknown_case') return c.json(apiError('not_found', 'There is no such case in this record’s annex.'), 404);
      return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
    })
    .post('/:id/cases/agreement', zValidator('json', annexAgreementRequest, invalidBody('invalid_agreement_request')), async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      const by = participantOf(access);
      if (!by) return c.json(apiError('not_allowed', REFUSED.markAgreement), 403);
      const refused = await refusal(c, services, access, 'markAgreement');
      if (refused) return refused;
      const { digest, agreed } = c.req.valid('json');
      const result = await agreeCaseAnnex(services, access.meeting, access.record, by, digest, agreed);
      if (result.ok) return c.json(result, 200);
      if (result.why === 'stale') return c.json(apiError('stale', 'The case annex changed since you read it: read it again before agreeing.'), 409);
      return c.json(apiError('not_draft', 'The record is no longer a draft: its case annex is final.'), 409);
    })
    .post('/:id/findings/dismissals', zValidator('json', dismissalRequest, invalidBody('invalid_dismissal')), async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      const by = participantOf(access);
      if (!by) return c.json(apiError('not_allowed', REFUSED.dismissFinding), 403);
      const refused = await refusal(c, services, access, 'dismissFinding');
      if (refused) return refused;
      const result = await dismissFinding(services, access.meeting, access.record, by, c.req.valid('json').key);
      if (result.ok) return c.json(result, 200);
      if (result.why === 'unknown_finding') return c.json(apiError('not_found', 'Nothing of that kind is found there now: it may have been cleared.'), 404);
      return c.json(apiError('not_draft', 'The record is no longer a draft.'), 409);
    });
}
