// The updates a crash left after a snapshot, joined into one update for a joiner: one
// message, which a client applies in one transaction (an editor bound to the record redraws
// once, not once per stored keystroke), instead of one per stored update. Y.mergeUpdates
// would do it, but it compares every update with every other at each struct it writes
// (a few hundred updates cost milliseconds); the updates are already decoded to check them
// (folded-record.ts), so their structs are written out once, each writer's in clock order.
// Only what lies past the snapshot is written: the joiner has the rest from its step 2.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/** A decoded update, as Y.decodeUpdate answers it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type DeleteSet = DecodedUpdate['ds'];

/**
 * One update (V1 encoding) holding what `tail` adds to a snapshot whose state vector is
 * `snapshotStateVector`: every struct past it and every deletion. `tail` must continue the
 * snapshot without a gap for each writer (folded-record.ts checks it); answers null if it
 * does not, or if it holds a Skip (a gap an update does not fill).
 */
export function joinTail(tail: DecodedUpdate[], snapshotStateVector: Map<number, number>): Uint8Array | null {
  const byClient = new Map<number, (Y.Item | Y.GC)[]>();
  for (const { structs } of tail)
    for (const struct of structs) {
      if (struct instanceof Y.Skip) return null;
      const held = byClient.get(struct.id.client);
      if (held) held.push(struct);
      else byClient.set(struct.id.client, [struct]);
    }
  // Each writer's structs past the snapshot, each with how much of it is held already.
  const groups: { client: number; from: number; structs: [Y.Item | Y.GC, number][] }[] = [];
  for (const [client, structs] of byClient) {
    // Stored in the order they were made, a writer's structs are in clock order already.
    if (!inClockOrder(structs)) structs.sort((a, b) => a.id.clock - b.id.clock);
    const from = snapshotStateVector.get(client) ?? 0;
    let end = from;
    const written: [Y.Item | Y.GC, number][] = [];
    for (const struct of structs) {
      const { clock } = struct.id;
      if (clock + struct.length <= end) continue; // held already: by the snapshot, or by an update before
      if (clock > end) return null; // a gap, which the encoding of one update cannot hold
      written.push([struct, end - clock]);
      end = clock + struct.length;
    }
    if (written.length > 0) groups.push({ client, from, structs: written });
  }
  const encoder = new Y.UpdateEncoderV1();
  // As Yjs writes them: writers by descending client id, each from its first clock on.
  groups.sort((a, b) => b.client - a.client);
  encoding.writeVarUint(encoder.restEncoder, groups.length);
  for (const { client, from, structs } of groups) {
    encoding.writeVarUint(encoder.restEncoder, structs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, from);
    // A reader counts each struct's clock from `from` on: a struct partly held is written from where the one before ends.
    for (const [struct, offset] of structs) struct.write(encoder, offset);
  }
  writeDeleteSet(encoder, Y.mergeDeleteSets(tail.map((update) => update.ds)));
  return encoder.toUint8Array();
}

/**
 * Whether `structs` are in clock order: checked before sorting, since a comparator that
 * the process has not run much yet costs more than the rest of the open.
 */
function inClockOrder(structs: { id: { clock: number } }[]): boolean {
  for (let i = 1; i < structs.length; i++) if (structs[i]!.id.clock < structs[i - 1]!.id.clock) return false;
  return true;
}

/** A delete set in the V1 encoding (Yjs does not export its own writer). */
function writeDeleteSet(encoder: Y.UpdateEncoderV1, ds: DeleteSet): void {
  const clients = [...ds.clients.entries()].sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const [client, deletions] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, deletions.length);
    for (const { clock, len } of deletions) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
}
