// One aligned segment: a rich-text cell per working language, side by side, with its
// agreement per party and, for writers, the segment's own moves.
import { lazy, Suspense, useEffect, useRef, useState, type CSSProperties } from 'react';
import { ArrowDown, ArrowUp, Combine, MessageSquare, Plus, Trash } from 'lucide-react';
import { segmentCells, segmentId, type SegmentMap } from '../../../shared/record/schema';
import { addSegment, mergeWithNext, moveSegment, splitSegment, type SplitPoint } from '../../../shared/record/segment-ops';
import { newId } from '../../app/ids';
import { LazyCellEditor } from '../../editor/LazyCellEditor';
import { languageName, useT } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { AgreementControls } from '../agreement/AgreementControls';
import { useWorkspace } from '../workspace/workspace-context';
import { alignedSplitPoints } from './split-points';
import { CellProposals } from '../proposals/CellProposals';
import type { CommentAnchor } from '../comments/CommentsPanel';
import { commentFeed } from '../comments/comment-feed';
import { useOpenThreads } from '../comments/use-open-threads';
import { CellWarning } from './CellWarning';
import { useRemoval } from '../history/use-removal';
import { RemovalRefusal } from '../history/RemovalRefusal';

// The comments panel is fetched when a segment's comments are first opened.
const CommentsPanel = lazy(async () => ({ default: (await import('../comments/CommentsPanel')).CommentsPanel }));

interface Props {
  itemId: string;
  segment: SegmentMap;
  index: number;
  count: number;
  grid: CSSProperties;
}

export function SegmentRow({ itemId, segment, index, count, grid }: Props) {
  const { t, language } = useT();
  const { connection, columns, readOnly, meeting } = useWorkspace();
  const { doc } = connection;
  const id = segmentId(segment);
  const cells = segmentCells(segment);
  useYVersion(cells, { deep: false });
  const [comments, setComments] = useState<{ anchor: CommentAnchor | null } | null>(null);
  const picked = useRef<CommentAnchor | null>(null);
  const feed = commentFeed(meeting.id);
  useEffect(() => feed.watch(), [feed]);
  const openThreads = useOpenThreads(meeting.id, id);

  const split = (language: string, point: SplitPoint, atBlockBoundary: boolean) =>
    splitSegment(doc, itemId, id, newId(), alignedSplitPoints(cells, language, point, atBlockBoundary));
  const removal = useRemoval();
  const remove = () => {
    void removal.remove('segment', id, t('segment.confirmDelete', { number: index + 1 }));
  };

  return (
    <div className="segment" role="row" data-segment-id={id} style={grid}>
      {columns.map((code) => {
        const fragment = cells.get(code);
        const label = t('segment.cell', { number: index + 1, language: languageName(code, language) });
        return (
          <div key={code} role="cell" className="segment-cell" data-language={code}>
            {/* Stacked on a narrow screen, each cell says its language (the column heads are hidden). */}
            <span className="cell-language" aria-hidden="true">
              {languageName(code, language)}
            </span>
            {fragment ? (
              <LazyCellEditor fragment={fragment} language={code} label={label} onSplit={(point, boundary) => split(code, point, boundary)} />
            ) : (
              <span className="empty">—</span>
            )}
            {fragment && <CellProposals segmentId={id} language={code} fragment={fragment} />}
            {fragment && <CellWarning fragment={fragment} />}
          </div>
        );
      })}
      <div role="cell" className="segment-side">
        <AgreementControls target={{ kind: 'segment', id, agendaItemId: itemId, segment }} />
        <button
          type="button"
          className="comments-toggle"
          aria-expanded={comments !== null}
          // Read before the click moves the focus: words picked in a cell anchor the thread.
          onMouseDown={() => (picked.current = pickedWords(id))}
          onClick={() => {
            setComments(comments ? null : { anchor: picked.current });
            picked.current = null;
          }}
        >
          <MessageSquare size={14} aria-hidden="true" /> {t('comments.open', { count: openThreads })}
        </button>
        {!readOnly && (
          <div className="row-actions">
            <button
              type="button"
              title={t('segment.moveUp')}
              aria-label={t('segment.moveUp')}
              disabled={index === 0}
              onClick={() => moveSegment(doc, itemId, id, index - 1)}
            >
              <ArrowUp size={15} />
            </button>
            <button
              type="button"
              title={t('segment.moveDown')}
              aria-label={t('segment.moveDown')}
              disabled={index === count - 1}
              onClick={() => moveSegment(doc, itemId, id, index + 1)}
            >
              <ArrowDown size={15} />
            </button>
            <button
              type="button"
              title={t('segment.merge')}
              aria-label={t('segment.merge')}
              disabled={index === count - 1}
              onClick={() => mergeWithNext(doc, itemId, id)}
            >
              <Combine size={15} />
            </button>
            <button
              type="button"
              title={t('segment.insertBelow')}
              aria-label={t('segment.insertBelow')}
              onClick={() => addSegment(doc, itemId, newId(), index + 1)}
            >
              <Plus size={15} />
            </button>
            <button type="button" title={t('segment.delete')} aria-label={t('segment.delete')} onClick={remove}>
              <Trash size={15} />
            </button>
          </div>
        )}
      </div>
      <RemovalRefusal removal={removal} />
      {comments && (
        <Suspense fallback={null}>
          <CommentsPanel segmentId={id} number={index + 1} anchor={comments.anchor} onClose={() => setComments(null)} />
        </Suspense>
      )}
    </div>
  );
}

/** The words selected inside one of this segment's cells, if any. */
function pickedWords(segmentId: string): CommentAnchor | null {
  const selection = window.getSelection();
  const quote = selection?.toString().trim() ?? '';
  const node = selection?.anchorNode;
  const element = node instanceof Element ? node : node?.parentElement;
  const cell = element?.closest<HTMLElement>('.segment-cell[data-language]');
  if (!quote || !cell || cell.closest('[data-segment-id]')?.getAttribute('data-segment-id') !== segmentId) return null;
  return { language: cell.dataset.language!, quote: quote.slice(0, 1000) };
}
