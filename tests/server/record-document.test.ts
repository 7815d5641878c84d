// The server's document, held as bytes until something needs it: what it answers without
// building must be exactly what the built document would answer.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { RecordDocument } from '../../server/sync/record-document';
import { messageOf, type Frame } from '../../server/sync/frame';
import { syncStep2Frame } from '../../server/sync/wire';

/** A record with history: inserts and deletions from two writers. */
function recordWithHistory(): Y.Doc {
  const doc = new Y.Doc();
  const other = new Y.Doc();
  const minutes = doc.getText('minutes');
  minutes.insert(0, 'ที่ประชุมรับทราบ ກອງປະຊຸມຮັບຊາບ The meeting noted the report.');
  minutes.delete(5, 7);
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.getText('minutes').insert(0, 'Item 3: ');
  other.getMap('agenda').set('title', 'Cross-border cooperation');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  doc.getText('minutes').delete(20, 4);
  return doc;
}

/** The bytes inside a framed sync message (type, step, payload). */
function payload(message: Uint8Array | Frame): Uint8Array {
  const decoder = decoding.createDecoder(message instanceof Uint8Array ? message : messageOf(message));
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/** Applies what the server sends, in order, as a client does; answers the client's document. */
function received(frames: Frame[], into = new Y.Doc()): Y.Doc {
  for (const frame of frames) Y.applyUpdate(into, payload(frame));
  return into;
}

/** The one message sent. */
function only(frames: Frame[]): Frame {
  expect(frames).toHaveLength(1);
  return frames[0]!;
}

function opened(state: Uint8Array): { record: RecordDocument; built: Y.Doc[] } {
  const built: Y.Doc[] = [];
  const record = new RecordDocument((doc) => built.push(doc));
  record.open({ snapshot: state, updates: [] });
  return { record, built };
}

/** What the sync message type and step of a frame are. */
function stepOf(frame: Frame): number {
  const decoder = decoding.createDecoder(messageOf(frame));
  expect(decoding.readVarUint(decoder)).toBe(0);
  return decoding.readVarUint(decoder);
}

describe('a record held as its encoded state', () => {
  it('answers a client that has nothing, and the server step 1, without building the document', () => {
    const source = recordWithHistory();
    const state = Y.encodeStateAsUpdate(source);
    const { record, built } = opened(state);

    const joiner = received(record.step2(Y.encodeStateVector(new Y.Doc())));
    expect(joiner.getText('minutes').toString()).toBe(source.getText('minutes').toString());
    expect(joiner.getMap('agenda').get('title')).toBe('Cross-border cooperation');
    expect(Y.decodeStateVector(payload(record.step1()))).toEqual(Y.decodeStateVector(Y.encodeStateVector(source)));
    // A client that was here before gets only what it lacks: here, no text at all.
    const here = new Y.Doc();
    Y.applyUpdate(here, state);
    expect(Y.decodeUpdate(payload(only(record.step2(Y.encodeStateVector(here))))).structs).toHaveLength(0);
    expect(record.isBuilt).toBe(false);
    expect(built).toHaveLength(0);
  });

  it('frames a long record for a joiner byte for byte as y-protocols does', () => {
    const source = new Y.Doc();
    source.getText('minutes').insert(0, 'ที่ประชุมรับทราบรายงาน ກອງປະຊຸມຮັບຊາບບົດລາຍງານ '.repeat(1500));
    const framedAsYProtocols = (frame: Frame) => {
      const expected = encoding.createEncoder();
      encoding.writeVarUint(expected, 0); // the sync message type
      syncProtocol.writeSyncStep2(expected, source);
      return Buffer.compare(messageOf(frame), encoding.toUint8Array(expected)) === 0;
    };
    const { record } = opened(Y.encodeStateAsUpdate(source));
    expect(framedAsYProtocols(only(record.step2(new Uint8Array([0]))))).toBe(true);
    // The same when framed anew from the built document, once it has changed.
    expect(record.doc.getText('minutes').length).toBe(source.getText('minutes').length);
    Y.applyUpdate(source, Y.encodeStateAsUpdate(record.doc));
    Y.applyUpdate(
      record.doc,
      (() => {
        const before = Y.encodeStateVector(source);
        source.getText('minutes').insert(0, 'วาระที่ 1 ');
        return Y.encodeStateAsUpdate(source, before);
      })(),
    );
    expect(framedAsYProtocols(only(record.step2(new Uint8Array([0]))))).toBe(true);
  });

  it('lets a joiner’s answer through unbuilt only when it adds nothing: no new text, no deletion it lacks', () => {
    const source = recordWithHistory();
    const { record } = opened(Y.encodeStateAsUpdate(source));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(source));
    // The stock provider answers step 1 with every deletion it knows: nothing new here.
    const answer = Y.encodeStateAsUpdate(client, Y.encodeStateVector(source));
    expect(answer.byteLength).toBeGreaterThan(2);
    expect(record.addsNothing(answer)).toBe(true);
    expect(record.addsNothing(new Uint8Array([0, 0]))).toBe(true);

    // Offline, the client deleted a word: only a deletion, of text the record holds.
    const beforeDelete = Y.encodeStateVector(client);
    client.getText('minutes').delete(0, 4);
    const deletion = Y.encodeStateAsUpdate(client, beforeDelete);
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    expect(record.addsNothing(deletion)).toBe(false);

    client.getText('minutes').insert(0, 'ข้อ ');
    expect(record.addsNothing(Y.encodeStateAsUpdate(client, Y.encodeStateVector(source)))).toBe(false);
    expect(record.addsNothing(new Uint8Array([1, 2, 3]))).toBe(false);
    expect(record.isBuilt).toBe(false);
  });

  it('builds the document on first use, with the record’s content, and tells the watcher', () => {
    const source = recordWithHistory();
    const { record, built } = opened(Y.encodeStateAsUpdate(source));
    const doc = record.doc;
    expect(record.isBuilt).toBe(true);
    expect(built).toEqual([doc]);
    expect(doc.getText('minutes').toString()).toBe(source.getText('minutes').toString());
    expect(record.doc).toBe(doc);
  });

  it('sheds an idle document and keeps answering as it would', () => {
    const source = recordWithHistory();
    const { record, built } = opened(Y.encodeStateAsUpdate(source));
    record.doc.getText('minutes').insert(0, '[draft] ');
    const expected = record.doc.getText('minutes').toString();
    const stateVector = Y.encodeStateVector(record.doc);
    const deletedBefore = Y.encodeStateAsUpdate(record.doc);

    expect(record.shed(Y.encodeStateAsUpdate(record.doc))).toBe(true);
    expect(record.isBuilt).toBe(false);
    expect(record.shed(new Uint8Array([0, 0]))).toBe(false);
    expect(payload(record.step1())).toEqual(stateVector);
    const joiner = received(record.step2(new Uint8Array([0])));
    expect(joiner.getText('minutes').toString()).toBe(expected);
    // A client in step with the shed record has nothing to add.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, deletedBefore);
    expect(record.addsNothing(Y.encodeStateAsUpdate(peer, stateVector))).toBe(true);

    expect(record.doc.getText('minutes').toString()).toBe(expected);
    expect(built).toHaveLength(2);
  });

  it('opens a record stored as a snapshot and updates (left by a crash) unbuilt: a joiner gets the snapshot as its step 2, then each update', () => {
    const { snapshot, tail, later } = crashStore();
    for (const snapshotStateVector of [Y.encodeStateVectorFromUpdate(snapshot), null]) {
      const built: Y.Doc[] = [];
      const record = new RecordDocument((doc) => built.push(doc));
      // Stored in the order the room stored them; a later update first changes nothing.
      const updates = [tail[2]!, tail[0]!, tail[1]!, ...tail.slice(3)];
      record.open({ snapshot, snapshotStateVector, updates });
      expect(record.isBuilt).toBe(false);
      expect(record.step1IsReady).toBe(true);
      expect(Y.decodeStateVector(payload(record.step1()))).toEqual(Y.decodeStateVector(Y.encodeStateVector(later)));
      // The snapshot as stored, as sync step 2, then each update as stored, in one go.
      const frames = record.step2(new Uint8Array([0]));
      expect(frames.map(stepOf)).toEqual([syncProtocol.messageYjsSyncStep2, ...updates.map(() => syncProtocol.messageYjsUpdate)]);
      expect(frames.map(payload)).toEqual([snapshot, ...updates]);
      const joiner = received(frames);
      expect(joiner.getText('minutes').toString()).toBe(later.getText('minutes').toString());
      expect(joiner.getMap('agenda').get('title')).toBe('การส่งผู้เสียหายกลับ');
      expect(joiner.store.pendingStructs).toBeNull();
      expect(joiner.store.pendingDs).toBeNull();
      expect(Y.equalSnapshots(Y.snapshot(joiner), Y.snapshot(later))).toBe(true);
      expect(record.addsNothing(Y.encodeStateAsUpdate(later, Y.encodeStateVector(later)))).toBe(true);
      // A client that was here before the crash gets what it lacks.
      const before = new Y.Doc();
      Y.applyUpdate(before, snapshot);
      const caughtUp = received(record.step2(Y.encodeStateVector(before)), before);
      expect(Y.equalSnapshots(Y.snapshot(caughtUp), Y.snapshot(later))).toBe(true);
      expect(built).toHaveLength(0);
      // Built when first needed, with exactly what a joiner got; compacted into one state holding it all.
      expect(Y.equalSnapshots(Y.snapshot(record.doc), Y.snapshot(later))).toBe(true);
      expect(record.doc.getText('minutes').toString()).toBe(later.getText('minutes').toString());
      const state = record.state();
      expect(Y.equalSnapshots(Y.snapshot(received([syncStep2Frame(state)])), Y.snapshot(later))).toBe(true);
    }
  });

  it('opens a crash store from the state vector stored with its snapshot, without reading the snapshot through', () => {
    const { snapshot, tail, later } = crashStore();
    const record = new RecordDocument(() => undefined);
    // Bytes no decoder could read, where the snapshot is: opening and step 1 never read them.
    const unreadable = new Uint8Array(snapshot.byteLength).fill(0xff);
    record.open({ snapshot: unreadable, snapshotStateVector: Y.encodeStateVectorFromUpdate(snapshot), updates: tail });
    expect(record.isBuilt).toBe(false);
    expect(record.step1IsReady).toBe(true);
    expect(Y.decodeStateVector(payload(record.step1()))).toEqual(Y.decodeStateVector(Y.encodeStateVector(later)));
    expect(payload(record.step2(new Uint8Array([0]))[0]!)).toEqual(unreadable);
  });

  it('builds a record whose stored updates depend on content nowhere stored, and keeps none of that: a joiner gets only what the server holds', () => {
    const source = recordWithHistory();
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(source));
    const tail: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => tail.push(update));
    writer.getText('minutes').insert(0, 'ข้อ 1 ');
    writer.getText('minutes').insert(0, 'วาระ ');
    writer.getText('minutes').delete(0, 3);
    const record = new RecordDocument(() => undefined);
    // The first of the three was never stored: the second and third depend on it.
    const snapshot = Y.encodeStateAsUpdate(source);
    record.open({ snapshot, snapshotStateVector: Y.encodeStateVectorFromUpdate(snapshot), updates: [tail[1]!, tail[2]!] });
    expect(record.isBuilt).toBe(true);
    expect(record.doc.store.pendingStructs).toBeNull();
    expect(record.doc.getText('minutes').toString()).toBe(source.getText('minutes').toString());
    const joiner = received(record.step2(new Uint8Array([0])));
    expect(joiner.store.pendingStructs).toBeNull();
    expect(joiner.store.pendingDs).toBeNull();
    expect(joiner.getText('minutes').toString()).toBe(source.getText('minutes').toString());
  });
});

/** A snapshot and the updates a crash left after it (two writers; an insert, a deletion, a map entry), and the record they make. */
function crashStore(): { snapshot: Uint8Array; tail: Uint8Array[]; later: Y.Doc } {
  const source = recordWithHistory();
  const later = new Y.Doc();
  Y.applyUpdate(later, Y.encodeStateAsUpdate(source));
  const tail: Uint8Array[] = [];
  const stored = (update: Uint8Array) => tail.push(update);
  later.on('update', stored);
  later.getText('minutes').insert(0, 'ລາວ ');
  later.getText('minutes').delete(10, 3);
  later.getMap('agenda').set('title', 'การส่งผู้เสียหายกลับ');
  later.off('update', stored);
  // A second writer continues from what the first wrote.
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(later));
  other.on('update', (update: Uint8Array) => {
    tail.push(update);
    Y.applyUpdate(later, update);
  });
  other.getText('minutes').insert(4, 'ข้อ ');
  return { snapshot: Y.encodeStateAsUpdate(source), tail, later };
}
