import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { DEFAULT_FLOOD_LIMITS } from '../../server/sync/flood-guard';
import { join } from 'node:path';
import { createMeeting, startTestServer, tokenOf } from '../helpers/server';
import { synced, waitFor } from '../helpers/clients';
import { serversAndClients } from '../helpers/cleanup';

describe('every accepted edit is stored', () => {
  const { servers, connect } = serversAndClients();

  it('a restarted server on the same DATA_DIR serves every edit made before the restart', async () => {
    const first = await startTestServer();
    const meeting = await createMeeting(first);
    const writer = connect(first, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(writer);
    const notes = writer.doc.getText('notes');
    for (const word of ['ประชุม ', 'ກອງປະຊຸມ ', 'meeting ']) notes.insert(notes.length, word);
    const reader = connect(first, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await synced(reader);
    await waitFor(() => reader.doc.getText('notes').toString() === notes.toString(), 5000, 'edits relayed');
    writer.destroy();
    reader.destroy();
    await first.stop();

    const second = await startTestServer({ dataDir: first.dataDir });
    servers.push(second);
    const later = connect(second, meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await synced(later);
    expect(later.doc.getText('notes').toString()).toBe('ประชุม ກອງປະຊຸມ meeting ');
  });

  it('after thousands of small updates the record is compacted, and a fresh load gives the same content', async () => {
    // A script sends faster than anyone types; lift the flood limits for it.
    const floodLimits = { ...DEFAULT_FLOOD_LIMITS, connectionMessagesPerSecond: 100_000, connectionBurst: 100_000 };
    const server = await startTestServer({ compactAfterUpdates: 200, floodLimits });
    servers.push(server);
    const meeting = await createMeeting(server);
    const writer = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(writer);
    const text = writer.doc.getText('notes');
    for (let i = 0; i < 3000; i++) {
      if (i % 7 === 6 && text.length > 0) text.delete(text.length - 1, 1);
      else text.insert(text.length, String.fromCharCode(0x0e01 + (i % 40)));
    }
    const expected = text.toString();
    const reader = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await synced(reader);
    await waitFor(() => reader.doc.getText('notes').toString() === expected, 10_000, 'all updates relayed');
    writer.destroy();
    reader.destroy();
    await waitFor(() => server.services.rooms.openCount === 0, 5000, 'record unloaded');

    const db = new Database(join(server.dataDir, 'accord.sqlite'), { readonly: true });
    const pending = db.prepare('SELECT COUNT(*) AS n FROM record_updates WHERE document_id = ?').get(meeting.documentId) as { n: number };
    const snapshot = db.prepare('SELECT snapshot_seq FROM records WHERE document_id = ?').get(meeting.documentId) as { snapshot_seq: number };
    db.close();
    expect(snapshot.snapshot_seq).toBeGreaterThanOrEqual(2500);
    expect(pending.n).toBe(0);

    const fresh = connect(server, meeting.documentId, tokenOf(meeting, 'head', 'TH'));
    await synced(fresh);
    expect(fresh.doc.getText('notes').toString()).toBe(expected);
    const sameState = Y.encodeStateVector(fresh.doc).toString() === Y.encodeStateVector(writer.doc).toString();
    expect(sameState).toBe(true);
  });
});
