// The updates a crash left after a snapshot, joined into one update: applied after the
// snapshot, it leaves exactly the record that applying each of them leaves, whatever the
// order they were stored in, and whatever of them the snapshot already holds.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinTail } from '../../server/sync/joined-tail';

const decoded = (updates: Uint8Array[]) => updates.map((update) => Y.decodeUpdate(update));
const stateVectorOf = (state: Uint8Array) => Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));

/** The record a joiner holds after the snapshot, then `then`, in order. */
function joinerOf(snapshot: Uint8Array, then: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  for (const update of then) Y.applyUpdate(doc, update);
  return doc;
}

/** A snapshot, then edits from three writers (text typed and deleted, a map entry, a nested array), each stored as its own update. */
function recordAndTail(): { snapshot: Uint8Array; tail: Uint8Array[]; record: Y.Doc } {
  const record = new Y.Doc();
  record.getText('minutes').insert(0, 'ที่ประชุมรับทราบ ກອງປະຊຸມຮັບຊາບ The meeting noted the report. 🇹🇭');
  record.getMap('agenda').set('items', new Y.Array());
  const snapshot = Y.encodeStateAsUpdate(record);
  const tail: Uint8Array[] = [];
  const writers = [0, 1, 2].map(() => {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, snapshot);
    return writer;
  });
  // Every writer sees every update at once, as the room relays them; the store keeps each.
  for (const writer of writers)
    writer.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'relayed') return;
      tail.push(update);
      Y.applyUpdate(record, update);
      for (const other of writers) if (other !== writer) Y.applyUpdate(other, update, 'relayed');
    });
  for (let round = 0; round < 20; round++) {
    const writer = writers[round % 3]!;
    const minutes = writer.getText('minutes');
    minutes.insert((round * 7) % minutes.length, `ข้อ ${round} `);
    if (round % 4 === 3) minutes.delete((round * 5) % (minutes.length - 4), 3);
    if (round % 5 === 0) writer.getMap('agenda').set(`title-${round % 2}`, `วาระ ${round}`);
    if (round % 6 === 0) (writer.getMap('agenda').get('items') as Y.Array<string>).push([`item ${round}`]);
  }
  return { snapshot, tail, record };
}

describe('the updates after a snapshot, joined into one', () => {
  it('leave a joiner with exactly the record, in whatever order they were stored', () => {
    const { snapshot, tail, record } = recordAndTail();
    for (const stored of [tail, [...tail].reverse(), [...tail.slice(7), ...tail.slice(0, 7)]]) {
      const joined = joinTail(decoded(stored), stateVectorOf(snapshot))!;
      const joiner = joinerOf(snapshot, [joined]);
      expect(joiner.store.pendingStructs).toBeNull();
      expect(joiner.store.pendingDs).toBeNull();
      expect(joiner.getText('minutes').toString()).toBe(record.getText('minutes').toString());
      expect(joiner.getMap('agenda').toJSON()).toEqual(record.getMap('agenda').toJSON());
      expect(Y.equalSnapshots(Y.snapshot(joiner), Y.snapshot(record))).toBe(true);
      // As one update: what Y.mergeUpdates would make, struct for struct past the snapshot.
      expect(Y.equalSnapshots(Y.snapshot(joiner), Y.snapshot(joinerOf(snapshot, [Y.mergeUpdates(stored)])))).toBe(true);
    }
  });

  it('writes only what lies past the snapshot: an update it holds in part, or twice stored, adds nothing twice', () => {
    const { snapshot, tail, record } = recordAndTail();
    // A snapshot taken after the first five updates, with two of them stored again merged with the sixth.
    const later = joinerOf(snapshot, tail.slice(0, 5));
    const partly = Y.mergeUpdates(tail.slice(3, 6));
    const stored = [partly, ...tail.slice(5), tail[9]!];
    const laterState = Y.encodeStateAsUpdate(later);
    const joined = joinTail(decoded(stored), stateVectorOf(laterState))!;
    const joiner = joinerOf(laterState, [joined]);
    expect(Y.equalSnapshots(Y.snapshot(joiner), Y.snapshot(record))).toBe(true);
    expect(joiner.getText('minutes').toString()).toBe(record.getText('minutes').toString());
    // Nothing the snapshot holds is in it.
    const { from } = Y.parseUpdateMeta(joined);
    for (const [client, clock] of from) expect(clock).toBe(Y.decodeStateVector(Y.encodeStateVector(later)).get(client) ?? 0);
  });

  it('writes a struct the snapshot holds the start of from where the snapshot ends', () => {
    const typist = new Y.Doc();
    const minutes = typist.getText('minutes');
    minutes.insert(0, 'The meeting ');
    const snapshot = Y.encodeStateAsUpdate(typist);
    minutes.insert(minutes.length, 'noted ');
    const held = Y.encodeStateAsUpdate(typist);
    minutes.insert(minutes.length, 'the report.');
    // Stored as one update since the snapshot, the two inserts are one struct (the document
    // merged them), of which the snapshot taken between them holds the start.
    const stored = Y.encodeStateAsUpdate(typist, Y.encodeStateVectorFromUpdate(snapshot));
    expect(Y.decodeUpdate(stored).structs).toHaveLength(1);
    const joined = joinTail(decoded([stored]), stateVectorOf(held))!;
    expect(joinerOf(held, [joined]).getText('minutes').toString()).toBe('The meeting noted the report.');
    expect(Y.parseUpdateMeta(joined).from.get(typist.clientID)).toBe(stateVectorOf(held).get(typist.clientID));
    expect(joinerOf(snapshot, [stored]).getText('minutes').toString()).toBe('The meeting noted the report.');
  });

  it('refuses updates that leave a gap after the snapshot', () => {
    const { snapshot, tail } = recordAndTail();
    // The first update of the first writer is missing: its next ones start past the snapshot's end.
    expect(joinTail(decoded(tail.slice(1)), stateVectorOf(snapshot))).toBeNull();
  });
});
