// A record reopened after a crash (a snapshot and the updates stored after it, the last
// compaction not done) is served from those bytes, without building its document: a stock
// client gets the whole record, exactly as stored (the snapshot, then what followed it as
// one update), a write sent while the record opens reaches it once, after that, and the
// record is one snapshot with its state vector again once everyone has left.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { partsOf } from '../../server/storage/storage';
import { MessageType } from '../../shared/protocol';
import { createMeeting, startTestServer, tokenOf } from '../helpers/server';
import { processed, rawSocket, synced, waitFor } from '../helpers/clients';
import { serversAndClients } from '../helpers/cleanup';

/**
 * Stores what a crashed server leaves of the record: a compacted snapshot, then updates from
 * two writers (inserts, a deletion) that no compaction folded in. Answers the record they make.
 */
async function storeCrash(dataDir: string, documentId: string): Promise<Y.Doc> {
  const storage = await openSqliteStorage(dataDir);
  const record = new Y.Doc();
  for (const part of partsOf(await storage.loadRecord(documentId))) Y.applyUpdate(record, part);
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(record));
  const typed: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => {
    typed.push(update);
    Y.applyUpdate(record, update);
  });
  const notes = writer.getText('notes');
  notes.insert(0, 'ที่ประชุมรับทราบรายงาน ກອງປະຊຸມຮັບຊາບບົດລາຍງານ ');
  const seq = await storage.appendUpdates(documentId, typed.splice(0));
  await storage.compactRecord(documentId, Y.encodeStateAsUpdate(record), seq);
  for (const word of ['The meeting ', 'noted ', 'the report.']) notes.insert(notes.length, word);
  notes.delete(0, 'ที่ประชุม'.length);
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(record));
  other.on('update', (update: Uint8Array) => {
    typed.push(update);
    Y.applyUpdate(record, update);
  });
  other.getText('notes').insert(0, '[Item 2] ');
  await storage.appendUpdates(documentId, typed.splice(0));
  const crashed = await storage.loadRecord(documentId);
  expect(crashed.updates.length).toBeGreaterThan(3);
  expect(crashed.snapshotStateVector).toBeTruthy();
  await storage.close();
  return record;
}

/** A step held until the test lets it go; `reached` resolves once something waits on it. */
function gate() {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { open, reached, pass: () => (reach(), opened) };
}

const syncMessage = (step: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};

/** The content a raw socket receives, in order: each sync step 2 or update, and the update it carries. */
function contentOf(ws: WebSocket): { step: number; payload: Uint8Array }[] {
  const received: { step: number; payload: Uint8Array }[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (decoding.readVarUint(d) !== MessageType.sync) return;
    const step = decoding.readVarUint(d);
    if (step !== syncProtocol.messageYjsSyncStep1) received.push({ step, payload: decoding.readVarUint8Array(d).slice() });
  });
  return received;
}

/** Resolves once the server has read everything `ws` sent before: it answers a ping after what came before it. */
function readByServer(ws: WebSocket): Promise<void> {
  const answered = new Promise<void>((resolve) => ws.once('pong', () => resolve()));
  ws.ping();
  return answered;
}

describe('a record reopened after a crash', () => {
  const { servers, clients, connect } = serversAndClients();

  it('is sent whole to a joiner, exactly as stored, and compacted with its state vector once left', async () => {
    const first = await startTestServer();
    servers.push(first);
    const meeting = await createMeeting(first);
    const { documentId } = meeting;
    await first.stop();
    servers.pop();

    const record = await storeCrash(first.dataDir, documentId);
    const expected = record.getText('notes').toString();
    expect(expected).toContain('[Item 2] ');

    const server = await startTestServer({ dataDir: first.dataDir });
    servers.push(server);
    const reader = connect(server, documentId, tokenOf(meeting, 'observer'));
    await synced(reader);
    // The snapshot is its sync step 2; what was stored after it follows, as one update, in the same write.
    await waitFor(() => reader.doc.getText('notes').toString() === expected, 5000, 'the updates after the snapshot');
    expect(Y.equalSnapshots(Y.snapshot(reader.doc), Y.snapshot(record))).toBe(true);
    expect(reader.doc.store.pendingStructs).toBeNull();
    expect(reader.doc.store.pendingDs).toBeNull();

    // A second joiner while the record is open gets the same; none of it built the document.
    const delegate = connect(server, documentId, tokenOf(meeting, 'delegate', 'LA'));
    await synced(delegate);
    await waitFor(() => delegate.doc.getText('notes').toString() === expected, 5000, 'the updates after the snapshot');
    expect(Y.equalSnapshots(Y.snapshot(delegate.doc), Y.snapshot(record))).toBe(true);
    await processed(reader, delegate);
    await processed(delegate, reader);
    const room = await server.services.rooms.peek(documentId);
    expect(room?.holdsDocument).toBe(false);
    expect(reader.refusals).toEqual([]);

    // An edit builds it, from those bytes: the edit lands on the record as stored.
    delegate.doc.getText('notes').insert(0, 'ລາວ ');
    const edited = delegate.doc.getText('notes').toString();
    await waitFor(() => reader.doc.getText('notes').toString() === edited, 5000, 'the edit relayed');
    expect(edited).toBe(`ລາວ ${expected}`);

    // Everyone leaves: one snapshot again, stored with its state vector.
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => room!.isClosed, 5000, 'the record let go of');
    await server.stop();
    servers.pop();
    const reopened = await openSqliteStorage(first.dataDir);
    try {
      const stored = await reopened.loadRecord(documentId);
      expect(stored.updates).toHaveLength(0);
      const compacted = new Y.Doc();
      Y.applyUpdate(compacted, stored.snapshot!);
      expect(compacted.getText('notes').toString()).toBe(edited);
      expect(Y.decodeStateVector(stored.snapshotStateVector!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(compacted)));
    } finally {
      await reopened.close();
      first.cleanup();
    }
  });

  it('sends a joiner the record as stored, then a write sent while it opened, once and after it', async () => {
    const first = await startTestServer();
    servers.push(first);
    const meeting = await createMeeting(first);
    const { documentId } = meeting;
    await first.stop();
    servers.pop();
    const record = await storeCrash(first.dataDir, documentId);

    const server = await startTestServer({ dataDir: first.dataDir });
    servers.push(server);
    // The record's read is held until both sockets have spoken: what they sent waits for the open.
    const read = gate();
    const storage = server.services.storage;
    const loadRecord = storage.loadRecord.bind(storage);
    storage.loadRecord = async (id) => {
      const stored = await loadRecord(id);
      await read.pass();
      return stored;
    };
    const url = (role: string, party?: string) => `${server.wsUrl}/${documentId}?token=${encodeURIComponent(tokenOf(meeting, role, party))}`;
    const reader = await rawSocket(url('observer'));
    const toReader = contentOf(reader);
    reader.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
    await read.reached;
    const writer = await rawSocket(url('delegate', 'LA'));
    const typist = new Y.Doc();
    const edits: Uint8Array[] = [];
    typist.on('update', (update: Uint8Array) => edits.push(update));
    typist.getText('notes').insert(0, 'ລາວ ');
    writer.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(typist)));
    writer.send(syncMessage(syncProtocol.messageYjsUpdate, edits[0]!));
    await readByServer(reader);
    await readByServer(writer);
    read.open();

    // The record as stored (the snapshot, then what followed it as one update), then the write.
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(record));
    Y.applyUpdate(expected, edits[0]!);
    const holds = (update: Uint8Array) => Y.parseUpdateMeta(update).to.has(typist.clientID);
    await waitFor(() => toReader.some((m) => holds(m.payload)), 5000, 'the write relayed');
    // A later write, relayed after anything the first could still bring.
    typist.getText('notes').insert(0, '[1] ');
    Y.applyUpdate(expected, edits[1]!);
    writer.send(syncMessage(syncProtocol.messageYjsUpdate, edits[1]!));
    await waitFor(() => toReader.filter((m) => holds(m.payload)).length >= 2, 5000, 'the later write relayed');

    const content = toReader;
    expect(content.map((m) => m.step)).toEqual([
      syncProtocol.messageYjsSyncStep2,
      syncProtocol.messageYjsUpdate,
      syncProtocol.messageYjsUpdate,
      syncProtocol.messageYjsUpdate,
    ]);
    expect(content.map((m) => holds(m.payload))).toEqual([false, false, true, true]);
    const joiner = new Y.Doc();
    for (const { payload } of content.slice(0, 2)) Y.applyUpdate(joiner, payload);
    expect(Y.equalSnapshots(Y.snapshot(joiner), Y.snapshot(record))).toBe(true);
    for (const { payload } of content.slice(2)) Y.applyUpdate(joiner, payload);
    expect(joiner.store.pendingStructs).toBeNull();
    expect(joiner.store.pendingDs).toBeNull();
    expect(joiner.getText('notes').toString()).toBe(expected.getText('notes').toString());
    expect(joiner.getText('notes').toString()).toContain('[1] ລາວ ');
    expect(Y.equalSnapshots(Y.snapshot(joiner), Y.snapshot(expected))).toBe(true);
    reader.close();
    writer.close();
  });
});
