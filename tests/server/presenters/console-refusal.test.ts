// The console's refusals leave through the one presenter, as the console's routes answered
// them by hand before: the same status, code, message, extra fields in the same order, and
// the throttle's Retry-After. The client (client/features/console/) reads these codes.
import { describe, expect, it } from 'vitest';
import type { RosterProblem } from '../../../shared/console/roster';
import type { Issue } from '../../../shared/issues';
import type { DraftProblem } from '../../../shared/console/word-draft';
import type { Refusal } from '../../../server/policies/refusal';
import { presentRefusal } from '../../../server/presenters/refusal';

/** The answer as a client reads it: status, the body's exact text, its headers. */
const wire = (refusal: Refusal) => {
  const { status, body, headers } = presentRefusal(refusal);
  return { status, text: JSON.stringify(body), headers: headers ?? {} };
};

const answer = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) => ({ status, text: JSON.stringify({ error }), headers });

describe('the presenter, for the console’s refusals', () => {
  it('answers accounts and sign-in as before: 409 for a login taken, 401 for wrong credentials or code, 403 and 400 for a password change, 401 for a setup link', () => {
    expect(wire({ code: 'login-taken' })).toEqual(answer(409, { code: 'login_taken', message: 'Another account already signs in with this login.' }));
    expect(wire({ code: 'wrong-credentials' })).toEqual(answer(401, { code: 'wrong_credentials', message: 'The login or the password is not right.' }));
    expect(wire({ code: 'wrong-code' })).toEqual(
      answer(401, { code: 'wrong_code', message: 'This is not the set-up code the server printed at its last start, or it was used already.' }),
    );
    expect(wire({ code: 'wrong-password' })).toEqual(
      answer(403, { code: 'wrong_password', message: 'The current password is not right; nothing was changed.' }),
    );
    expect(wire({ code: 'same-password' })).toEqual(answer(400, { code: 'same_password', message: 'Choose a password other than the one you were given.' }));
    expect(wire({ code: 'invalid-setup-link' })).toEqual(
      answer(401, {
        code: 'invalid_setup_link',
        message: 'This setup link is not valid, was used already, or has expired. Ask the administrator for a new one.',
      }),
    );
  });

  it('answers a throttled sign-in or set-up code 429 too_many_attempts, with Retry-After in seconds and the wait in minutes', () => {
    expect(wire({ code: 'too-many-sign-ins', retryAfterSeconds: 301 })).toEqual(
      answer(
        429,
        { code: 'too_many_attempts', message: 'Too many failed sign-ins: wait 6 minutes, or ask the administrator for a setup link.' },
        { 'retry-after': '301' },
      ),
    );
    expect(wire({ code: 'too-many-codes', retryAfterSeconds: 900 })).toEqual(
      answer(
        429,
        { code: 'too_many_attempts', message: 'Too many wrong codes: wait 15 minutes, or restart the server for a new code.' },
        { 'retry-after': '900' },
      ),
    );
  });

  it('answers a roster refused: 409 not_draft once locked, field issues for one person, the lines for a list', () => {
    const problem: RosterProblem = { line: 3, code: 'unknown-party', column: 'party', message: 'XX is not a party of this meeting' };
    expect(wire({ code: 'no-longer-draft', fixed: 'roster' })).toEqual(
      answer(409, { code: 'not_draft', message: 'The record is no longer a draft: its roster is fixed.' }),
    );
    expect(wire({ code: 'invalid-participant', problems: [problem] })).toEqual(
      answer(400, {
        code: 'invalid_participant',
        message: 'This person was not added.',
        issues: [{ path: 'party', message: 'XX is not a party of this meeting', code: 'roster.unknown-party' }],
      }),
    );
    expect(wire({ code: 'invalid-roster', problems: [problem] })).toEqual(
      answer(400, {
        code: 'invalid_roster',
        message: 'The list was refused; nobody was added. Correct the lines named and import it again.',
        problems: [problem],
      }),
    );
  });

  it('answers a Word draft refused: 409 not_draft once locked, 400 invalid_draft with the paragraphs', () => {
    const problem: DraftProblem = { paragraph: 0, code: 'unreadable' };
    expect(wire({ code: 'no-longer-draft', fixed: 'agenda-and-minutes' })).toEqual(
      answer(409, { code: 'not_draft', message: 'The record is no longer a draft: its agenda and minutes are fixed.' }),
    );
    expect(wire({ code: 'invalid-draft', problems: [problem] })).toEqual(
      answer(400, {
        code: 'invalid_draft',
        message: 'The draft was not imported; nothing was stored. Correct the paragraphs named and try again.',
        problems: [problem],
      }),
    );
  });

  it('answers an officer’s seat refused: 403 without an account, 409 with the parties to choose from, 409 once the roster is fixed', () => {
    expect(wire({ code: 'no-account' })).toEqual(
      answer(403, {
        code: 'no_account',
        message: 'The administrator token has no place on a roster: sign in to the console with an account to open the workspace.',
      }),
    );
    expect(wire({ code: 'party-not-in-meeting', parties: ['TH', 'LA'] })).toEqual(
      answer(409, {
        code: 'not_a_party',
        message: 'Choose which party’s secretariat you sit with: your own party is not a party of this meeting.',
        parties: ['TH', 'LA'],
      }),
    );
    expect(wire({ code: 'roster-fixed' })).toEqual(
      answer(409, {
        code: 'roster_fixed',
        message: 'The record is locked: its roster is fixed, so you cannot join it as secretariat now. Ask a secretariat on the roster for an invitation link.',
      }),
    );
  });

  it('answers the next meeting refused: 409 with its issues, or 409 next_meeting_exists naming the meeting that holds the place', () => {
    const issue: Issue = { path: 'number', message: 'Too long', code: 'too-long' };
    expect(wire({ code: 'invalid-next-meeting', problems: [issue] })).toEqual(
      answer(409, { code: 'invalid_next_meeting', message: 'The next meeting could not be made from this one; nothing was stored.', issues: [issue] }),
    );
    expect(wire({ code: 'next-meeting-exists', number: 4, meetingId: 'm-4' })).toEqual(
      answer(409, { code: 'next_meeting_exists', message: 'Meeting 4 of this series exists already.', meetingId: 'm-4', number: 4 }),
    );
  });

  it('sends no headers with a refusal that is not a throttle', () => {
    expect(presentRefusal({ code: 'conflict' }).headers).toBeUndefined();
  });
});
