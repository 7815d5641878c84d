// The record's lifecycle as one pure function: draft → locked → signed, unlock back to
// draft (voiding the signatures given), and amendment of a signed record as version n+1.
// The server calls it before every change and the client may call it to explain a
// disabled button; it is given the time and never reads a clock.
import { RECORD_STATES, can, type Action, type Actor, type ActionTarget, type RecordState, type Role } from './roles';
import type { LockBlocker } from './record/agreement';

/** How far a signature statement's time may be from the server's when it arrives. */
const STATEMENT_CLOCK_TOLERANCE_MS = 15 * 60_000;

/** A signature given on a version, and not voided. */
export interface GivenSignature {
  party: string;
  recordHash: string;
  signedAt: string;
}

export interface LifecycleRecord {
  state: RecordState;
  version: number;
  /** SHA-256 of the canonical record while locked or signed; null in draft. */
  recordHash: string | null;
  previousRecordHash: string | null;
  /** The meeting's parties: the head of each signs. */
  parties: readonly string[];
  signatures: readonly GivenSignature[];
  /** False for a version an amendment has superseded. */
  isLatest: boolean;
}

export type LifecycleEvent =
  /** `blockers` from lockBlockers(doc); `recordHash` of the record as it would be locked. */
  | { action: 'lock'; blockers: readonly LockBlocker[]; recordHash: string }
  | { action: 'unlock' }
  /** What the signature statement claims; the signature itself is checked by the caller. */
  | { action: 'sign'; party: string; recordHash: string; version: number; signedAt: string }
  | { action: 'amend' };

export type LifecycleRefusal =
  | PolicyRefusal
  | { code: 'superseded'; version: number }
  | { code: 'not-agreed'; blockers: readonly LockBlocker[] }
  | { code: 'not-a-party'; party: string }
  | { code: 'already-signed'; party: string }
  | {
      code: 'stale-statement';
      expected: { version: number; recordHash: string | null };
      given: { version: number; recordHash: string };
    }
  | { code: 'clock-skew'; signedAt: string; at: string };

/** Why `can` says no: the role never may, or not for that party, or not in this state. */
export type PolicyRefusal =
  | { code: 'not-permitted'; action: Action; role: Role }
  | { code: 'not-your-party'; action: Action; party: string }
  | { code: 'wrong-state'; action: Action; state: RecordState };

export type LifecycleOutcome =
  | {
      ok: true;
      /** The record after the change; for an amendment, the new version. */
      record: LifecycleRecord;
      /** Signatures voided by this change (an unlock). */
      voided: readonly GivenSignature[];
      at: string;
    }
  | { ok: false; refusal: LifecycleRefusal };

export function transition(actor: Actor, record: LifecycleRecord, event: LifecycleEvent, at: Date): LifecycleOutcome {
  const target = event.action === 'sign' ? { party: event.party } : {};
  const refused = whyNot(actor, event.action, record.state, target);
  if (refused) return { ok: false, refusal: refused };
  if (!record.isLatest) return refuse({ code: 'superseded', version: record.version });
  const done = (next: LifecycleRecord, voided: readonly GivenSignature[] = []): LifecycleOutcome => ({
    ok: true,
    record: next,
    voided,
    at: at.toISOString(),
  });

  switch (event.action) {
    case 'lock':
      if (event.blockers.length > 0) return refuse({ code: 'not-agreed', blockers: event.blockers });
      return done({ ...record, state: 'locked', recordHash: event.recordHash, signatures: [] });
    case 'unlock':
      return done({ ...record, state: 'draft', recordHash: null, signatures: [] }, record.signatures);
    case 'sign': {
      if (!record.parties.includes(event.party)) return refuse({ code: 'not-a-party', party: event.party });
      if (event.version !== record.version || event.recordHash !== record.recordHash) {
        return refuse({
          code: 'stale-statement',
          expected: { version: record.version, recordHash: record.recordHash },
          given: { version: event.version, recordHash: event.recordHash },
        });
      }
      if (record.signatures.some((s) => s.party === event.party)) return refuse({ code: 'already-signed', party: event.party });
      const signedAt = Date.parse(event.signedAt);
      if (!Number.isFinite(signedAt) || Math.abs(signedAt - at.getTime()) > STATEMENT_CLOCK_TOLERANCE_MS) {
        return refuse({ code: 'clock-skew', signedAt: event.signedAt, at: at.toISOString() });
      }
      const signatures = [...record.signatures, { party: event.party, recordHash: event.recordHash, signedAt: event.signedAt }];
      const complete = record.parties.every((p) => signatures.some((s) => s.party === p));
      return done({ ...record, state: complete ? 'signed' : 'locked', signatures });
    }
    case 'amend':
      return done({
        ...record,
        state: 'draft',
        version: record.version + 1,
        recordHash: null,
        previousRecordHash: record.recordHash,
        signatures: [],
        isLatest: true,
      });
  }
}

function refuse(refusal: LifecycleRefusal): LifecycleOutcome {
  return { ok: false, refusal };
}

/**
 * Why `can` says no, most fundamental reason first: the role never may, then not for
 * that party, then not in this state. Null when it says yes.
 */
function whyNot(actor: Actor, action: Action, state: RecordState, target: ActionTarget = {}): PolicyRefusal | null {
  if (can(actor, action, { state }, target)) return null;
  if (!RECORD_STATES.some((s) => can(actor, action, { state: s }))) return { code: 'not-permitted', action, role: actor.role };
  if (!RECORD_STATES.some((s) => can(actor, action, { state: s }, target))) return { code: 'not-your-party', action, party: target.party ?? actor.party };
  return { code: 'wrong-state', action, state };
}

/** Parties still to sign a locked record. */
export function partiesToSign(record: Pick<LifecycleRecord, 'parties' | 'signatures'>): string[] {
  return record.parties.filter((p) => !record.signatures.some((s) => s.party === p));
}
