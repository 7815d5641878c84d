// The first steps of every route under /api/meetings/:id: who asks, which meeting, and
// its current record. A participant of another meeting is told the meeting is not there.
import type { Context } from 'hono';
import type { Principal } from '../auth/principal';
import type { MeetingRow, RecordRow } from '../storage/storage';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { audit } from '../audit';
import { officerActor, officerManages } from '../auth/officer-access';

export interface MeetingAccess {
  principal: Principal;
  meeting: MeetingRow;
  record: RecordRow;
}

export async function meetingAccess(c: Context<AppEnv>, services: Services): Promise<MeetingAccess | Response> {
  const principal = c.get('principal');
  if (!principal) return c.json(apiError('unauthorized', 'Open your invitation link to sign in.'), 401);
  const meeting = await services.storage.getMeeting(c.req.param('id') ?? '');
  const foreign =
    meeting &&
    (principal.kind === 'participant'
      ? principal.invitation.meetingId !== meeting.id
      : principal.kind === 'officer' && !(await officerManages(services.storage, principal.account, meeting.id)));
  if (foreign) {
    // Someone invited elsewhere (or an officer not given this meeting) reaching for it: the meeting's own log says so.
    await audit(services, meeting.id, auditActor(principal), 'access.refused', {
      fromMeeting: principal.kind === 'participant' ? principal.invitation.meetingId : null,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
    });
  }
  if (!meeting || foreign)
    return c.json(apiError('not_found', 'There is no meeting here that your invitation opens.'), 404);
  const record = await services.storage.getRecord(meeting.currentDocumentId);
  if (!record) throw new Error(`meeting ${meeting.id} has no current record`);
  return { principal, meeting, record };
}

/** Who a principal is in the audit log. */
export const auditActor = (principal: Principal) =>
  principal.kind === 'admin'
    ? 'administrator'
    : principal.kind === 'officer'
      ? officerActor(principal.account)
      : principal.invitation.participantId;
