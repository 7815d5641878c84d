// "Agree all remaining in this item": one server command marks, for the head's party, every
// segment of the item not yet agreed as it reads now.
import { useState } from 'react';
import { CheckCheck } from 'lucide-react';
import { can } from '../../../shared/roles';
import { negotiationApi } from '../../connection/negotiation-api';
import { useT, type MessageKey } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';
import { agreementError } from './agreement-error';

export function AgreeAllButton({ itemId }: { itemId: string }) {
  const { t } = useT();
  const { meeting, you, recordState } = useWorkspace();
  const [pending, setPending] = useState(false);
  const [said, setSaid] = useState<{ key: MessageKey; count?: number; error?: boolean } | null>(null);
  if (!you || !can(you, 'markAgreement', { state: recordState }, { party: you.party })) return null;

  const agreeAll = async () => {
    setPending(true);
    setSaid(null);
    try {
      const { marked } = await negotiationApi.agreeAll(meeting.id, itemId);
      setSaid(marked.length > 0 ? { key: 'agreeAll.done', count: marked.length } : { key: 'agreeAll.none' });
    } catch (err) {
      setSaid({ key: agreementError(err), error: true });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="agree-all">
      <button type="button" disabled={pending} onClick={agreeAll}>
        <CheckCheck size={16} aria-hidden="true" /> {t('agreeAll.button')}
      </button>
      {said && (
        <p className={said.error ? 'error' : 'done'} role={said.error ? 'alert' : 'status'}>
          {t(said.key, { count: said.count ?? 0 })}
        </p>
      )}
    </div>
  );
}
