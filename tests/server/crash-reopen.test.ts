// A record reopened after a crash (a snapshot and the updates stored after it, the last
// compaction not done) is served from those bytes, without building its document: a stock
// client gets the whole record, exactly as stored, and the record is one snapshot with its
// state vector again once everyone has left.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { partsOf } from '../../server/storage/storage';
import { createMeeting, startTestServer, tokenOf } from '../helpers/server';
import { processed, synced, waitFor } from '../helpers/clients';
import { serversAndClients } from '../helpers/cleanup';

describe('a record reopened after a crash', () => {
  const { servers, clients, connect } = serversAndClients();

  it('is sent whole to a joiner, exactly as stored, and compacted with its state vector once left', async () => {
    const first = await startTestServer();
    servers.push(first);
    const meeting = await createMeeting(first);
    const { documentId } = meeting;
    await first.stop();
    servers.pop();

    // What the crashed server had stored: a compacted snapshot, then updates from two writers.
    const storage = await openSqliteStorage(first.dataDir);
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
    let seq = await storage.appendUpdates(documentId, typed.splice(0));
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
    seq = await storage.appendUpdates(documentId, typed.splice(0));
    const crashed = await storage.loadRecord(documentId);
    expect(crashed.updates.length).toBeGreaterThan(3);
    expect(crashed.snapshotStateVector).toBeTruthy();
    await storage.close();
    const expected = record.getText('notes').toString();
    expect(expected).toContain('[Item 2] ');

    const server = await startTestServer({ dataDir: first.dataDir });
    servers.push(server);
    const reader = connect(server, documentId, tokenOf(meeting, 'observer'));
    await synced(reader);
    // The snapshot is its sync step 2; the updates after it follow in the same write.
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
});
