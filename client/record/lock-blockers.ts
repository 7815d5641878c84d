// What blocks the lock, computed once per change of the record however many parts of the
// screen show it (the agenda's badges and the lock summary both did, every frame), and then
// only for the segments and action points that changed: a GMS 08-size record has 300
// segments and 20 people typing into 20 of them, and reading every cell's text at each
// change cost ~10 ms of the main thread a few times a second.
import type * as Y from 'yjs';
import { lockBlockers, type LockBlocker } from '../../shared/record/agreement';
import { proposals } from '../../shared/record/proposals';
import { agreement, meta, parties } from '../../shared/record/schema';
import type { TargetMemo } from '../../shared/record/target-memo';

interface Tracker {
  /** Transactions that changed the record. */
  changes: number;
  /** Moves when what every target is judged against changes: languages, parties, marks, proposals. */
  basis: number;
  /** Per type: moves when it or anything inside it changes. */
  versions: WeakMap<Y.AbstractType<any>, number>;
  parts: WeakMap<Y.AbstractType<any>, Map<string, { basis: number; version: number; value: unknown }>>;
  memo: TargetMemo;
  blockers: { changes: number; value: LockBlocker[] } | null;
}

const trackers = new WeakMap<Y.Doc, Tracker>();

function trackerOf(doc: Y.Doc): Tracker {
  const known = trackers.get(doc);
  if (known) return known;
  const basisTypes = new Set<Y.AbstractType<any>>([meta(doc), parties(doc), agreement(doc), proposals(doc)]);
  const tracker: Tracker = {
    changes: 0,
    basis: 0,
    versions: new WeakMap(),
    parts: new WeakMap(),
    memo: (target, part, compute) => {
      const version = tracker.versions.get(target) ?? 0;
      let parts = tracker.parts.get(target);
      if (!parts) tracker.parts.set(target, (parts = new Map()));
      const hit = parts.get(part);
      if (hit && hit.basis === tracker.basis && hit.version === version) return hit.value as ReturnType<typeof compute>;
      const value = compute();
      parts.set(part, { basis: tracker.basis, version, value });
      return value;
    },
    blockers: null,
  };
  // Yjs lists every type a transaction changed together with all its ancestors.
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.changedParentTypes.size === 0) return;
    tracker.changes++;
    for (const type of transaction.changedParentTypes.keys()) {
      tracker.versions.set(type, (tracker.versions.get(type) ?? 0) + 1);
      if (basisTypes.has(type)) tracker.basis++;
    }
  });
  trackers.set(doc, tracker);
  return tracker;
}

/** lockBlockers(doc), the same array until the record changes. */
export function currentLockBlockers(doc: Y.Doc): LockBlocker[] {
  const tracker = trackerOf(doc);
  if (tracker.blockers?.changes === tracker.changes) return tracker.blockers.value;
  const value = lockBlockers(doc, tracker.memo);
  tracker.blockers = { changes: tracker.changes, value };
  return value;
}
