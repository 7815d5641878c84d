// What blocks the lock, computed once per change of the record however many parts of the
// screen show it (the agenda's badges and the lock summary both did, every frame).
import type * as Y from 'yjs';
import { lockBlockers, type LockBlocker } from '../../shared/record/agreement';

const changes = new WeakMap<Y.Doc, { n: number }>();
const cache = new WeakMap<Y.Doc, { n: number; blockers: LockBlocker[] }>();

function changeCount(doc: Y.Doc): number {
  let count = changes.get(doc);
  if (!count) {
    const made = { n: 0 };
    doc.on('update', () => made.n++);
    changes.set(doc, (count = made));
  }
  return count.n;
}

/** lockBlockers(doc), the same array until the record changes. */
export function currentLockBlockers(doc: Y.Doc): LockBlocker[] {
  const n = changeCount(doc);
  const hit = cache.get(doc);
  if (hit && hit.n === n) return hit.blockers;
  const blockers = lockBlockers(doc);
  cache.set(doc, { n, blockers });
  return blockers;
}
