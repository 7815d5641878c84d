// The lifecycle calls (docs/record-format.md §8): the record as locked, its signatures and
// the enrolled keys; lock, unlock, amend; key enrolment and signing; versions and the audit
// log. A refusal keeps everything the server said beside its code (the blockers of a lock,
// the record hash a stale statement should have named), so the screen can explain it.
import type { LockBlocker } from '../../shared/record/agreement';
import type { SignRequest } from '../../shared/signing/requests';
import { ApiFailure, call, params, server, type AnswerOf, type Refused } from './http';

const meeting = server.api.meetings[':id'];

/** GET /api/meetings/:id/record: one version, as the server keeps it. */
export type RecordDetails = AnswerOf<typeof meeting.record.$get>;
export type VersionSummary = AnswerOf<typeof meeting.versions.$get>['versions'][number];
export type AuditLog = AnswerOf<typeof meeting.audit.$get>;
export type AuditEntry = AuditLog['entries'][number];

/** A refusal with what came with it: `blockers` (not_agreed), `expected`/`given` (stale_statement), … */
export class LifecycleFailure extends ApiFailure {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly detail: Record<string, unknown>,
  ) {
    super(status, code, message);
  }

  get blockers(): LockBlocker[] {
    return Array.isArray(this.detail.blockers) ? (this.detail.blockers as LockBlocker[]) : [];
  }
}

const refused = ({ status, statusText, error }: Refused) => {
  const { code, message, ...detail } = error;
  return new LifecycleFailure(status, typeof code === 'string' ? code : 'http_error', typeof message === 'string' ? message : statusText, detail);
};

const id = (meetingId: string) => ({ param: params({ id: meetingId }) });
const version = (v?: number) => (v === undefined ? {} : { version: String(v) });

export const lifecycleApi = {
  record: (meetingId: string, v?: number) => call(() => meeting.record.$get({ ...id(meetingId), query: version(v) }), refused),
  versions: (meetingId: string) => call(() => meeting.versions.$get(id(meetingId)), refused),
  audit: (meetingId: string) => call(() => meeting.audit.$get(id(meetingId)), refused),
  lock: (meetingId: string) => call(() => meeting.lock.$post(id(meetingId)), refused),
  unlock: (meetingId: string, reason?: string) => call(() => meeting.unlock.$post({ ...id(meetingId), json: reason ? { reason } : {} }), refused),
  amend: (meetingId: string, reason?: string) => call(() => meeting.amend.$post({ ...id(meetingId), json: reason ? { reason } : {} }), refused),
  enrolKey: (meetingId: string, publicKey: string) => call(() => meeting.keys.$post({ ...id(meetingId), json: { publicKey } }), refused),
  sign: (meetingId: string, request: SignRequest) => call(() => meeting.sign.$post({ ...id(meetingId), json: request }), refused),
  /** The signed bundle file; the browser downloads it with the session cookie. */
  bundleUrl: (meetingId: string, v?: number) => meeting.export.bundle.$path({ ...id(meetingId), query: version(v) }),
};
