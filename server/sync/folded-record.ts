// A record stored as a snapshot and the updates after it (the store a crash leaves, the
// last compaction not done), held without building its document or reading its snapshot
// through. Building a long record's Y.Doc and applying the updates costs many times what
// serving its bytes does, and so does merging them (Y.mergeUpdates decodes and encodes
// every struct of the snapshot; merging even the few hundred updates of the tail among
// themselves costs ten times reading them). So what storage holds is kept as it is: a
// joiner is sent the snapshot as its sync step 2, then each update after it as its own
// update message, all in one write. The state vector is the one stored with the snapshot
// (migration 3), moved on by the updates only.
//
// The document path drops whatever depends on content the record lacks (write-policy.ts,
// dropPending): the updates are kept apart only when, with the snapshot, they depend on
// nothing outside themselves, so that a joiner is never sent content the server's own
// document would not hold. Otherwise the caller builds the document from the parts.
import * as Y from 'yjs';

/** A snapshot and what was stored after it, as a joiner is sent them. */
export interface FoldedRecord {
  /** The snapshot, as stored. */
  snapshot: Uint8Array;
  /** The updates after it, as stored. */
  tail: Uint8Array[];
  /** The whole record's state vector, when known without reading the snapshot through. */
  stateVector: Map<number, number> | null;
}

/**
 * `snapshotStateVector`: the one stored with the snapshot, or null (a record stored before
 * migration 3: it is then read from the snapshot, which only a crash store of such a record
 * needs). Answers null when the updates would hold something that cannot be integrated (a gap
 * in a writer's content, a reference to content nowhere stored, a deletion of such content).
 */
export function foldStored(snapshot: Uint8Array, snapshotStateVector: Uint8Array | null, updates: Uint8Array[]): FoldedRecord | null {
  const stored = snapshotStateVector ? Y.decodeStateVector(snapshotStateVector) : null;
  if (updates.length === 0) return { snapshot, tail: [], stateVector: stored };
  const stateVector = extendedBy(stored ?? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(snapshot)), updates);
  return stateVector ? { snapshot, tail: updates, stateVector } : null;
}

/**
 * The state vector of a whole record (`before`) once `updates` are applied, in any order, if
 * they make a whole record together: each writer's content continues theirs without a gap,
 * and every item's neighbours and parent, and every deletion, lie within them. Null otherwise.
 */
function extendedBy(before: Map<number, number>, updates: Uint8Array[]): Map<number, number> | null {
  const decoded = updates.map((update) => Y.decodeUpdate(update));
  const spans = new Map<number, [number, number][]>();
  for (const { structs } of decoded)
    for (const struct of structs) {
      // A Skip stands for a gap in the writer's content that this update does not fill.
      if (struct instanceof Y.Skip) return null;
      const { client, clock } = struct.id;
      const held = spans.get(client) ?? [];
      held.push([clock, clock + struct.length]);
      spans.set(client, held);
    }
  const sv = new Map(before);
  for (const [client, held] of spans) {
    let end = sv.get(client) ?? 0;
    for (const [from, to] of held.sort((a, b) => a[0] - b[0])) {
      if (from > end) return null;
      end = Math.max(end, to);
    }
    sv.set(client, end);
  }
  const holds = (id: Y.ID | null) => id === null || id.clock < (sv.get(id.client) ?? 0);
  for (const { structs, ds } of decoded) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (!holds(struct.origin) || !holds(struct.rightOrigin) || !holds(struct.parent instanceof Y.ID ? struct.parent : null)) return null;
    }
    for (const [client, deletions] of ds.clients) {
      const end = sv.get(client) ?? 0;
      if (deletions.some((d) => d.clock + d.len > end)) return null;
    }
  }
  return sv;
}
