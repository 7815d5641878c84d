import { describe, expect, it } from 'vitest';
import { transition, type LifecycleEvent, type LifecycleRecord } from '../../shared/lifecycle';
import { ACTIONS, RECORD_STATES, ROLES, can, type Action, type RecordState, type Role } from '../../shared/roles';
import type { LockBlocker } from '../../shared/record/agreement';

const HASH = 'a'.repeat(64);
const OTHER_HASH = 'b'.repeat(64);
const AT = new Date('2031-05-06T07:08:09.000Z');
const partyOf = (role: Role) => (role === 'observer' ? 'OBS' : 'TH');

const records: Record<RecordState, LifecycleRecord> = {
  draft: { state: 'draft', version: 1, recordHash: null, previousRecordHash: null, parties: ['TH', 'LA'], signatures: [], isLatest: true },
  locked: { state: 'locked', version: 1, recordHash: HASH, previousRecordHash: null, parties: ['TH', 'LA'], signatures: [], isLatest: true },
  signed: {
    state: 'signed',
    version: 1,
    recordHash: HASH,
    previousRecordHash: null,
    parties: ['TH', 'LA'],
    signatures: [
      { party: 'TH', recordHash: HASH, signedAt: AT.toISOString() },
      { party: 'LA', recordHash: HASH, signedAt: AT.toISOString() },
    ],
    isLatest: true,
  },
};

const eventFor = (action: 'lock' | 'unlock' | 'sign' | 'amend', party: string): LifecycleEvent => {
  switch (action) {
    case 'lock':
      return { action, blockers: [], recordHash: HASH };
    case 'sign':
      return { action, party, recordHash: HASH, version: 1, signedAt: AT.toISOString() };
    default:
      return { action };
  }
};

// The whole matrix, written out: what each role gets from each lifecycle step in each state.
const EXPECTED: Record<Role, Record<'lock' | 'unlock' | 'sign' | 'amend', [string, string, string]>> = {
  //                 draft            locked          signed
  secretariat: {
    lock: ['ok', 'wrong-state', 'wrong-state'],
    unlock: ['wrong-state', 'ok', 'wrong-state'],
    sign: ['not-permitted', 'not-permitted', 'not-permitted'],
    amend: ['wrong-state', 'wrong-state', 'ok'],
  },
  head: {
    lock: ['not-permitted', 'not-permitted', 'not-permitted'],
    unlock: ['not-permitted', 'not-permitted', 'not-permitted'],
    sign: ['wrong-state', 'ok', 'wrong-state'],
    amend: ['not-permitted', 'not-permitted', 'not-permitted'],
  },
  delegate: {
    lock: ['not-permitted', 'not-permitted', 'not-permitted'],
    unlock: ['not-permitted', 'not-permitted', 'not-permitted'],
    sign: ['not-permitted', 'not-permitted', 'not-permitted'],
    amend: ['not-permitted', 'not-permitted', 'not-permitted'],
  },
  observer: {
    lock: ['not-permitted', 'not-permitted', 'not-permitted'],
    unlock: ['not-permitted', 'not-permitted', 'not-permitted'],
    sign: ['not-permitted', 'not-permitted', 'not-permitted'],
    amend: ['not-permitted', 'not-permitted', 'not-permitted'],
  },
};

// Every other action, for the same roles and states: who may, written out.
const ALLOWED = new Set([
  ...ROLES.flatMap((r) => RECORD_STATES.map((s) => `${r} read ${s}`)),
  'secretariat write draft',
  'head write draft',
  'delegate write draft',
  'head markAgreement draft',
  'head enrolKey draft',
  'head enrolKey locked',
  ...RECORD_STATES.flatMap((s) => [`secretariat export ${s}`, `head export ${s}`]),
  ...RECORD_STATES.flatMap((s) => [`secretariat readAudit ${s}`, `secretariat manageInvitations ${s}`]),
  'secretariat lock draft',
  'secretariat unlock locked',
  'head sign locked',
  'secretariat amend signed',
  ...ROLES.flatMap((r) => RECORD_STATES.map((s) => `${r} readComments ${s}`)),
  ...['secretariat', 'head', 'delegate'].flatMap((r) => RECORD_STATES.map((s) => `${r} comment ${s}`)),
  'secretariat propose draft',
  'head propose draft',
  'delegate propose draft',
  'secretariat decideProposal draft',
  'head decideProposal draft',
  // Cases: the parties' own people, never observers; written while a draft; findings dismissed by the secretariat.
  ...(['secretariat', 'head', 'delegate'] as const).flatMap((r) => [...RECORD_STATES.map((s) => `${r} readCases ${s}`), `${r} writeCases draft`]),
  'secretariat dismissFinding draft',
  // History: read by everyone who reads the record; versions named by the parties' people;
  // removal (with no authors named) and restore by the secretariat, while a draft.
  ...ROLES.flatMap((r) => RECORD_STATES.map((s) => `${r} readHistory ${s}`)),
  ...(['secretariat', 'head', 'delegate'] as const).flatMap((r) => RECORD_STATES.map((s) => `${r} saveVersion ${s}`)),
  'secretariat remove draft',
  'secretariat restore draft',
]);

describe('the lifecycle, for every role, action and state', () => {
  for (const role of ROLES) {
    for (const action of ['lock', 'unlock', 'sign', 'amend'] as const) {
      RECORD_STATES.forEach((state, i) => {
        const expected = EXPECTED[role][action][i]!;
        it(`${role} ${action} on a ${state} record: ${expected}`, () => {
          const outcome = transition({ role, party: partyOf(role) }, records[state], eventFor(action, partyOf(role)), AT);
          expect(outcome.ok ? 'ok' : outcome.refusal.code).toBe(expected);
        });
      });
    }
  }

  it('can() answers every role × action × state as written out', () => {
    const seen: string[] = [];
    for (const role of ROLES)
      for (const action of ACTIONS as readonly Action[])
        for (const state of RECORD_STATES) {
          const key = `${role} ${action} ${state}`;
          seen.push(key);
          expect(can({ role, party: partyOf(role) }, action, { state }, { party: partyOf(role) }), key).toBe(ALLOWED.has(key));
        }
    expect(seen).toHaveLength(ROLES.length * ACTIONS.length * RECORD_STATES.length);
  });

  it('a delegation removes only what its own party alone wrote; an observer never', () => {
    const draft = { state: 'draft' as const };
    expect(can({ role: 'delegate', party: 'LA' }, 'remove', draft, { authors: ['LA'] })).toBe(true);
    expect(can({ role: 'delegate', party: 'LA' }, 'remove', draft, { authors: ['LA', 'TH'] })).toBe(false);
    expect(can({ role: 'head', party: 'LA' }, 'remove', draft, { authors: [] })).toBe(false);
    expect(can({ role: 'secretariat', party: 'TH' }, 'remove', draft, { authors: ['LA'] })).toBe(true);
    expect(can({ role: 'observer', party: 'OBS' }, 'remove', draft, { authors: ['OBS'] })).toBe(false);
    expect(can({ role: 'delegate', party: 'LA' }, 'remove', { state: 'locked' }, { authors: ['LA'] })).toBe(false);
  });
});

describe('each step does what the record needs', () => {
  const secretariat = { role: 'secretariat' as const, party: 'TH' };
  const headTH = { role: 'head' as const, party: 'TH' };
  const headLA = { role: 'head' as const, party: 'LA' };
  const sign = (party: string, extra: Partial<Extract<LifecycleEvent, { action: 'sign' }>> = {}): LifecycleEvent => ({
    action: 'sign',
    party,
    recordHash: HASH,
    version: 1,
    signedAt: AT.toISOString(),
    ...extra,
  });

  it('lock is refused with the list of what blocks it, and sets the record hash when nothing does', () => {
    const blockers: LockBlocker[] = [{ kind: 'segment', id: 's1', agendaItemId: 'a1', missingParties: ['LA'], openBrackets: 1 }];
    const refused = transition(secretariat, records.draft, { action: 'lock', blockers, recordHash: HASH }, AT);
    expect(refused).toEqual({ ok: false, refusal: { code: 'not-agreed', blockers } });
    const locked = transition(secretariat, records.draft, { action: 'lock', blockers: [], recordHash: HASH }, AT);
    expect(locked).toMatchObject({ ok: true, at: AT.toISOString(), record: { state: 'locked', recordHash: HASH } });
  });

  it('a head signs only for their own party; the last party’s signature makes the record signed', () => {
    expect(transition(headTH, records.locked, sign('LA'), AT)).toMatchObject({ ok: false, refusal: { code: 'not-your-party' } });
    const first = transition(headTH, records.locked, sign('TH'), AT);
    if (!first.ok) throw new Error('refused');
    expect(first.record.state).toBe('locked');
    expect(transition(headTH, first.record, sign('TH'), AT)).toMatchObject({ ok: false, refusal: { code: 'already-signed' } });
    const second = transition(headLA, first.record, sign('LA'), AT);
    expect(second).toMatchObject({ ok: true, record: { state: 'signed' } });
  });

  it('a statement for another version or record hash is refused', () => {
    const v2 = { ...records.locked, version: 2, recordHash: OTHER_HASH };
    expect(transition(headTH, v2, sign('TH'), AT)).toEqual({
      ok: false,
      refusal: { code: 'stale-statement', expected: { version: 2, recordHash: OTHER_HASH }, given: { version: 1, recordHash: HASH } },
    });
    expect(transition(headTH, records.locked, sign('TH', { recordHash: OTHER_HASH }), AT)).toMatchObject({
      ok: false,
      refusal: { code: 'stale-statement' },
    });
  });

  it('a statement timed more than 15 minutes from the given time is refused; the clock is never read', () => {
    const minutes = (n: number) => new Date(AT.getTime() + n * 60_000).toISOString();
    expect(transition(headTH, records.locked, sign('TH', { signedAt: minutes(16) }), AT)).toMatchObject({
      ok: false,
      refusal: { code: 'clock-skew' },
    });
    expect(transition(headTH, records.locked, sign('TH', { signedAt: minutes(-14) }), AT).ok).toBe(true);
  });

  it('a head whose party is not a party to the record cannot sign it', () => {
    const record = { ...records.locked, parties: ['LA'] };
    expect(transition(headTH, record, sign('TH'), AT)).toMatchObject({ ok: false, refusal: { code: 'not-a-party' } });
  });

  it('unlock returns to draft and voids every signature given, without changing its input', () => {
    const partly = { ...records.locked, signatures: [{ party: 'TH', recordHash: HASH, signedAt: AT.toISOString() }] };
    const frozen = JSON.stringify(partly);
    const outcome = transition(secretariat, partly, { action: 'unlock' }, AT);
    expect(outcome).toEqual({
      ok: true,
      at: AT.toISOString(),
      voided: partly.signatures,
      record: { ...partly, state: 'draft', recordHash: null, signatures: [] },
    });
    expect(JSON.stringify(partly)).toBe(frozen);
  });

  it('amendment makes version n+1 naming version n’s hash; an amended version cannot be amended again', () => {
    expect(transition(secretariat, records.signed, { action: 'amend' }, AT)).toMatchObject({
      ok: true,
      record: { state: 'draft', version: 2, recordHash: null, previousRecordHash: HASH, signatures: [], isLatest: true },
    });
    const superseded = { ...records.signed, isLatest: false };
    expect(transition(secretariat, superseded, { action: 'amend' }, AT)).toEqual({
      ok: false,
      refusal: { code: 'superseded', version: 1 },
    });
  });
});
