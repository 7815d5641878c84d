// Every kind of caller × every action → allowed, or the refusal named. Pure: no server,
// no storage; the table is written out, so a change to who may do what shows here.
import { describe, expect, it } from 'vitest';
import { ACTIONS, type RecordState, type Role } from '../../../shared/roles';
import { CONSOLE_MEETING_ACTIONS } from '../../../shared/console/policy';
import type { Principal } from '../../../server/auth/principal';
import type { AccountRow } from '../../../server/storage/storage';
import { authorize, type MeetingTarget } from '../../../server/policies/authorize';
import type { DeploymentAction, PolicyAction } from '../../../server/policies/refusal';

const MEETING = 'm-1';

const participant = (role: Role, party: string, meetingId = MEETING): Principal => ({
  kind: 'participant',
  invitation: {
    id: `i-${role}`,
    meetingId,
    participantId: `p-${role}`,
    role,
    party,
    name: role,
    tokenHash: 'x',
    createdAt: '',
    revokedAt: null,
    firstUsedAt: null,
  },
  actor: { role, party },
  sessionHash: null,
  sessionExpiresAt: null,
});

const officer: Principal = {
  kind: 'officer',
  account: {
    id: 'a-1',
    login: 'officer',
    name: 'Officer',
    email: null,
    party: 'TH',
    role: 'officer',
    passwordHash: null,
    mustChangePassword: false,
  } as unknown as AccountRow,
  sessionHash: 'h',
};

const CALLERS = {
  administrator: { kind: 'admin' } as Principal,
  officer,
  secretariat: participant('secretariat', 'TH'),
  head: participant('head', 'TH'),
  delegate: participant('delegate', 'TH'),
  observer: participant('observer', 'IOM'),
} as const;
type Caller = keyof typeof CALLERS;

const target = (state: RecordState, extra: Partial<MeetingTarget> = {}): MeetingTarget => ({
  meetingId: MEETING,
  state,
  managedByOfficer: true,
  party: 'TH',
  authors: ['TH'],
  ...extra,
});

// Columns: administrator, officer, secretariat, head, delegate, observer. Draft record,
// acting for the caller's own party (TH) on text TH wrote.
const ok = null;
const NAP = 'not-a-participant';
const NP = 'not-permitted';
const WS = 'wrong-state';
type Answer = null | typeof NAP | typeof NP | typeof WS;
const ON_A_DRAFT: Record<Exclude<PolicyAction, DeploymentAction>, [Answer, Answer, Answer, Answer, Answer, Answer]> = {
  read: [ok, ok, ok, ok, ok, ok],
  write: [ok, ok, ok, ok, ok, NP],
  markAgreement: [NAP, NAP, NP, ok, NP, NP],
  lock: [NAP, NAP, ok, NP, NP, NP],
  unlock: [NAP, NAP, WS, NP, NP, NP],
  sign: [NAP, NAP, NP, WS, NP, NP],
  enrolKey: [NAP, NAP, NP, ok, NP, NP],
  amend: [NAP, NAP, WS, NP, NP, NP],
  export: [NAP, NAP, ok, ok, NP, NP],
  readAudit: [ok, ok, ok, NP, NP, NP],
  manageInvitations: [ok, ok, ok, NP, NP, NP],
  readComments: [NAP, NAP, ok, ok, ok, ok],
  comment: [NAP, NAP, ok, ok, ok, NP],
  propose: [NAP, NAP, ok, ok, ok, NP],
  decideProposal: [NAP, NAP, ok, ok, NP, NP],
  readCases: [ok, ok, ok, ok, ok, NP],
  writeCases: [ok, ok, ok, ok, ok, NP],
  dismissFinding: [NAP, NAP, ok, NP, NP, NP],
  remove: [NAP, NAP, ok, ok, ok, NP],
  readHistory: [ok, ok, ok, ok, ok, ok],
  saveVersion: [NAP, NAP, ok, ok, ok, NP],
  restore: [NAP, NAP, ok, NP, NP, NP],
  connect: [NAP, NAP, ok, ok, ok, ok],
  seeMeeting: [ok, ok, NP, NP, NP, NP],
  editMeeting: [ok, ok, NP, NP, NP, NP],
  grantMeeting: [ok, ok, NP, NP, NP, NP],
};
const COLUMNS = Object.keys(CALLERS) as Caller[];
const codeOf = (principal: Principal | null, action: PolicyAction, on: MeetingTarget | null) => authorize(principal, action, on)?.code ?? null;

describe('authorize: who may do what', () => {
  it('names every action the record and the console know, and the socket', () => {
    expect(Object.keys(ON_A_DRAFT).sort()).toEqual([...ACTIONS, ...CONSOLE_MEETING_ACTIONS, 'connect'].sort());
  });

  for (const [action, answers] of Object.entries(ON_A_DRAFT) as [PolicyAction, Answer[]][]) {
    it(`${action}, on a draft: each caller gets the designed answer`, () => {
      const got = COLUMNS.map((caller) => codeOf(CALLERS[caller], action, target('draft')));
      expect(Object.fromEntries(COLUMNS.map((c, i) => [c, got[i]]))).toEqual(Object.fromEntries(COLUMNS.map((c, i) => [c, answers[i]])));
    });
    it(`${action}: nobody signed in is unauthenticated; another meeting's participant and an officer not given it find no meeting`, () => {
      expect(codeOf(null, action, target('draft'))).toBe('unauthenticated');
      expect(codeOf(null, action, null)).toBe('unauthenticated');
      expect(codeOf(participant('secretariat', 'TH', 'm-2'), action, target('draft'))).toBe('no-such-meeting');
      // Only participants connect, to any meeting: the answer is the same whether the officer manages it or not.
      expect(codeOf(officer, action, target('draft', { managedByOfficer: false }))).toBe(action === 'connect' ? 'not-a-participant' : 'no-such-meeting');
      expect(codeOf(CALLERS.administrator, action, null)).toBe('no-such-meeting');
    });
  }

  it('the lifecycle moves with the record: unlock and amend, sign, and what stops with the lock', () => {
    expect(codeOf(CALLERS.secretariat, 'unlock', target('locked'))).toBe(null);
    expect(codeOf(CALLERS.secretariat, 'lock', target('locked'))).toBe('wrong-state');
    expect(codeOf(CALLERS.head, 'sign', target('locked'))).toBe(null);
    expect(codeOf(CALLERS.secretariat, 'amend', target('signed'))).toBe(null);
    expect(codeOf(CALLERS.head, 'enrolKey', target('signed'))).toBe('wrong-state');
    for (const caller of ['administrator', 'officer', 'secretariat', 'delegate'] as const) {
      expect(codeOf(CALLERS[caller], 'write', target('locked'))).toBe('wrong-state');
      expect(codeOf(CALLERS[caller], 'writeCases', target('signed'))).toBe('wrong-state');
    }
    expect(codeOf(CALLERS.observer, 'write', target('locked'))).toBe('not-permitted');
    expect(codeOf(CALLERS.administrator, 'editMeeting', target('locked'))).toBe('wrong-state');
    expect(codeOf(CALLERS.officer, 'seeMeeting', target('signed'))).toBe(null);
    expect(codeOf(CALLERS.head, 'export', target('signed'))).toBe(null);
    expect(codeOf(CALLERS.administrator, 'export', target('signed'))).toBe('not-a-participant');
  });

  it('a head speaks for their own party only', () => {
    expect(authorize(CALLERS.head, 'markAgreement', target('draft', { party: 'LA' }))).toEqual({
      code: 'not-your-party',
      action: 'markAgreement',
      party: 'LA',
    });
    expect(codeOf(CALLERS.head, 'sign', target('locked', { party: 'LA' }))).toBe('not-your-party');
    expect(codeOf(CALLERS.head, 'remove', target('draft', { authors: ['TH', 'LA'] }))).toBe('written-by-others');
    expect(codeOf(CALLERS.secretariat, 'remove', target('draft', { authors: ['LA'] }))).toBe(null);
  });

  it('the role is refused before the record’s state: who could never is told so (403), who could on a draft is told it is locked (409)', () => {
    // An observer never sets a status (a write), nor does a head dismiss a finding: whatever the state, the role is the reason.
    expect(codeOf(CALLERS.observer, 'write', target('locked'))).toBe('not-permitted');
    expect(codeOf(CALLERS.observer, 'write', target('signed'))).toBe('not-permitted');
    expect(codeOf(CALLERS.head, 'dismissFinding', target('locked'))).toBe('not-permitted');
    expect(codeOf(CALLERS.delegate, 'markAgreement', target('locked'))).toBe('not-permitted');
    // Those who could, were the record a draft, are told it is not.
    expect(codeOf(CALLERS.secretariat, 'dismissFinding', target('locked'))).toBe('wrong-state');
    expect(codeOf(CALLERS.delegate, 'write', target('locked'))).toBe('wrong-state');
    expect(codeOf(CALLERS.head, 'markAgreement', target('locked'))).toBe('wrong-state');
    expect(codeOf(CALLERS.head, 'remove', target('locked', { authors: ['TH'] }))).toBe('wrong-state');
    expect(codeOf(CALLERS.head, 'decideProposal', target('signed'))).toBe('wrong-state');
  });

  it('facts the document holds decide with the rest: who wrote what is removed, whose language a proposal is in', () => {
    // The command reads them and asks; until then (factsToRead) the caller is judged as if they were their own.
    const unread = (state: RecordState) => target(state, { party: undefined, authors: undefined, factsToRead: true });
    for (const caller of ['head', 'delegate'] as const) {
      expect(codeOf(CALLERS[caller], 'remove', unread('draft'))).toBe(null);
      expect(codeOf(CALLERS[caller], 'remove', unread('locked'))).toBe('wrong-state');
      expect(codeOf(CALLERS[caller], 'remove', target('draft', { authors: ['TH'] }))).toBe(null);
      expect(authorize(CALLERS[caller], 'remove', target('draft', { authors: ['LA', '(secretariat)'] }))).toEqual({
        code: 'written-by-others',
        authors: ['LA', '(secretariat)'],
      });
      expect(codeOf(CALLERS[caller], 'remove', target('draft', { authors: [] }))).toBe('written-by-others');
    }
    expect(codeOf(CALLERS.observer, 'remove', unread('draft'))).toBe('not-permitted');
    // A proposal in Thai is the Thai head's to decide; in Lao, not theirs at all; in a language no party speaks, the secretariat's alone.
    expect(codeOf(CALLERS.head, 'decideProposal', unread('draft'))).toBe(null);
    expect(codeOf(CALLERS.head, 'decideProposal', target('draft', { party: 'TH' }))).toBe(null);
    expect(codeOf(CALLERS.head, 'decideProposal', target('draft', { party: 'LA' }))).toBe('not-permitted');
    expect(codeOf(CALLERS.head, 'decideProposal', target('draft', { party: undefined }))).toBe('not-permitted');
    expect(codeOf(CALLERS.secretariat, 'decideProposal', target('draft', { party: undefined }))).toBe(null);
    expect(codeOf(CALLERS.delegate, 'decideProposal', unread('draft'))).toBe('not-permitted');
  });

  it('the deployment’s own actions (accounts, its log) are the administrator’s: the token, or an account with the administrator role', () => {
    const administratorAccount: Principal = { ...officer, account: { ...officer.account, role: 'administrator' } } as Principal;
    for (const action of ['manageAccounts', 'readDeploymentAudit'] as const) {
      expect(codeOf(CALLERS.administrator, action, null)).toBe(null);
      expect(codeOf(administratorAccount, action, null)).toBe(null);
      expect(authorize(officer, action, null)).toEqual({ code: 'not-permitted', action, role: 'officer' });
      expect(codeOf(CALLERS.secretariat, action, null)).toBe('not-permitted');
      expect(codeOf(null, action, null)).toBe('unauthenticated');
    }
  });

  it('making a meeting through the API is the administrator token’s alone: no account, no participant, nobody signed out', () => {
    const administratorAccount: Principal = { ...officer, account: { ...officer.account, role: 'administrator' } } as Principal;
    expect(authorize(CALLERS.administrator, 'createMeetingByToken', null)).toBe(null);
    for (const caller of [null, administratorAccount, ...Object.values(CALLERS).filter((c) => c.kind !== 'admin')])
      expect(authorize(caller, 'createMeetingByToken', null)).toEqual({ code: 'needs-administrator-token' });
  });
});
