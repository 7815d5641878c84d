// A failed call, as a message key the screen can say in the reader's language.
import { ApiFailure, IssuesRefused } from './console-api';
import type { ConsoleKey } from './i18n/console-i18n';

export function failureKey(err: unknown): ConsoleKey {
  if (!(err instanceof ApiFailure)) return 'common.error';
  if (err.unreachable) return 'common.unreachable';
  switch (err.code) {
    case 'unauthorized':
      return 'common.signedOut';
    case 'password_change_required':
      return 'password.explain';
    case 'not_found':
      return 'common.notFound';
    case 'not_draft':
      return 'common.notDraft';
    case 'not_allowed':
      return 'common.notAllowed';
    case 'next_meeting_exists':
      return 'next.exists';
    case 'login_taken':
      return 'accounts.loginTaken';
    case 'unknown_account':
      return 'officers.unknown';
    default:
      return 'common.error';
  }
}

/** The fields the server named in a refusal, as "field: problem" (its words, in English). */
export const issuesOf = (err: unknown): string[] =>
  err instanceof IssuesRefused ? err.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) : [];
