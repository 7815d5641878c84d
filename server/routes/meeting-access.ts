// The first steps of every route under a meeting: who asks, which meeting and its current
// record, and whether authorize() lets them take the route's action. A refusal is written
// to the meeting's log and answered by the one presenter; a meeting the caller is not
// part of is answered as not there, and its own log says someone reached for it.
import type { Context } from 'hono';
import type { AttemptedStep, MeetingAuditAction } from '../../shared/audit-actions';
import type { Principal } from '../auth/principal';
import { officerActor, officerManages } from '../auth/officer-access';
import { audit } from '../audit';
import { refusalDetail } from '../commands/lifecycle-audit';
import type { Participant } from '../commands/lifecycle-result';
import { authorize, type MeetingTarget } from '../policies/authorize';
import type { PolicyAction, Refusal } from '../policies/refusal';
import { presentRefusal } from '../presenters/refusal';
import type { Services } from '../services';
import type { MeetingRow, RecordRow } from '../storage/storage';

export interface MeetingAccess {
  principal: Principal;
  meeting: MeetingRow;
  record: RecordRow;
  target: MeetingTarget;
  /** Who acts, in the audit log. */
  actor: string;
  /** The participant acting; null for the administrator and officers, who speak for no party. */
  by: Participant | null;
}

export interface AccessOptions {
  /** Written to the log as `<step>.refused` when the caller is refused. */
  step?: AttemptedStep;
  /** Written to the log under this name when the caller is refused (for entries named apart). */
  refusedAs?: MeetingAuditAction;
  /** The party the action is taken for, where it is not the caller's own. */
  party?: string;
  /** Who asks, when not the request's principal: the console's officer beside a participant's session. */
  principal?: Principal | null;
  /**
   * The answer hangs on facts the command reads from the document (the authors of what is
   * removed, the language of a proposal): authorize() judges the caller here as if they were
   * their own, and the command asks it again with them (server/commands/ask.ts).
   */
  factsToRead?: boolean;
}

/** The meeting of `:id` and its record, if the caller may take `action` on it; else the refusal sent. */
export async function meetingAccess(c: Context, services: Services, action: PolicyAction, options: AccessOptions = {}): Promise<MeetingAccess | Refusing> {
  // Any route's context: the auth middleware set the principal (AppEnv) on every one.
  const principal: Principal | null = options.principal !== undefined ? options.principal : c.get('principal');
  const meeting = principal ? await services.storage.getMeeting(c.req.param('id') ?? '') : undefined;
  const record = meeting ? await services.storage.getRecord(meeting.currentDocumentId) : undefined;
  if (meeting && !record) throw new Error(`meeting ${meeting.id} has no current record`);
  const managedByOfficer = meeting && principal?.kind === 'officer' ? await officerManages(services.storage, principal.account, meeting.id) : false;
  const target: MeetingTarget | null =
    meeting && record ? { meetingId: meeting.id, state: record.state, managedByOfficer, party: options.party, factsToRead: options.factsToRead } : null;
  const refusal = authorize(principal ?? null, action, target);
  if (refusal) {
    if (principal && meeting) await auditRefusal(c, services, principal, meeting.id, refusal, options);
    return refuse(c, refusal);
  }
  // authorize() let a signed-in caller through to a meeting that exists.
  const access = { principal: principal!, meeting: meeting!, record: record!, target: target! };
  return { ...access, actor: auditActor(access.principal), by: participantOf(access.principal) };
}

/** A refusal as the HTTP answer, typed as one (so a route's success answers keep their types for the client). */
export function refuse(c: Context, refusal: Refusal) {
  const { status, body, headers } = presentRefusal(refusal);
  return c.json(body, status, headers);
}

/** What a route answers when it is refused at its first steps. */
export type Refusing = ReturnType<typeof refuse>;

async function auditRefusal(c: Context, services: Services, principal: Principal, meetingId: string, refusal: Refusal, options: AccessOptions) {
  const actor = auditActor(principal);
  if (refusal.code === 'no-such-meeting') {
    // Someone invited elsewhere (or an officer not given this meeting) reaching for it: the meeting's own log says so.
    await audit(services, meetingId, actor, 'access.refused', {
      ...(principal.kind === 'participant' ? { fromMeeting: principal.invitation.meetingId } : {}),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
    });
  } else if (options.step) await audit(services, meetingId, actor, `${options.step}.refused`, refusalDetail(refusal));
  else if (options.refusedAs) await audit(services, meetingId, actor, options.refusedAs, refusalDetail(refusal));
}

/** Who a principal is in the audit log. */
const auditActor = (principal: Principal) =>
  principal.kind === 'admin' ? 'administrator' : principal.kind === 'officer' ? officerActor(principal.account) : principal.invitation.participantId;

const participantOf = (principal: Principal): Participant | null =>
  principal.kind === 'participant'
    ? { actor: principal.actor, participantId: principal.invitation.participantId, name: principal.invitation.name, principal }
    : null;

/** The version asked for: `version` if given, else the meeting's current record. */
export async function versionOf(services: Services, access: MeetingAccess, version: number | undefined): Promise<RecordRow | null> {
  if (version === undefined || version === access.record.version) return access.record;
  const versions = await services.storage.listRecords(access.meeting.id);
  return versions.find((r) => r.version === version) ?? null;
}
