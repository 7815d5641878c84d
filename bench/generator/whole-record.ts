// When a joiner held the whole record: the first moment at which the sync messages it had
// received (step 2 and updates, in any order and however the server splits them) cover the
// record's state vector. Worked out after the run from each message's arrival time, so
// that reading the messages costs the timed client nothing (a long record's snapshot takes
// milliseconds to read through).
import * as Y from 'yjs';

export interface Arrival {
  /** performance.now() when the message was read off the socket. */
  at: number;
  update: Uint8Array;
}

/** The record's state vector, read from its whole state (before anything is timed). */
export const stateVectorOfState = (state: Uint8Array): Map<number, number> => Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));

/** The arrival time of the message that made the record whole, or null if it never was. */
export function wholeAt(arrivals: Arrival[], whole: Map<number, number>): number | null {
  const ranges = new Map<number, [number, number][]>();
  for (const { at, update } of arrivals) {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of from) {
      const held = ranges.get(client) ?? [];
      held.push([clock, to.get(client) ?? clock]);
      ranges.set(client, held);
    }
    if ([...whole].every(([client, clock]) => heldFromZero(ranges.get(client) ?? []) >= clock)) return at;
  }
  return null;
}

/** How far a writer's content is held without a gap from clock 0. */
function heldFromZero(ranges: [number, number][]): number {
  let end = 0;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (from > end) break;
    end = Math.max(end, to);
  }
  return end;
}
