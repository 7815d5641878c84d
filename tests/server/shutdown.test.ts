import { afterEach, describe, expect, it } from 'vitest';
import { childServer, type ChildServer } from '../helpers/child-server';
import { createMeeting, tokenOf } from '../helpers/server';
import { closed, rawSocket, stockClient, synced, waitFor } from '../helpers/clients';
import { CloseCode } from '../../shared/protocol';

describe('graceful shutdown on SIGTERM', () => {
  let server: ChildServer;
  afterEach(async () => {
    await server.cleanup();
  });

  it('closes sockets with "service restart", keeps every edit, and exits cleanly; clients come back by themselves', async () => {
    server = await childServer();
    await server.start();
    const meeting = await createMeeting(server);
    const writer = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(writer);
    const socket = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${tokenOf(meeting, 'observer')}`);
    const closeCode = closed(socket);
    const text = writer.doc.getText('notes');
    for (let i = 0; i < 200; i++) text.insert(text.length, 'ก');
    // Every edit has reached the server (another client holds them all) before it is told to stop.
    const witness = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await waitFor(() => witness.doc.getText('notes').toString() === 'ก'.repeat(200), 10_000, 'every edit at the server');
    witness.destroy();

    expect(await server.kill('SIGTERM')).toBe(0);
    expect(await closeCode).toBe(CloseCode.serviceRestart);
    await fetch(`${server.url}/healthz`).then(
      () => expect.fail('still accepting after SIGTERM'),
      () => undefined,
    );

    await server.start();
    // The stock provider reconnects on its own; nothing typed before the restart is missing.
    text.insert(text.length, 'ข');
    const reader = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await synced(reader, 10_000);
    await waitFor(() => reader.doc.getText('notes').toString() === `${'ก'.repeat(200)}ข`, 10_000, 'all edits after restart');
    writer.destroy();
    reader.destroy();
  });
});
