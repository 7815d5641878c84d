// Some roots of the record are written by the server alone: the agreement marks (only a
// head may mark, and only for their own party, so the server makes every mark itself),
// and the meeting facts, parties and roster (they decide who must agree and sign). A
// client update is checked before it is applied: does it insert into, or delete from,
// such a root? Answers the first root it touches, or null.
import * as Y from 'yjs';

export function touchedRoot(doc: Y.Doc, update: Uint8Array, rootNames: readonly string[]): string | null {
  const roots = new Map<unknown, string>();
  for (const name of rootNames) {
    const root = doc.share.get(name);
    if (root) roots.set(root, name);
  }
  const { structs, ds } = Y.decodeUpdate(update);

  /** The protected root an existing item sits directly in, if any. */
  const rootOf = (id: Y.ID | null): string | null => {
    // An id the record does not have yet is either earlier in this update (already
    // checked) or missing; a missing one is never kept (see dropPending in room.ts).
    if (!id || id.clock >= Y.getState(doc.store, id.client)) return null;
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item ? (roots.get(struct.parent) ?? null) : null;
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string') {
      if (rootNames.includes(struct.parent)) return struct.parent;
    } else if (struct.parent === null) {
      const touched = rootOf(struct.origin) ?? rootOf(struct.rightOrigin);
      if (touched) return touched;
    }
  }

  if (roots.size === 0) return null;
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      let at = clock;
      while (at < end) {
        const struct = Y.getItem(doc.store, Y.createID(client, at));
        const touched = struct instanceof Y.Item && !struct.deleted ? roots.get(struct.parent) : undefined;
        if (touched) return touched;
        at = struct.id.clock + struct.length;
      }
    }
  }
  return null;
}
