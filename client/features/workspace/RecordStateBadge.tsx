import { FileText, Lock, PenLine } from 'lucide-react';
import { useStore } from '../../app/store';
import { useT } from '../../i18n/i18n';
import { useWorkspace } from './workspace-context';

/** Draft, locked or signed, as the server last said; and whether this reader may write. */
export function RecordStateBadge() {
  const { t } = useT();
  const { connection, meeting, readOnly, you } = useWorkspace();
  const state = useStore(connection.state).record?.state ?? meeting.state;
  return (
    <p className={`record-state state-${state}`} data-state={state}>
      {state === 'draft' ? <FileText size={16} /> : state === 'locked' ? <Lock size={16} /> : <PenLine size={16} />}
      <span>{t(`record.${state}`)}</span>
      {readOnly && <span className="read-only">{you?.role === 'observer' ? t('record.observerReadOnly') : t('record.readOnly')}</span>}
    </p>
  );
}
