// A refusal as it leaves the server, for every route: an HTTP status, a stable code the
// client maps to words in the reader's language, and an English message that says what
// was refused and what to do (with, for a throttle, when to try again). Nothing refused
// was stored.
import type { LockBlocker } from '../../shared/record/agreement';
import type { Issue } from '../../shared/issues';
import type { Missing, PolicyAction, Refusal, RequestRefusal } from '../policies/refusal';
import { presentConsoleRefusal } from './console-refusal';
import { say, type PresentedRefusal } from './refusal-answer';

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
  account: 'There is no such account.',
  'removable-kind': 'Agenda items, segments and action points are removed here.',
  address: 'Nothing here.',
};

const verb = (action: PolicyAction) => VERB[action] ?? action;

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

const TOO_LARGE: Record<Extract<RequestRefusal, { code: 'too-large' }>['what'], (bytes: number) => string> = {
  body: (bytes) => `The request body is over ${bytes} bytes; nothing was read.`,
  roster: (bytes) => `The file is over ${megabytes(bytes)} MB; a roster is smaller.`,
  'word-draft': (bytes) => `The file is over ${megabytes(bytes)} MB; a draft of minutes is smaller.`,
};

export function presentRefusal(refusal: Refusal): PresentedRefusal {
  switch (refusal.code) {
    case 'unauthenticated':
      return refusal.console ? say(401, 'unauthorized', 'Sign in to the console first.') : say(401, 'unauthorized', 'Open your invitation link to sign in.');
    case 'needs-administrator-token':
      return say(401, 'unauthorized', 'Creating a meeting needs the administrator token.');
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
    case 'unknown-party':
      return say(400, 'unknown_original', `Say whose original to export: ${refusal.parties.map((p) => `original=${p}`).join(' or ')}.`);
    case 'not-locked':
      return say(409, 'not_locked', 'A draft has no signed bundle: the record is bundled once it is locked.');
    case 'invitation-revoked':
      return say(409, 'revoked', 'This invitation was withdrawn; it cannot be given a new link.');
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
    case 'invalid-request':
      return say(400, refusal.answerCode, refusedFields(refusal.issues), { issues: refusal.issues });
    case 'no-bundle':
      return say(400, 'no_bundle', 'This file carries no signed bundle: it is a draft, or its bundle was taken out.');
    case 'not-json':
      return say(400, 'not_json', 'The file is neither JSON nor a PDF: send the signed bundle (.json) or the original PDF as it was exported.');
    case 'no-file':
      return say(400, 'no_file', 'Send the roster as the request body (text/csv or .xlsx), or as the form field "file".');
    case 'too-large':
      return say(413, 'too_large', TOO_LARGE[refusal.what](refusal.bytes));
    case 'cross-origin':
      return refusal.reading
        ? say(403, 'cross_origin', 'This address answers only Accord’s own pages.')
        : say(403, 'cross_origin', 'This request did not come from Accord’s own pages, so nothing was changed.');
    case 'unsupported-type':
      return say(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json); nothing was changed.');
    default:
      // What is left is the console's own: its accounts, sign-in, and the meetings it sets up.
      return presentConsoleRefusal(refusal);
  }
}

/** "The request was refused (targetId: …; agreed: …); nothing was stored.": the first few fields, for a reader of the raw answer. */
function refusedFields(issues: readonly Issue[]): string {
  const named = issues.slice(0, 3).map((i) => `${i.path || 'the body'}: ${i.message}`);
  if (issues.length > 3) named.push(`and ${issues.length - 3} more`);
  return `The request was refused (${named.join('; ')}); nothing was stored.`;
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
