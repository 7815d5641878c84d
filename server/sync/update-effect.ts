// Whether an update would change a record at all. A read-only client's sync step 2
// usually carries nothing new (or only deletions the record already has); that is not a
// write and must not be answered with a refusal.
import * as Y from 'yjs';

export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  if (structs.some((s) => !(s instanceof Y.Skip))) return true;
  if (ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      // Deleting what the record never had is a change too (and bounds the loop below).
      if (clock + len > known) return true;
      for (let c = clock; c < clock + len; c++) {
        if (!Y.isDeleted(deleted, Y.createID(client, c))) return true;
      }
    }
  }
  return false;
}
