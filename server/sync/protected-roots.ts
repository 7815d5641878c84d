// Some roots of the record are written by the server alone (the agreement marks: only a
// head may mark, and only for their own party, so the server makes every mark itself).
// A client update is checked before it is applied: does it insert into, or delete from,
// such a root?
import * as Y from 'yjs';

export function touchesRoot(doc: Y.Doc, update: Uint8Array, rootName: string): boolean {
  const root = doc.share.get(rootName);
  const { structs, ds } = Y.decodeUpdate(update);

  const inRoot = (id: Y.ID | null): boolean => {
    // An id the record does not have yet is either earlier in this update (already
    // checked) or missing; a missing one leaves the item pending until it arrives, and it
    // is checked when it does.
    if (!id || !root || id.clock >= Y.getState(doc.store, id.client)) return false;
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item && struct.parent === root;
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string') {
      if (struct.parent === rootName) return true;
    } else if (struct.parent === null && (inRoot(struct.origin) || inRoot(struct.rightOrigin))) {
      return true;
    }
  }

  if (!root) return false;
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      let at = clock;
      while (at < end) {
        const struct = Y.getItem(doc.store, Y.createID(client, at));
        if (struct instanceof Y.Item && !struct.deleted && struct.parent === root) return true;
        at = struct.id.clock + struct.length;
      }
    }
  }
  return false;
}
