// Answers the routes once built by hand now leave through the one presenter, each as it
// was: the same status, code and message, so a client reading them sees no change.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../shared/issues';
import type { Refusal } from '../../../server/policies/refusal';
import { presentRefusal } from '../../../server/presenters/refusal';

const wire = (refusal: Refusal) => {
  const { status, body } = presentRefusal(refusal);
  return { status, text: JSON.stringify(body) };
};
const answer = (status: number, code: string, message: string) => ({ status, text: JSON.stringify({ error: { code, message } }) });

describe('the presenter, for plain look-ups and requests refused', () => {
  it('answers making a meeting without the administrator token 401, as the route did', () => {
    expect(wire({ code: 'needs-administrator-token' })).toEqual(answer(401, 'unauthorized', 'Creating a meeting needs the administrator token.'));
  });

  it('answers an export of no such version, no such party’s original, or a draft’s bundle as before', () => {
    expect(wire({ code: 'no-such-version', version: 7 })).toEqual(answer(404, 'no_such_version', 'This meeting has no version 7.'));
    expect(wire({ code: 'unknown-party', parties: ['TH', 'LA'] })).toEqual(
      answer(400, 'unknown_original', 'Say whose original to export: original=TH or original=LA.'),
    );
    expect(wire({ code: 'not-locked' })).toEqual(answer(409, 'not_locked', 'A draft has no signed bundle: the record is bundled once it is locked.'));
  });

  it('answers an invitation, an account or a kind of item not there, and a withdrawn invitation, as before', () => {
    expect(wire({ code: 'not-found', what: 'participant' })).toEqual(answer(404, 'not_found', 'There is no such participant in this meeting.'));
    expect(wire({ code: 'invitation-revoked' })).toEqual(answer(409, 'revoked', 'This invitation was withdrawn; it cannot be given a new link.'));
    expect(wire({ code: 'not-found', what: 'account' })).toEqual(answer(404, 'not_found', 'There is no such account.'));
    expect(wire({ code: 'not-found', what: 'removable-kind' })).toEqual(answer(404, 'not_found', 'Agenda items, segments and action points are removed here.'));
    expect(wire({ code: 'unknown-account' })).toEqual(answer(404, 'unknown_account', 'No enabled account signs in with this login.'));
    expect(wire({ code: 'account-disabled' })).toEqual(answer(409, 'disabled', 'This account is disabled; make a new one.'));
  });

  it('answers who is not signed in, or must change a password first, as before', () => {
    expect(wire({ code: 'unauthenticated', console: true })).toEqual(answer(401, 'unauthorized', 'Sign in to the console first.'));
    expect(wire({ code: 'no-session', of: 'participant' })).toEqual(answer(401, 'unauthorized', 'Not signed in.'));
    expect(wire({ code: 'no-session', of: 'officer' })).toEqual(answer(401, 'unauthorized', 'Not signed in to the console.'));
    expect(wire({ code: 'invalid-invitation' })).toEqual(
      answer(401, 'invalid_invitation', 'This invitation link is not valid, or it was withdrawn. Ask the secretariat for a new one.'),
    );
    expect(wire({ code: 'password-change-required' })).toEqual(
      answer(403, 'password_change_required', 'Choose a new password before anything else: the one you were given was for the first sign-in only.'),
    );
  });

  it('answers a body or file too large, a roster with no file, and a file to verify that cannot be read, as before', () => {
    expect(wire({ code: 'too-large', what: 'body', bytes: 16384 })).toEqual(
      answer(413, 'too_large', 'The request body is over 16384 bytes; nothing was read.'),
    );
    expect(wire({ code: 'too-large', what: 'roster', bytes: 2 * 1024 * 1024 })).toEqual(
      answer(413, 'too_large', 'The file is over 2 MB; a roster is smaller.'),
    );
    expect(wire({ code: 'too-large', what: 'word-draft', bytes: 10 * 1024 * 1024 })).toEqual(
      answer(413, 'too_large', 'The file is over 10 MB; a draft of minutes is smaller.'),
    );
    expect(wire({ code: 'no-file' })).toEqual(answer(400, 'no_file', 'Send the roster as the request body (text/csv or .xlsx), or as the form field "file".'));
    expect(wire({ code: 'no-bundle' })).toEqual(answer(400, 'no_bundle', 'This file carries no signed bundle: it is a draft, or its bundle was taken out.'));
    expect(wire({ code: 'not-json' })).toEqual(
      answer(400, 'not_json', 'The file is neither JSON nor a PDF: send the signed bundle (.json) or the original PDF as it was exported.'),
    );
  });

  it('answers a request from another page, a change not sent as JSON, and an address that is nothing, as before', () => {
    expect(wire({ code: 'cross-origin', reading: true })).toEqual(answer(403, 'cross_origin', 'This address answers only Accord’s own pages.'));
    expect(wire({ code: 'cross-origin', reading: false })).toEqual(
      answer(403, 'cross_origin', 'This request did not come from Accord’s own pages, so nothing was changed.'),
    );
    expect(wire({ code: 'unsupported-type' })).toEqual(
      answer(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json); nothing was changed.'),
    );
    expect(wire({ code: 'not-found', what: 'address' })).toEqual(answer(404, 'not_found', 'Nothing here.'));
  });

  it('answers a body its schema refused with the route’s own code, the first fields named, and every issue', () => {
    const issues = [1, 2, 3, 4].map((n): Issue => ({ path: `participants.${n}.party`, message: 'not a party', code: 'not-a-party' }));
    expect(wire({ code: 'invalid-request', answerCode: 'invalid_meeting', issues })).toEqual({
      status: 400,
      text: JSON.stringify({
        error: {
          code: 'invalid_meeting',
          message:
            'The request was refused (participants.1.party: not a party; participants.2.party: not a party; participants.3.party: not a party; and 1 more); nothing was stored.',
          issues,
        },
      }),
    });
  });
});
