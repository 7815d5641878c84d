// One action point: its text per language (bracketable), then its terms and agreement.
import { useEffect, useState } from 'react';
import { ArrowDown, ArrowUp, Trash } from 'lucide-react';
import type * as Y from 'yjs';
import { formatDate } from '../../../shared/dates';
import { DateField } from '../dates/DateField';
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/record/meeting-input';
import type { ActionPointMap } from '../../../shared/record/schema';
import { moveActionPoint, setActionPointTerms } from '../../../shared/record/segment-ops';
import { YTextField } from '../../editor/YTextField';
import { languageName, pick, useT, type MessageKey } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { AgreementControls } from '../agreement/AgreementControls';
import { useWorkspace } from '../workspace/workspace-context';
import { useRemoval } from '../history/use-removal';
import { RemovalRefusal } from '../history/RemovalRefusal';

const STATUS_KEYS: Record<ActionStatus, MessageKey> = {
  open: 'status.open',
  'in progress': 'status.inProgress',
  done: 'status.done',
  dropped: 'status.dropped',
};

interface Props {
  point: ActionPointMap;
  index: number;
  count: number;
}

export function ActionPointRow({ point, index, count }: Props) {
  const { t, language } = useT();
  const { connection, columns, readOnly, meeting } = useWorkspace();
  const { doc } = connection;
  useYVersion(point, { deep: false });
  const id = point.get('id') as string;
  const texts = point.get('text') as Y.Map<Y.Text>;
  useYVersion(texts, { deep: false });
  const party = point.get('party') as string;
  const agency = (point.get('agency') as string) ?? '';
  const due = (point.get('due') as string | null) ?? null;
  const status = point.get('status') as ActionStatus;
  const set = (terms: Parameters<typeof setActionPointTerms>[2]) => setActionPointTerms(doc, id, terms);
  const removal = useRemoval();

  return (
    <tbody className="action-point" data-action-point-id={id}>
      <tr>
        <th scope="row" rowSpan={2} className="number">
          {index + 1}
        </th>
        {columns.map((code) => {
          const text = texts.get(code);
          const label = t('action.textIn', { number: index + 1, language: languageName(code, language) });
          return (
            <td key={code} lang={code} data-label={languageName(code, language)}>
              {text ? <YTextField text={text} language={code} label={label} multiline brackets /> : <span className="empty">—</span>}
            </td>
          );
        })}
      </tr>
      <tr className="terms">
        <td colSpan={columns.length}>
          <div className="terms-bar">
            <label>
              <span>{t('action.party')}</span>
              {readOnly ? (
                <strong>{pick(meeting.parties.find((p) => p.code === party)?.name, language, columns) || party}</strong>
              ) : (
                <select value={party} onChange={(e) => set({ party: e.target.value })}>
                  {meeting.parties.map((p) => (
                    <option key={p.code} value={p.code}>
                      {pick(p.name, language, columns)}
                    </option>
                  ))}
                </select>
              )}
            </label>
            <label className="agency">
              <span>{t('action.agency')}</span>
              {readOnly ? <strong>{agency || '—'}</strong> : <AgencyInput value={agency} onCommit={(value) => set({ agency: value })} />}
            </label>
            {readOnly ? (
              <label>
                <span>{t('action.due')}</span>
                <strong className="due" lang={language}>
                  {due ? formatDate(due, language) : t('action.noDue')}
                </strong>
              </label>
            ) : (
              <DateField label={t('action.dueOf', { number: index + 1 })} value={due ?? ''} onChange={(value) => set({ due: value || null })} />
            )}
            <label>
              <span>{t('action.status')}</span>
              {readOnly ? (
                <strong>{t(STATUS_KEYS[status] ?? 'status.open')}</strong>
              ) : (
                <select value={status} onChange={(e) => set({ status: e.target.value as ActionStatus })}>
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(STATUS_KEYS[s])}
                    </option>
                  ))}
                </select>
              )}
            </label>
            <AgreementControls target={{ kind: 'actionPoint', id, point }} />
            {!readOnly && (
              <div className="row-actions">
                <button
                  type="button"
                  title={t('action.moveUp')}
                  aria-label={t('action.moveUp')}
                  disabled={index === 0}
                  onClick={() => moveActionPoint(doc, id, index - 1)}
                >
                  <ArrowUp size={15} />
                </button>
                <button
                  type="button"
                  title={t('action.moveDown')}
                  aria-label={t('action.moveDown')}
                  disabled={index === count - 1}
                  onClick={() => moveActionPoint(doc, id, index + 1)}
                >
                  <ArrowDown size={15} />
                </button>
                <button
                  type="button"
                  title={t('actionPoint.remove')}
                  aria-label={t('actionPoint.remove')}
                  onClick={() => void removal.remove('action-point', id, t('actionPoint.confirmRemove', { number: index + 1 }))}
                >
                  <Trash size={15} />
                </button>
              </div>
            )}
          </div>
          <RemovalRefusal removal={removal} />
        </td>
      </tr>
    </tbody>
  );
}

/** The agency is one value, not shared text: it is written when the writer leaves the field. */
function AgencyInput({ value, onCommit }: { value: string; onCommit(value: string): void }) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  const commit = () => {
    setEditing(false);
    if (draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <input
      type="text"
      value={draft}
      maxLength={300}
      onFocus={() => setEditing(true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
}
