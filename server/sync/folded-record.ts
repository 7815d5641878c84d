// A record stored as a snapshot and the updates after it (the store a crash leaves, the
// last compaction not done) folded into one encoded state without building its document.
// Building a long record's Y.Doc and applying the updates one by one costs many times what
// serving its bytes does; merging the updates into the snapshot costs about as much as
// encoding it. The document is still built from these bytes, when something first needs
// it, and what storage holds is unchanged.
//
// The document path drops whatever depends on content the record lacks (write-policy.ts,
// dropPending): the folded state is kept only when it depends on nothing outside itself, so
// that a joiner is never sent content the server's own document would not hold. Otherwise
// the caller builds the document from the parts, as before.
import * as Y from 'yjs';

/** One encoded state holding every part, and its state vector and deletions. */
export interface FoldedRecord {
  update: Uint8Array;
  held: Y.Snapshot;
}

/**
 * `parts`: what storage holds, in order (a snapshot, when there is one, first). Answers
 * null when the folded state would hold something that cannot be integrated (a gap in a
 * writer's content, a reference to content nowhere stored, a deletion of such content).
 */
export function foldStored(parts: Uint8Array[]): FoldedRecord | null {
  // The updates merged first: merging them one by one into a long snapshot would read the
  // snapshot through once per update.
  const update = parts.length === 1 ? parts[0]! : Y.mergeUpdates([parts[0]!, Y.mergeUpdates(parts.slice(1))]);
  const held = selfContained(update);
  return held ? { update, held } : null;
}

/**
 * The state vector and deletions of `update`, if it is a whole record on its own: every
 * writer's content runs from clock 0 without a gap, and every item's neighbours and parent,
 * and every deletion, lie within it. Null otherwise.
 */
function selfContained(update: Uint8Array): Y.Snapshot | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const sv = new Map<number, number>();
  for (const struct of structs) {
    // A Skip stands for a gap the merge found in a writer's content.
    if (struct instanceof Y.Skip || struct.id.clock !== (sv.get(struct.id.client) ?? 0)) return null;
    sv.set(struct.id.client, struct.id.clock + struct.length);
  }
  const holds = (id: Y.ID | null) => id === null || id.clock < (sv.get(id.client) ?? 0);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!holds(struct.origin) || !holds(struct.rightOrigin) || !holds(struct.parent instanceof Y.ID ? struct.parent : null)) return null;
  }
  for (const [client, deletions] of ds.clients) {
    const end = sv.get(client) ?? 0;
    if (deletions.some((d) => d.clock + d.len > end)) return null;
  }
  return Y.createSnapshot(Y.mergeDeleteSets([ds]), sv);
}
