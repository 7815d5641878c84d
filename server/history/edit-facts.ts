// What one update claims and removes, read from its bytes: the Yjs client ids its new
// content is written under, and the item ranges it deletes. Storage keeps both with the
// update's author, so attribution survives compaction.
import * as Y from 'yjs';

export interface EditFacts {
  clients: number[];
  deletes: [number, number, number][];
}

export function editFacts(update: Uint8Array): EditFacts {
  const { structs, ds } = Y.decodeUpdate(update);
  const clients = new Set<number>();
  for (const struct of structs) if (struct instanceof Y.Item) clients.add(struct.id.client);
  const deletes: [number, number, number][] = [];
  for (const [client, ranges] of ds.clients) for (const { clock, len } of ranges) deletes.push([client, clock, len]);
  return { clients: [...clients], deletes };
}

/** The client ids an update writes new content under. */
export const clientsOf = (update: Uint8Array): number[] => editFacts(update).clients;
