// A refusal as it leaves the server, for every route: an HTTP status, a stable code the
// client maps to words in the reader's language, and an English message that says what
// was refused and what to do (with, for a throttle, when to try again). Nothing refused
// was stored.
import type { LockBlocker } from '../../shared/record/agreement';
import type { Issue } from '../../shared/issues';
import { assertNever } from '../../shared/roles';
import type { Missing, PolicyAction, Refusal } from '../policies/refusal';
import { apiError, type ApiError } from '../routes/env';

export type RefusalStatus = 401 | 400 | 403 | 404 | 409 | 422 | 429;

const WHO: Partial<Record<PolicyAction, string>> = {
  lock: 'the secretariat',
  unlock: 'the secretariat',
  amend: 'the secretariat',
  sign: 'a head of delegation',
  enrolKey: 'a head of delegation',
  export: 'the secretariat and the heads of delegation',
  readAudit: 'the secretariat',
  manageInvitations: 'the secretariat',
  markAgreement: 'a head of delegation',
  dismissFinding: 'the secretariat',
  restore: 'the secretariat',
  manageAccounts: 'the administrator',
  readDeploymentAudit: 'the administrator',
  decideProposal: 'the secretariat or the head of the party whose language it is',
};

const VERB: Partial<Record<PolicyAction, string>> = {
  lock: 'lock the record',
  unlock: 'unlock the record',
  amend: 'amend the record',
  sign: 'sign the record',
  enrolKey: 'enrol a signing key',
  export: 'export the record',
  readAudit: 'read the audit log',
  manageInvitations: 'manage invitations',
  write: 'change the record',
  markAgreement: 'mark agreement',
  readComments: 'read comments',
  comment: 'comment',
  propose: 'propose wording',
  decideProposal: 'decide a proposal',
  readCases: 'see the cases',
  writeCases: 'change the cases',
  dismissFinding: 'dismiss a finding',
  remove: 'remove from the record',
  saveVersion: 'name a version',
  restore: 'restore from a version',
  editMeeting: "change the meeting's facts and roster",
  manageAccounts: 'manage the accounts',
  readDeploymentAudit: "read the deployment's audit log",
};

const NEEDED_STATE: Partial<Record<PolicyAction, string>> = {
  lock: 'a draft',
  unlock: 'a locked record',
  amend: 'a signed record',
  sign: 'a locked record',
  enrolKey: 'a record not yet signed',
};

/** The lifecycle's own steps answer a state they cannot be taken in as `wrong_state`; every other change, as `not_draft`. */
const LIFECYCLE_STEPS: readonly PolicyAction[] = ['lock', 'unlock', 'amend', 'sign', 'enrolKey'];

const MISSING: Record<Missing, string> = {
  version: 'There is no such version of this record.',
  item: 'There is no such item in the record.',
  case: 'There is no such case in this record’s annex.',
  finding: 'Nothing of that kind is found there now: it may have been cleared.',
  'action-point': 'There is no such action point in the record.',
  'agenda-item': 'This agenda item is no longer in the record.',
  participant: 'There is no such participant in this meeting.',
};

const verb = (action: PolicyAction) => VERB[action] ?? action;

/** A refusal's answer: its status, its body, and the headers it carries (a throttle's Retry-After). */
export interface PresentedRefusal {
  status: RefusalStatus;
  body: ApiError & Record<string, unknown>;
  headers?: Record<string, string>;
}

export function presentRefusal(refusal: Refusal): PresentedRefusal {
  const say = (status: RefusalStatus, code: string, message: string, extra: Record<string, unknown> = {}): PresentedRefusal => ({
    status,
    body: { error: { ...apiError(code, message).error, ...extra } },
  });
  // A client that waits as told is let in again: the header says when, in seconds.
  const throttled = (retryAfterSeconds: number, message: string): PresentedRefusal => ({
    ...say(429, 'too_many_attempts', message),
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
  switch (refusal.code) {
    case 'unauthenticated':
      return say(401, 'unauthorized', 'Open your invitation link to sign in.');
    case 'no-such-meeting':
      return say(404, 'not_found', 'There is no meeting here that you may open.');
    case 'not-a-participant':
      return say(403, 'not_allowed', `Only the meeting's participants ${verb(refusal.action)}: open your invitation link.`);
    case 'not-permitted':
      return say(
        403,
        'not_allowed',
        WHO[refusal.action]
          ? `Only ${WHO[refusal.action]} can ${verb(refusal.action)}.`
          : `As ${refusal.role === 'observer' ? 'an observer' : `a ${refusal.role}`}, you cannot ${verb(refusal.action)}.`,
      );
    case 'not-your-party':
      return say(403, 'not_your_party', `You can ${verb(refusal.action)} only for your own party, not for ${refusal.party}.`);
    case 'written-by-others':
      return say(403, 'remove:not-your-party', 'It holds text another party wrote (or the meeting was set up with): the secretariat removes it.');
    case 'wrong-state':
      return LIFECYCLE_STEPS.includes(refusal.action)
        ? say(
            409,
            'wrong_state',
            `To ${verb(refusal.action)}, it must be ${NEEDED_STATE[refusal.action] ?? 'in another state'}; this record is ${refusal.state}.`,
            { state: refusal.state },
          )
        : say(409, 'not_draft', `The record is ${refusal.state}: to ${verb(refusal.action)}, it must be a draft.`);
    case 'superseded':
      return say(409, 'superseded', `Version ${refusal.version} has been amended; act on the current version.`);
    case 'not-agreed':
      return say(409, 'not_agreed', `The record cannot be locked yet: ${blockersText(refusal.blockers)}.`, { blockers: refusal.blockers });
    case 'not-a-party':
      return say(409, 'not_a_party', `${refusal.party} is not a party to this record, so it does not sign it.`);
    case 'already-signed':
      return say(409, 'already_signed', `${refusal.party} has already signed this version.`);
    case 'stale-statement':
      return say(409, 'stale_statement', 'The statement names another version or record hash than the record now has. Review the record again, then sign it.', {
        expected: refusal.expected,
        given: refusal.given,
      });
    case 'clock-skew':
      return say(
        422,
        'clock_skew',
        "The statement's time is more than 15 minutes from the server's. Use the serverTime given with the record, and sign again.",
        { serverTime: refusal.at },
      );
    case 'no-key-enrolled':
      return say(409, 'no_key', `No signing key is enrolled for ${refusal.party}. Enrol your key first, then sign.`);
    case 'invalid-key':
      return say(400, 'invalid_key', 'That is not an Ed25519 public key. Nothing was enrolled.');
    case 'key-in-use':
      return say(
        409,
        'key_in_use',
        `This key is already enrolled for ${refusal.party}: each head signs with a key of their own. Make a new key in your browser and enrol it.`,
      );
    case 'bad-signature':
      return say(
        422,
        'bad_signature',
        `The signature does not verify with the key enrolled for ${refusal.party}. Sign again in the browser where you enrolled your key.`,
      );
    case 'signer-mismatch':
      return say(422, 'signer_mismatch', 'The statement must name you as the record lists you.', { expected: refusal.expected });
    case 'statement-mismatch':
      return say(422, 'statement_mismatch', 'The statement names another meeting.', { expected: refusal.expected, found: refusal.found });
    case 'no-such-version':
      return say(404, 'no_such_version', `This meeting has no version ${refusal.version}.`);
    case 'unknown-target':
      return say(404, 'unknown_target', 'There is no such segment or action point in the record.');
    case 'unknown-agenda-item':
      return say(404, 'unknown_agenda_item', 'There is no such agenda item in the record.');
    case 'unknown-segment':
      return say(404, 'unknown_segment', 'There is no such segment in the record.');
    case 'unknown-thread':
      return say(404, 'unknown_thread', 'There is no such comment thread.');
    case 'unknown-mention':
      return say(400, 'unknown_mention', 'Someone mentioned is not a participant of this meeting; nothing was stored.');
    case 'mention-cannot-see':
      return say(400, 'mention_cannot_see', 'Someone mentioned could not read this comment (it is for your delegation only); nothing was stored.');
    case 'unknown-language':
      return say(404, 'unknown_language', 'The segment has no cell in that language.');
    case 'not-found':
      return say(404, 'not_found', MISSING[refusal.what]);
    case 'not-in-version':
      return say(404, 'not_in_version', 'That version does not hold this item.');
    case 'still-there':
      return say(409, 'still_there', 'The item is in the record (or the agenda item it belongs to is not): nothing to restore.');
    case 'stale-annex':
      return say(409, 'stale', 'The case annex changed since you read it: read it again before agreeing.');
    case 'not-working-language':
      return say(400, 'invalid_agenda_item', 'The title was refused; nothing was changed.', {
        issues: refusal.languages.map(
          (l): Issue => ({
            path: `title.${l}`,
            message: `${l} is not a working language of this meeting`,
            code: 'not-working-language',
            params: { language: l },
          }),
        ),
      });
    case 'invalid-facts':
      return say(400, 'invalid_facts', 'The facts were refused; nothing was changed.', { issues: refusal.problems });
    case 'unknown-proposal':
      return say(404, 'unknown_proposal', 'There is no such proposal.');
    case 'already-decided':
      return say(409, 'already_decided', 'The proposal was already accepted or rejected.');
    case 'unchanged':
      return say(400, 'unchanged', 'The proposed wording is the same as the text: nothing to propose.');
    case 'conflict':
      return say(409, 'conflict', 'Someone changed the record at the same moment. Reload it and try again; nothing was stored.');
    case 'login-taken':
      return say(409, 'login_taken', 'Another account already signs in with this login.');
    case 'wrong-credentials':
      return say(401, 'wrong_credentials', 'The login or the password is not right.');
    case 'too-many-sign-ins':
      return throttled(
        refusal.retryAfterSeconds,
        `Too many failed sign-ins: wait ${Math.ceil(refusal.retryAfterSeconds / 60)} minutes, or ask the administrator for a setup link.`,
      );
    case 'too-many-codes':
      return throttled(
        refusal.retryAfterSeconds,
        `Too many wrong codes: wait ${Math.ceil(refusal.retryAfterSeconds / 60)} minutes, or restart the server for a new code.`,
      );
    case 'wrong-code':
      return say(401, 'wrong_code', 'This is not the set-up code the server printed at its last start, or it was used already.');
    case 'wrong-password':
      return say(403, 'wrong_password', 'The current password is not right; nothing was changed.');
    case 'same-password':
      return say(400, 'same_password', 'Choose a password other than the one you were given.');
    case 'invalid-setup-link':
      return say(401, 'invalid_setup_link', 'This setup link is not valid, was used already, or has expired. Ask the administrator for a new one.');
    case 'no-longer-draft':
      return say(409, 'not_draft', `The record is no longer a draft: its ${refusal.fixed === 'roster' ? 'roster is' : 'agenda and minutes are'} fixed.`);
    case 'invalid-participant':
      return say(400, 'invalid_participant', 'This person was not added.', {
        issues: refusal.problems.map((p): Issue => ({ path: p.column ?? '', message: p.message, code: `roster.${p.code}` })),
      });
    case 'invalid-roster':
      return say(400, 'invalid_roster', 'The list was refused; nobody was added. Correct the lines named and import it again.', {
        problems: refusal.problems,
      });
    case 'invalid-draft':
      return say(400, 'invalid_draft', 'The draft was not imported; nothing was stored. Correct the paragraphs named and try again.', {
        problems: refusal.problems,
      });
    case 'no-account':
      return say(403, 'no_account', 'The administrator token has no place on a roster: sign in to the console with an account to open the workspace.');
    case 'party-not-in-meeting':
      return say(409, 'not_a_party', 'Choose which party’s secretariat you sit with: your own party is not a party of this meeting.', {
        parties: refusal.parties,
      });
    case 'roster-fixed':
      return say(
        409,
        'roster_fixed',
        'The record is locked: its roster is fixed, so you cannot join it as secretariat now. Ask a secretariat on the roster for an invitation link.',
      );
    case 'invalid-next-meeting':
      return say(409, 'invalid_next_meeting', 'The next meeting could not be made from this one; nothing was stored.', { issues: refusal.problems });
    case 'next-meeting-exists':
      return say(409, 'next_meeting_exists', `Meeting ${refusal.number} of this series exists already.`, {
        meetingId: refusal.meetingId,
        number: refusal.number,
      });
    default:
      return assertNever(refusal);
  }
}

/** What blocks a lock, in a sentence: each kind of blocker once, with how many there are. */
function blockersText(blockers: readonly LockBlocker[]): string {
  const count = (test: (b: LockBlocker) => boolean) => blockers.filter(test).length;
  const parts = [
    [
      count((b) => b.kind !== 'caseAnnex' && (b.missingParties.length > 0 || b.openBrackets > 0)),
      "segment(s) or action point(s) still lack a party's agreement or hold open brackets",
    ],
    [
      count((b) => b.kind === 'caseAnnex'),
      `case annex still lacks the agreement of ${blockers.find((b) => b.kind === 'caseAnnex')?.missingParties.join(', ')}`,
    ],
    [
      count((b) => b.kind === 'personalData'),
      'stretch(es) of text look like a victim’s name, identity number, phone number or date of birth: clear them, or the secretariat dismisses them',
    ],
    [count((b) => (b.emptyLanguages?.length ?? 0) > 0), 'text(s) are empty in an authentic language, and a blank cannot be signed'],
    [count((b) => b.problem === 'no-head'), 'party(ies) have no head of delegation to sign'],
    [
      count((b) => b.problem === 'no-wording'),
      `working language(s) (${blockers
        .filter((b) => b.problem === 'no-wording')
        .map((b) => b.id)
        .join(', ')}) have no fixed words for an original, which would print them in English`,
    ],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join('; ');
}
