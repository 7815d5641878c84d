// Where a head's signing key stands, from two facts: the key this browser holds (if any)
// and the key the server has enrolled for the party (if any). Pure, so each case is tested.
import type { RecordState } from '../../../shared/roles';

export type KeySituation =
  /** The key here is the party's enrolled key: ready to sign. */
  | { kind: 'ready'; fingerprint: string }
  /** No key here and none enrolled: the head's first visit; one is made and enrolled at once. */
  | { kind: 'first' }
  /** A key here that the server does not have yet (enrolment failed, e.g. offline): enrolled at once. */
  | { kind: 'unenrolled'; here: string }
  /** Another browser holds the enrolled key: a new key can be made here, replacing it. */
  | { kind: 'missing-here'; enrolled: string }
  /** The key here was replaced from another browser: a new key can be made here. */
  | { kind: 'replaced-elsewhere'; here: string; enrolled: string }
  /** The record is signed: no key can be enrolled, and none is needed until an amendment. */
  | { kind: 'settled'; here: string | null; enrolled: string | null };

/** `here` and `enrolled` are key fingerprints (SHA-256 hex of the raw public key). */
export function keySituation(here: string | null, enrolled: string | null, state: RecordState): KeySituation {
  if (here !== null && here === enrolled) return { kind: 'ready', fingerprint: here };
  if (state === 'signed') return { kind: 'settled', here, enrolled };
  if (here === null && enrolled === null) return { kind: 'first' };
  if (here !== null && enrolled === null) return { kind: 'unenrolled', here };
  if (here === null) return { kind: 'missing-here', enrolled: enrolled! };
  return { kind: 'replaced-elsewhere', here, enrolled: enrolled! };
}

/** What the browser does by itself in a situation, without asking. */
export function automaticStep(situation: KeySituation): 'make-and-enrol' | 'enrol-here' | null {
  if (situation.kind === 'first') return 'make-and-enrol';
  if (situation.kind === 'unenrolled') return 'enrol-here';
  return null;
}
