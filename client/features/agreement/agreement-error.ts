// What a refused agreement mark (one segment's, or a whole item's) tells the delegate, from
// the server's answer: the same words whichever button was pressed.
import { ApiFailure } from '../../connection/api';
import type { MessageKey } from '../../i18n/i18n';

export function agreementError(err: unknown): MessageKey {
  if (!(err instanceof ApiFailure)) return 'agreement.error.other';
  if (err.unreachable) return 'agreement.error.offline';
  if (err.status === 403) return 'agreement.error.forbidden';
  if (err.status === 409) return 'agreement.error.notDraft';
  if (err.status === 404) return 'agreement.error.unknownTarget';
  return 'agreement.error.other';
}
