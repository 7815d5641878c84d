// A write the server refused, said in words: what was refused, why, what to do, and the
// text the person typed, still on their screen and in this browser, ready to copy.
import { useState } from 'react';
import { Copy, TriangleExclamationPoint, X } from 'lucide-react';
import { RefusalReason } from '../../../shared/protocol';
import { useStore } from '../../app/store';
import type { Refusal } from '../../connection/record-connection';
import { lastEdit } from '../../editor/last-edit';
import { useT, type MessageKey } from '../../i18n/i18n';
import { useWorkspace } from './workspace-context';

const EXPLANATIONS: Record<string, MessageKey> = {
  [RefusalReason.readOnlyObserver]: 'refusal.observer',
  [RefusalReason.readOnlyLocked]: 'refusal.locked',
  [RefusalReason.readOnlySigned]: 'refusal.signed',
  [RefusalReason.agreementServerOnly]: 'refusal.agreement',
  [RefusalReason.storageUnavailable]: 'refusal.storage',
  [RefusalReason.awarenessNotYours]: 'refusal.presence',
  [RefusalReason.awarenessTooLarge]: 'refusal.presence',
  [RefusalReason.clientNotYours]: 'refusal.clientNotYours',
  [RefusalReason.removeUseCommand]: 'refusal.useCommand',
};

export function RefusalNotices() {
  const { connection } = useWorkspace();
  const { refusals } = useStore(connection.state);
  // The text last typed changes at every keystroke: it is read only while there is a refusal to show.
  return refusals.length === 0 ? null : <Refusals refusals={refusals} />;
}

function Refusals({ refusals }: { refusals: readonly Refusal[] }) {
  const { t } = useT();
  const { connection } = useWorkspace();
  const typed = useStore(lastEdit);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!typed) return;
    try {
      await navigator.clipboard.writeText(typed.text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="refusals">
      {refusals.map((refusal) => (
        <div key={refusal.reason} className="refusal" role="alert" data-reason={refusal.reason}>
          <TriangleExclamationPoint size={18} aria-hidden="true" />
          <div>
            <p className="refusal-what">{t(EXPLANATIONS[refusal.reason] ?? 'refusal.other', { reason: refusal.reason })}</p>
            <p>{t('refusal.kept')}</p>
            {typed && (
              <details>
                <summary>{t('refusal.yourText', { where: typed.where })}</summary>
                <textarea readOnly value={typed.text} rows={3} />
                <button type="button" onClick={copy}>
                  <Copy size={14} /> {copied ? t('refusal.copied') : t('refusal.copy')}
                </button>
              </details>
            )}
          </div>
          <button type="button" className="dismiss" aria-label={t('refusal.dismiss')} onClick={() => connection.dismissRefusal(refusal.reason)}>
            <X size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
