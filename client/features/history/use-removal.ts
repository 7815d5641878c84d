// Removing an agenda item, segment or action point: a server command (the socket refuses a
// raw deletion), whose refusal the screen says in the reader's language.
import { useCallback, useState } from 'react';
import { ApiFailure } from '../../connection/api';
import { historyApi, type ItemKind } from '../../connection/history-api';
import { useT } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';

export interface Removal {
  /** Asks `question`, then removes; answers whether it was removed. */
  remove(kind: ItemKind, id: string, question: string): Promise<boolean>;
  /** Why the last removal was refused, in the reader's language, or null. */
  refusal: { code: string; text: string } | null;
  dismiss(): void;
}

export function useRemoval(): Removal {
  const { t } = useT();
  const { meeting } = useWorkspace();
  const [refusal, setRefusal] = useState<Removal['refusal']>(null);
  const remove = useCallback(
    async (kind: ItemKind, id: string, question: string) => {
      if (!window.confirm(question)) return false;
      setRefusal(null);
      try {
        await historyApi.remove(meeting.id, kind, id);
        return true;
      } catch (err) {
        const code = err instanceof ApiFailure ? err.code : 'error';
        const text =
          code === 'remove:not-your-party'
            ? t('remove.refused.notYourParty')
            : code === 'not_draft'
              ? t('remove.refused.notDraft')
              : t('remove.refused.other', { message: err instanceof Error ? err.message : String(err) });
        setRefusal({ code, text });
        return false;
      }
    },
    [meeting.id, t],
  );
  return { remove, refusal, dismiss: () => setRefusal(null) };
}
