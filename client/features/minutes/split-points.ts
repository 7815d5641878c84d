// Where a segment is cut when a writer splits it at their caret. The caret's language is
// cut there; at a paragraph boundary the other languages are cut at the same boundary,
// since aligned segments usually hold the same paragraphs; inside a paragraph only the
// caret's language moves, and translators move the rest.
import type * as Y from 'yjs';
import type { SplitPoint } from '../../../shared/record/segment-ops';

export function alignedSplitPoints(cells: Y.Map<Y.XmlFragment>, language: string, point: SplitPoint, atBlockBoundary: boolean): Record<string, SplitPoint> {
  const points: Record<string, SplitPoint> = { [language]: point };
  if (atBlockBoundary && point.offset === 0) {
    cells.forEach((fragment, other) => {
      if (other !== language && fragment.length > point.block) points[other] = { block: point.block, offset: 0 };
    });
  }
  return points;
}
