// The console's refusals as they leave the server: its accounts and sign-in, and the
// meetings it sets up (the rest are in ./refusal.ts, which hands these on here).
import type { Issue } from '../../shared/issues';
import { assertNever } from '../../shared/roles';
import type { ConsoleRefusal } from '../policies/refusal';
import { say, throttled, type PresentedRefusal } from './refusal-answer';

export function presentConsoleRefusal(refusal: ConsoleRefusal): PresentedRefusal {
  switch (refusal.code) {
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
    case 'unknown-account':
      return say(404, 'unknown_account', 'No enabled account signs in with this login.');
    case 'account-disabled':
      return say(409, 'disabled', 'This account is disabled; make a new one.');
    case 'password-change-required':
      return say(403, 'password_change_required', 'Choose a new password before anything else: the one you were given was for the first sign-in only.');
    case 'no-session':
      return say(401, 'unauthorized', refusal.of === 'officer' ? 'Not signed in to the console.' : 'Not signed in.');
    case 'invalid-invitation':
      return say(401, 'invalid_invitation', 'This invitation link is not valid, or it was withdrawn. Ask the secretariat for a new one.');
    default:
      return assertNever(refusal);
  }
}
