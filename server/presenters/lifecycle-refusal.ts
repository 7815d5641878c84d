// A refused lifecycle step as it leaves the server: an HTTP status, a stable code the
// client maps to words in the reader's language, and an English message that says what
// was refused and what to do. Nothing refused was stored.
import type { LockBlocker } from '../../shared/record/agreement';
import { assertNever } from '../../shared/roles';
import type { CommandRefusal } from '../commands/lifecycle-result';
import { apiError, type ApiError } from '../routes/env';

type Status = 400 | 403 | 404 | 409 | 422;

const WHO: Record<string, string> = {
  lock: 'the secretariat',
  unlock: 'the secretariat',
  amend: 'the secretariat',
  sign: 'a head of delegation',
  enrolKey: 'a head of delegation',
};

const VERB: Record<string, string> = {
  lock: 'lock the record',
  unlock: 'unlock the record',
  amend: 'amend the record',
  sign: 'sign the record',
  enrolKey: 'enrol a signing key',
};

const NEEDED_STATE: Record<string, string> = {
  lock: 'a draft',
  unlock: 'a locked record',
  amend: 'a signed record',
  sign: 'a locked record',
  enrolKey: 'a record not yet signed',
};

export function presentRefusal(refusal: CommandRefusal): { status: Status; body: ApiError & Record<string, unknown> } {
  const say = (status: Status, code: string, message: string, extra: Record<string, unknown> = {}) => ({
    status,
    body: { error: { ...apiError(code, message).error, ...extra } },
  });
  switch (refusal.code) {
    case 'not-permitted':
      return say(
        403,
        'not_allowed',
        `Only ${WHO[refusal.action] ?? 'someone else'} can ${VERB[refusal.action] ?? refusal.action}.`,
      );
    case 'not-your-party':
      return say(
        403,
        'not_your_party',
        `You can ${VERB[refusal.action] ?? refusal.action} only for your own party, not for ${refusal.party}.`,
      );
    case 'wrong-state':
      return say(
        409,
        'wrong_state',
        `To ${VERB[refusal.action] ?? refusal.action}, it must be ${NEEDED_STATE[refusal.action] ?? 'in another state'}; this record is ${refusal.state}.`,
        { state: refusal.state },
      );
    case 'superseded':
      return say(409, 'superseded', `Version ${refusal.version} has been amended; act on the current version.`);
    case 'not-agreed':
      return say(
        409,
        'not_agreed',
        `The record cannot be locked yet: ${blockersText(refusal.blockers)}.`,
        { blockers: refusal.blockers },
      );
    case 'not-a-party':
      return say(409, 'not_a_party', `${refusal.party} is not a party to this record, so it does not sign it.`);
    case 'already-signed':
      return say(409, 'already_signed', `${refusal.party} has already signed this version.`);
    case 'stale-statement':
      return say(
        409,
        'stale_statement',
        'The statement names another version or record hash than the record now has. Review the record again, then sign it.',
        { expected: refusal.expected, given: refusal.given },
      );
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
      return say(409, 'key_in_use', `This key is already enrolled for ${refusal.party}: each head signs with a key of their own. Make a new key in your browser and enrol it.`);
    case 'bad-signature':
      return say(
        422,
        'bad_signature',
        `The signature does not verify with the key enrolled for ${refusal.party}. Sign again in the browser where you enrolled your key.`,
      );
    case 'signer-mismatch':
      return say(
        422,
        'signer_mismatch',
        'The statement must name you as the record lists you.',
        { expected: refusal.expected },
      );
    case 'statement-mismatch':
      return say(
        422,
        'statement_mismatch',
        'The statement names another meeting.',
        { expected: refusal.expected, found: refusal.found },
      );
    case 'no-such-version':
      return say(404, 'no_such_version', `This meeting has no version ${refusal.version}.`);
    case 'conflict':
      return say(
        409,
        'conflict',
        'Someone changed the record at the same moment. Reload it and try again; nothing was stored.',
      );
    default:
      return assertNever(refusal);
  }
}

/** What blocks a lock, in a sentence: each kind of blocker once, with how many there are. */
function blockersText(blockers: readonly LockBlocker[]): string {
  const count = (test: (b: LockBlocker) => boolean) => blockers.filter(test).length;
  const parts = [
    [count((b) => b.kind !== 'caseAnnex' && (b.missingParties.length > 0 || b.openBrackets > 0)), "segment(s) or action point(s) still lack a party's agreement or hold open brackets"],
    [count((b) => b.kind === 'caseAnnex'), `case annex still lacks the agreement of ${blockers.find((b) => b.kind === 'caseAnnex')?.missingParties.join(', ')}`],
    [count((b) => b.kind === 'personalData'), 'stretch(es) of text look like a victim’s name, identity number, phone number or date of birth: clear them, or the secretariat dismisses them'],
    [count((b) => (b.emptyLanguages?.length ?? 0) > 0), 'text(s) are empty in an authentic language, and a blank cannot be signed'],
    [count((b) => b.problem === 'no-head'), 'party(ies) have no head of delegation to sign'],
    [count((b) => b.problem === 'no-wording'), `working language(s) (${blockers.filter((b) => b.problem === 'no-wording').map((b) => b.id).join(', ')}) have no fixed words for an original, which would print them in English`],
  ] as const;
  return parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join('; ');
}
