// A failed call, as a message key the screen can say in the reader's language.
import { ApiFailure, IssuesRefused } from './console-api';
import type { MessageKey } from '../../i18n/i18n';

export function failureKey(err: unknown): MessageKey {
  if (!(err instanceof ApiFailure)) return 'console.common.error';
  if (err.unreachable) return 'console.common.unreachable';
  switch (err.code) {
    case 'unauthorized':
      return 'console.common.signedOut';
    case 'password_change_required':
      return 'console.password.explain';
    case 'not_found':
      return 'console.common.notFound';
    case 'not_draft':
      return 'console.common.notDraft';
    case 'not_allowed':
      return 'console.common.notAllowed';
    case 'next_meeting_exists':
      return 'console.next.exists';
    case 'login_taken':
      return 'console.accounts.loginTaken';
    case 'unknown_account':
      return 'console.officers.unknown';
    default:
      return 'console.common.error';
  }
}

/** The fields the server named in a refusal, as "field: problem" (its words, in English). */
export const issuesOf = (err: unknown): string[] =>
  err instanceof IssuesRefused ? err.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) : [];
