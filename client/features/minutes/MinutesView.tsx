// Minutes by agenda item: the agenda down the side, and for the chosen item its aligned
// segments as rows, one column per working language, the reader's own first.
import type { CSSProperties } from 'react';
import { Plus } from 'lucide-react';
import { agenda, agendaItemId, minutes, segmentId } from '../../../shared/record/schema';
import { addSegment } from '../../../shared/record/segment-ops';
import { newId } from '../../app/ids';
import { setQuery, usePlace } from '../../app/router';
import { languageName, useT } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { AgendaItemHeading } from '../agenda/AgendaItemHeading';
import { AgendaList } from '../agenda/AgendaList';
import { useWorkspace } from '../workspace/workspace-context';
import { SegmentRow } from './SegmentRow';
import { AgreeAllButton } from '../agreement/AgreeAllButton';

export function MinutesView() {
  const { t } = useT();
  const { connection } = useWorkspace();
  const items = agenda(connection.doc);
  useYVersion(items, { deep: false });
  const { query } = usePlace();
  const all = items.toArray();
  const asked = query.get('item');
  const index = Math.max(
    0,
    all.findIndex((item) => agendaItemId(item) === asked),
  );
  const item = all[index];
  const select = (id: string | null) => setQuery({ item: id });
  return (
    <div className="minutes-layout">
      <AgendaList selected={item ? agendaItemId(item) : null} onSelect={select} />
      <section className="minutes" aria-label={t('view.minutes')}>
        {item ? (
          <>
            <AgendaItemHeading item={item} index={index} count={all.length} onRemoved={() => select(null)} />
            <Segments itemId={agendaItemId(item)} />
          </>
        ) : (
          <p className="empty">{t('agenda.empty')}</p>
        )}
      </section>
    </div>
  );
}

function Segments({ itemId }: { itemId: string }) {
  const { t, language } = useT();
  const { connection, columns, readOnly } = useWorkspace();
  const byItem = minutes(connection.doc);
  useYVersion(byItem, { deep: false });
  const segments = byItem.get(itemId);
  useYVersion(segments, { deep: false });
  const list = segments?.toArray() ?? [];
  // The stylesheet lays the columns out, side by side or stacked on a narrow screen.
  const grid = { '--columns': columns.length } as CSSProperties;
  return (
    <div className="segments">
      {list.length > 0 && <AgreeAllButton itemId={itemId} />}
      <div className="segment-rows" role="table" aria-label={t('segment.table')}>
        <div className="segment-head" role="row" style={grid}>
          {columns.map((code) => (
            <span key={code} role="columnheader" lang={code}>
              {languageName(code, language)}
            </span>
          ))}
          <span role="columnheader">{t('agreement.column')}</span>
        </div>
        {list.map((segment, i) => (
          <SegmentRow key={segmentId(segment)} itemId={itemId} segment={segment} index={i} count={list.length} grid={grid} />
        ))}
      </div>
      {list.length === 0 && <p className="empty">{t('segment.none')}</p>}
      {!readOnly && (
        <button type="button" className="add" onClick={() => addSegment(connection.doc, itemId, newId())}>
          <Plus size={16} aria-hidden="true" /> {t('segment.add')}
        </button>
      )}
    </div>
  );
}
