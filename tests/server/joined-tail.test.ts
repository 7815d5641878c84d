// The updates a crash left after a snapshot, joined into one update: applied after the
// snapshot, it leaves exactly the record that applying each of them leaves, whatever the
// order they were stored in, and whatever of them the snapshot already holds.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinTail } from '../../server/sync/joined-tail';
import { seedNote, seededRandom, testSeed } from '../helpers/random';

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

describe(`the updates after a snapshot, joined, on random histories (${seedNote()})`, () => {
  // Writers type into a record as browsers do: their own copy, formatted cells (XML, as the
  // editor writes them), plain text, maps and arrays, sent to the server in their own order
  // and relayed to the others late, so that edits are concurrent. The server stores what it
  // receives; a snapshot is the record after some of it, the tail the rest, stored as sent
  // or stored twice; the joined tail must leave a joiner with the record, struct for struct.
  it('leave a joiner with exactly the record, 300 histories', () => {
    const random = seededRandom(testSeed);
    const pick = (n: number) => Math.floor(random() * n);
    for (let history = 0; history < 300; history++) {
      const record = new Y.Doc();
      const stored: Uint8Array[] = [];
      const writers = Array.from({ length: 2 + pick(4) }, () => ({ doc: new Y.Doc(), outbox: [] as Uint8Array[], inbox: [] as Uint8Array[] }));
      for (const writer of writers)
        writer.doc.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin !== 'relayed') writer.outbox.push(update);
        });
      const edit = (doc: Y.Doc) => {
        const kind = pick(5);
        if (kind === 0) {
          const text = doc.getText('minutes');
          if (text.length > 3 && random() < 0.4) text.delete(pick(text.length - 2), 1 + pick(2));
          else text.insert(pick(text.length + 1), ['ข้อ ', 'ກອງ ', 'the ', 'မြန်'][pick(4)]!, random() < 0.3 ? { bold: true } : undefined);
        } else if (kind === 1) {
          const cell = doc.getXmlFragment(`cell-${pick(2)}`);
          if (cell.length === 0 || random() < 0.3) {
            const paragraph = new Y.XmlElement('paragraph');
            paragraph.insert(0, [new Y.XmlText('วาระ ')]);
            cell.insert(pick(cell.length + 1), [paragraph]);
          } else {
            const paragraph = cell.get(pick(cell.length)) as Y.XmlElement;
            const text = paragraph.get(0) as Y.XmlText | undefined;
            if (text && text.length > 2 && random() < 0.3) text.format(0, 2, { bold: true });
            else if (text && text.length > 2 && random() < 0.3) text.delete(pick(text.length - 1), 1);
            else text?.insert(pick((text?.length ?? 0) + 1), 'ok ');
            if (random() < 0.1) cell.delete(pick(cell.length), 1);
          }
        } else if (kind === 2) doc.getMap('agenda').set(`title-${pick(3)}`, `item ${pick(100)}`);
        else if (kind === 3) {
          const list = doc.getArray<number>('actions');
          if (list.length > 0 && random() < 0.3) list.delete(pick(list.length), 1);
          else list.insert(pick(list.length + 1), [pick(1000)]);
        } else doc.transact(() => (edit(doc), edit(doc)));
      };
      for (let step = 0; step < 60 + pick(60); step++) {
        const writer = writers[pick(writers.length)]!;
        const action = pick(3);
        if (action === 0) edit(writer.doc);
        else if (action === 1 && writer.outbox.length > 0) {
          // The server receives the writer's next update, stores it, and relays it.
          const update = writer.outbox.shift()!;
          Y.applyUpdate(record, update);
          stored.push(update);
          for (const other of writers) if (other !== writer) other.inbox.push(update);
        } else if (writer.inbox.length > 0) Y.applyUpdate(writer.doc, writer.inbox.shift()!, 'relayed');
      }
      if (stored.length < 2) continue;
      const cut = pick(stored.length);
      const snapshot = joinerOf(Y.encodeStateAsUpdate(new Y.Doc()), stored.slice(0, cut));
      const snapshotState = Y.encodeStateAsUpdate(snapshot);
      const tail = stored.slice(cut);
      // Stored twice (a retried append), or a few stored again merged, as a crash may leave them.
      const again = random() < 0.3 ? [Y.mergeUpdates(stored.slice(Math.max(0, cut - 2), cut + 1))] : [];
      const joined = joinTail(decoded([...again, ...tail]), stateVectorOf(snapshotState));
      expect(joined, `history ${history}`).not.toBeNull();
      const joiner = joinerOf(snapshotState, [joined!]);
      expect(joiner.store.pendingStructs, `history ${history}`).toBeNull();
      expect(joiner.store.pendingDs, `history ${history}`).toBeNull();
      expect(Y.equalSnapshots(Y.snapshot(joiner), Y.snapshot(record)), `history ${history}`).toBe(true);
      expect(joiner.getText('minutes').toDelta(), `history ${history}`).toEqual(record.getText('minutes').toDelta());
      for (const cell of ['cell-0', 'cell-1'])
        expect(joiner.getXmlFragment(cell).toString(), `history ${history}`).toBe(record.getXmlFragment(cell).toString());
      expect(joiner.getMap('agenda').toJSON(), `history ${history}`).toEqual(record.getMap('agenda').toJSON());
      expect(joiner.getArray('actions').toJSON(), `history ${history}`).toEqual(record.getArray('actions').toJSON());
    }
  });
});
