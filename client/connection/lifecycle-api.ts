// The lifecycle calls (docs/record-format.md §8): the record as locked, its signatures and
// the enrolled keys; lock, unlock, amend; key enrolment and signing; versions and the audit
// log. A refusal keeps everything the server said beside its code (the blockers of a lock,
// the record hash a stale statement should have named), so the screen can explain it.
import type { CanonicalRecord } from '../../shared/record/canonical';
import type { LockBlocker } from '../../shared/record/agreement';
import type { RecordState } from '../../shared/roles';
import type { SignRequest } from '../../shared/signing/requests';
import { ApiFailure } from './api';

export interface RecordSignature {
  party: string;
  signerName: string;
  signerTitle: string;
  signedAt: string;
  receivedAt: string;
  recordHash: string;
  keyFingerprint: string;
  voided: boolean;
  voidedAt: string | null;
}

export interface PartyKey {
  party: string;
  publicKey: string;
  fingerprint: string;
  display: string;
  enrolledAt: string;
}

/** GET /api/meetings/:id/record: one version, as the server keeps it. */
export interface RecordDetails {
  meetingId: string;
  documentId: string;
  version: number;
  state: RecordState;
  isLatest: boolean;
  previousRecordHash: string | null;
  recordHash: string | null;
  fingerprint: string | null;
  lockedAt: string | null;
  /** The canonical record: null while a draft. */
  record: CanonicalRecord | null;
  signatures: RecordSignature[];
  partiesToSign: string[];
  keys: PartyKey[];
  serverTime: string;
}

export interface VersionSummary {
  version: number;
  documentId: string;
  state: RecordState;
  recordHash: string | null;
  fingerprint: string | null;
  createdAt: string;
  current: boolean;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  actorName: string | null;
  /** The people the entry concerns (added, removed, given a link), by name. */
  subjects?: string[];
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditLog {
  intact: boolean;
  firstBrokenSeq: number | null;
  entries: AuditEntry[];
}

export interface Enrolment {
  party: string;
  publicKey: string;
  fingerprint: string;
  display: string;
  enrolledAt: string;
  /** The fingerprint of the key this one replaced, or null. */
  replaced: string | null;
}

export interface StateChange {
  documentId: string;
  version: number;
  state: RecordState;
  recordHash: string | null;
  fingerprint: string | null;
}

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

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new LifecycleFailure(0, 'unreachable', err instanceof Error ? err.message : String(err), {});
  }
  const payload = (await response.json().catch(() => null)) as { error?: Record<string, unknown> } | null;
  if (!response.ok) {
    const { code, message, ...detail } = payload?.error ?? {};
    throw new LifecycleFailure(
      response.status,
      typeof code === 'string' ? code : 'http_error',
      typeof message === 'string' ? message : response.statusText,
      detail,
    );
  }
  return payload as T;
}

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;
const versionQuery = (version?: number) => (version === undefined ? '' : `?version=${version}`);

export const lifecycleApi = {
  record: (meetingId: string, version?: number) => call<RecordDetails>('GET', `${meetingPath(meetingId)}/record${versionQuery(version)}`),
  versions: (meetingId: string) => call<{ versions: VersionSummary[] }>('GET', `${meetingPath(meetingId)}/versions`),
  audit: (meetingId: string) => call<AuditLog>('GET', `${meetingPath(meetingId)}/audit`),
  lock: (meetingId: string) => call<StateChange>('POST', `${meetingPath(meetingId)}/lock`),
  unlock: (meetingId: string, reason?: string) =>
    call<StateChange & { voidedSignatures: string[] }>('POST', `${meetingPath(meetingId)}/unlock`, reason ? { reason } : {}),
  amend: (meetingId: string, reason?: string) =>
    call<StateChange & { previousRecordHash: string }>('POST', `${meetingPath(meetingId)}/amend`, reason ? { reason } : {}),
  enrolKey: (meetingId: string, publicKey: string) => call<Enrolment>('POST', `${meetingPath(meetingId)}/keys`, { publicKey }),
  sign: (meetingId: string, request: SignRequest) =>
    call<StateChange & { party: string; complete: boolean }>('POST', `${meetingPath(meetingId)}/sign`, request),
  /** The signed bundle file; the browser downloads it with the session cookie. */
  bundleUrl: (meetingId: string, version?: number) => `${meetingPath(meetingId)}/export/bundle${versionQuery(version)}`,
};
