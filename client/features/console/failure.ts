// A failed call, as a message key the screen can say in the reader's language.
import { ApiFailure, IssuesRefused } from './console-api';
import { translate, type MessageKey, type UiLanguage } from '../../i18n/i18n';
import { issueMessage } from '../../i18n/issue-message';

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
    case 'roster_fixed':
      return 'console.workspace.rosterFixed';
    case 'no_account':
      return 'console.workspace.noAccount';
    case 'wrong_code':
      return 'console.firstRun.wrongCode';
    case 'too_many_attempts':
      return 'console.firstRun.throttled';
    case 'too_large':
      return 'console.common.tooLarge';
    case 'login_taken':
      return 'console.accounts.loginTaken';
    case 'unknown_account':
      return 'console.officers.unknown';
    default:
      return 'console.common.error';
  }
}

/** The fields the server named in a refusal, each as "field: problem" in the reader's language. */
const issuesOf = (err: unknown, language: UiLanguage, named?: Record<string, MessageKey>): string[] =>
  err instanceof IssuesRefused ? err.issues.map((i) => issueMessage(i, language, named)) : [];

/** What to show for a failed form: its fields' problems, or what went wrong as a whole. */
export const problemsOf = (err: unknown, language: UiLanguage, named?: Record<string, MessageKey>): string[] => {
  const issues = issuesOf(err, language, named);
  return issues.length > 0 ? issues : [translate(language, failureKey(err))];
};
