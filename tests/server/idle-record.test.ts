// A record nobody is changing keeps only its encoded state: people keep joining, reading
// and reconnecting as before, and the next edit, even one made offline, is kept.
import { describe, expect, it } from 'vitest';
import { createMeeting, startTestServer, tokenOf, type TestServer } from '../helpers/server';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { processed, stockClient, synced, waitFor } from '../helpers/clients';
import { serversAndClients } from '../helpers/cleanup';

describe('an idle record', () => {
  const { servers, clients, connect } = serversAndClients();
  const roomOf = async (server: TestServer, documentId: string) => {
    const room = await server.services.rooms.peek(documentId);
    if (!room) throw new Error('the record is not open');
    return room;
  };

  it('drops its document when idle, serves joiners from the stored bytes, and takes an offline deletion on reconnect', async () => {
    const server = await startTestServer({ idleDocumentMs: 200 });
    servers.push(server);
    const meeting = await createMeeting(server);
    const writer = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(writer);
    const notes = writer.doc.getText('notes');
    notes.insert(0, 'ที่ประชุมรับทราบรายงาน ກອງປະຊຸມຮັບຊາບ the meeting noted the report');
    const room = await roomOf(server, meeting.documentId);
    await waitFor(() => room.holdsDocument, 5000, 'the edit builds the document');
    await waitFor(() => !room.holdsDocument, 5000, 'the idle record drops its document');

    // Joining and reading need no document: a delegate and an observer join.
    const reader = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    const observer = connect(server, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(reader);
    await synced(observer);
    expect(reader.doc.getText('notes').toString()).toBe(notes.toString());
    expect(observer.doc.getText('notes').toString()).toBe(notes.toString());
    // Both have been dealt with in full (each one's later message reached the other): still no document.
    await processed(reader, observer);
    await processed(observer, reader);
    expect(room.holdsDocument).toBe(false);
    expect(observer.refusals).toEqual([]);

    // Offline, the writer deletes a word (a change made of a deletion only) and adds one.
    writer.provider.disconnect();
    notes.delete(0, 'ที่ประชุม'.length);
    notes.insert(notes.length, ' (approved)');
    const expected = notes.toString();
    writer.provider.connect();
    await waitFor(() => reader.doc.getText('notes').toString() === expected, 5000, 'offline changes relayed');
    expect(observer.doc.getText('notes').toString()).toBe(expected);
    expect(writer.refusals).toEqual([]);

    // And both were stored: a restarted server gives them back.
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    servers.pop();
    const again = await startTestServer({ dataDir: server.dataDir });
    servers.push(again);
    const later = connect(again, meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await synced(later);
    expect(later.doc.getText('notes').toString()).toBe(expected);
  });

  it('still refuses an observer’s edit sent to a record held as bytes', async () => {
    const server = await startTestServer({ idleDocumentMs: 100 });
    servers.push(server);
    const meeting = await createMeeting(server);
    const observer = connect(server, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(observer);
    const room = await roomOf(server, meeting.documentId);
    expect(room.holdsDocument).toBe(false);
    observer.doc.getText('notes').insert(0, 'an observer must never type');
    await waitFor(() => observer.refusals.length > 0, 5000, 'the refusal');
    expect(observer.refusals[0]).toMatch(/read-only/);
    const reader = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await synced(reader);
    expect(reader.doc.getText('notes').toString()).toBe('');
  });

  it('on a record just opened, a client that typed before it ever connected still gets its text in', async () => {
    const server = await startTestServer();
    servers.push(server);
    const meeting = await createMeeting(server);
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'ບົດບັນທຶກ written on the plane');
    const early = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'), doc);
    clients.push(early);
    await synced(early);
    const reader = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(reader);
    await waitFor(() => reader.doc.getText('notes').toString() === 'ບົດບັນທຶກ written on the plane', 5000, 'the early text');
  });

  it('sends its step 1 to a joiner that says nothing first', async () => {
    const server = await startTestServer();
    servers.push(server);
    const meeting = await createMeeting(server);
    // Listened to from the start: a record whose state vector is stored with its snapshot
    // sends its step 1 as soon as the socket joins, which may come with the upgrade's answer.
    const ws = new WebSocket(`${server.wsUrl}/${meeting.documentId}?token=${tokenOf(meeting, 'observer')}`);
    const step1 = await new Promise<boolean>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 0) resolve(true);
      });
      setTimeout(() => resolve(false), 3000);
    });
    ws.close();
    expect(step1).toBe(true);
  });

  it('keeps its document while the snapshot cannot be stored, and lets it go once it can', async () => {
    const server = await startTestServer({ idleDocumentMs: 150 });
    servers.push(server);
    const meeting = await createMeeting(server);
    const storage = server.services.storage;
    const compactRecord = storage.compactRecord.bind(storage);
    let refusals = 0;
    storage.compactRecord = async (...args) => {
      if (refusals++ === 0) throw new Error('SQLITE_FULL: database or disk is full');
      return compactRecord(...args);
    };
    const writer = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(writer);
    writer.doc.getText('notes').insert(0, 'kept through a full disk');
    const room = await roomOf(server, meeting.documentId);
    await waitFor(() => refusals === 1, 5000, 'the first compaction, refused');
    expect(room.holdsDocument).toBe(true);
    await waitFor(() => !room.holdsDocument, 5000, 'the document let go after a stored snapshot');
    const reader = connect(server, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await synced(reader);
    expect(reader.doc.getText('notes').toString()).toBe('kept through a full disk');
  });
});
