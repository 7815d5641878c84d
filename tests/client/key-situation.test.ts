import { describe, expect, it } from 'vitest';
import { automaticStep, keySituation } from '../../client/features/signing/key-situation';
import { RECORD_STATES } from '../../shared/roles';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('where a head’s signing key stands', () => {
  it('is ready only when the key here is the one enrolled for the party, in every state', () => {
    for (const state of RECORD_STATES) expect(keySituation(A, A, state)).toEqual({ kind: 'ready', fingerprint: A });
  });

  it('on the first visit, makes and enrols a key by itself', () => {
    const first = keySituation(null, null, 'draft');
    expect(first).toEqual({ kind: 'first' });
    expect(automaticStep(first)).toBe('make-and-enrol');
    expect(automaticStep(keySituation(null, null, 'locked'))).toBe('make-and-enrol');
  });

  it('enrols a key kept here that the server does not have (an enrolment that failed offline)', () => {
    const unenrolled = keySituation(A, null, 'locked');
    expect(unenrolled).toEqual({ kind: 'unenrolled', here: A });
    expect(automaticStep(unenrolled)).toBe('enrol-here');
  });

  it('never replaces an enrolled key by itself: a borrowed browser, or a key replaced elsewhere, is the head’s choice', () => {
    const borrowed = keySituation(null, A, 'draft');
    expect(borrowed).toEqual({ kind: 'missing-here', enrolled: A });
    expect(automaticStep(borrowed)).toBeNull();
    const replaced = keySituation(A, B, 'locked');
    expect(replaced).toEqual({ kind: 'replaced-elsewhere', here: A, enrolled: B });
    expect(automaticStep(replaced)).toBeNull();
  });

  it('asks nothing once the record is signed, when no key can be enrolled', () => {
    for (const [here, enrolled] of [
      [null, null],
      [null, A],
      [A, B],
      [A, null],
    ] as const) {
      const settled = keySituation(here, enrolled, 'signed');
      expect(settled.kind).toBe('settled');
      expect(automaticStep(settled)).toBeNull();
    }
  });
});
