// The chosen agenda item: its title in every working language (writers rename it in
// place), and moving or removing it.
import type { CSSProperties } from 'react';
import { ArrowDown, ArrowUp, Trash } from 'lucide-react';
import * as Y from 'yjs';
import { agendaItemId, agendaItemTitle, type AgendaItemMap } from '../../../shared/record/schema';
import { moveAgendaItem } from '../../../shared/record/segment-ops';
import { useRemoval } from '../history/use-removal';
import { RemovalRefusal } from '../history/RemovalRefusal';
import { languageName, useT } from '../../i18n/i18n';
import { YTextField } from '../../editor/YTextField';
import { useYVersion } from '../../record/use-y';
import { useWorkspace } from '../workspace/workspace-context';

interface Props {
  item: AgendaItemMap;
  index: number;
  count: number;
  onRemoved(): void;
}

export function AgendaItemHeading({ item, index, count, onRemoved }: Props) {
  const { t, language } = useT();
  const { connection, readOnly, columns } = useWorkspace();
  const id = agendaItemId(item);
  const titles = agendaItemTitle(item) as Y.Map<Y.Text>;
  useYVersion(titles, { deep: false });
  const removal = useRemoval();
  const remove = async () => {
    if (await removal.remove('agenda-item', id, t('agenda.confirmRemove', { number: index + 1 }))) onRemoved();
  };
  return (
    <header className="item-heading">
      <div className="item-number">
        <h2>{t('agenda.item', { number: index + 1 })}</h2>
        {!readOnly && (
          <div className="row-actions">
            <button
              type="button"
              title={t('agenda.moveUp')}
              aria-label={t('agenda.moveUp')}
              disabled={index === 0}
              onClick={() => moveAgendaItem(connection.doc, id, index - 1)}
            >
              <ArrowUp size={16} />
            </button>
            <button
              type="button"
              title={t('agenda.moveDown')}
              aria-label={t('agenda.moveDown')}
              disabled={index === count - 1}
              onClick={() => moveAgendaItem(connection.doc, id, index + 1)}
            >
              <ArrowDown size={16} />
            </button>
            <button type="button" title={t('agenda.remove')} aria-label={t('agenda.remove')} onClick={() => void remove()}>
              <Trash size={16} />
            </button>
          </div>
        )}
      </div>
      <RemovalRefusal removal={removal} />
      <div className="item-titles" style={{ '--columns': columns.length } as CSSProperties}>
        {columns.map((code) => {
          const title = titles.get(code);
          const label = t('agenda.titleIn', { language: languageName(code, language) });
          return (
            <div key={code} className="item-title" lang={code}>
              <span className="column-name">{languageName(code, language)}</span>
              {title ? <YTextField text={title} language={code} label={label} /> : <MissingTitle code={code} titles={titles} label={label} />}
            </div>
          );
        })}
      </div>
    </header>
  );
}

/** A language added to the meeting after the item was written: the title starts empty. */
function MissingTitle({ code, titles, label }: { code: string; titles: Y.Map<Y.Text>; label: string }) {
  const { t } = useT();
  const { readOnly } = useWorkspace();
  if (readOnly) return <span className="empty">—</span>;
  return (
    <button type="button" className="add" aria-label={label} onClick={() => titles.set(code, new Y.Text())}>
      {t('agenda.addTitle')}
    </button>
  );
}
