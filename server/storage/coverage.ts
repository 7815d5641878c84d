// Whether an encoded record state holds given updates: what compaction checks before it
// replaces stored updates with a snapshot, so that no stored edit can be folded away by a
// state that never saw it.
import * as Y from 'yjs';

/**
 * The state vector and deletions of a whole-record update, read from its bytes: a whole
 * record's structs run from clock 0 for every client, so each one's state is where its last
 * struct ends. Deletions sorted and merged, as Yjs compares them.
 */
export function snapshotOfState(state: Uint8Array): Y.Snapshot {
  const { structs, ds } = Y.decodeUpdate(state);
  const sv = new Map<number, number>();
  for (const struct of structs) sv.set(struct.id.client, Math.max(sv.get(struct.id.client) ?? 0, struct.id.clock + struct.length));
  return Y.createSnapshot(Y.mergeDeleteSets([ds]), sv);
}

/**
 * Whether `state` holds every one of `parts` (a snapshot or updates): each struct and each
 * deletion. Answers the state's encoded state vector, stored beside it as a snapshot, if so.
 */
export function coveringVector(state: Uint8Array, parts: Uint8Array[]): Uint8Array | null {
  const held = snapshotOfState(state);
  return parts.every((part) => Y.snapshotContainsUpdate(held, part)) ? Y.encodeStateVector(held.sv) : null;
}

/** The encoded state vector of a whole-record state, stored beside it as a snapshot. */
export const stateVectorOf = (state: Uint8Array): Uint8Array => Y.encodeStateVectorFromUpdate(state);
