// Reading Yjs text deltas for the plain text fields: where a caret lands after a peer's
// change, and whether a selection is all bracketed.
import { BRACKET_MARK } from '../../shared/record/brackets';

/** A change as Yjs reports it in a Y.Text event. */
export type ChangeDelta = { retain?: number; insert?: string | object; delete?: number }[];
/** Content as Y.Text.toDelta() gives it. */
export type ContentDelta = { insert: string | object; attributes?: Record<string, unknown> }[];

/** Where index `index` lands after `change`: text inserted before it pushes it on. */
export function shiftIndex(change: ChangeDelta, index: number): number {
  let position = 0;
  let result = index;
  for (const op of change) {
    if (position > result) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (position < result) result += length;
      position += length;
    } else if (op.delete !== undefined && position < result) {
      result -= Math.min(op.delete, result - position);
    }
  }
  return result;
}

/** Whether every character from `start` to `end` carries the bracket. */
export function allBracketed(content: ContentDelta, start: number, end: number): boolean {
  let position = 0;
  for (const op of content) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (position < end && position + length > start && !op.attributes?.[BRACKET_MARK]) return false;
    position += length;
  }
  return true;
}
