// A client that stops reading while others type: what waits to be sent to it is bounded
// (ACCORD_MAX_UNSENT_BYTES), it is cut off with 4504, which a stock client takes as "come
// back", and it comes back and syncs. (Once, such a socket took the server from 165 to
// 321 MB in 40 s, with no end in sight.) The server is a process of its own, so its memory
// is its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { CloseCode } from '../../shared/protocol';
import { childServer, type ChildServer } from '../helpers/child-server';
import { createMeeting, tokenOf, type CreatedMeetingResponse } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';

const MiB = 1024 * 1024;
const MAX_UNSENT = 1 * MiB;

describe('a client that never reads', () => {
  let server: ChildServer;
  let meeting: CreatedMeetingResponse;
  const clients: StockClient[] = [];
  beforeAll(async () => {
    server = await childServer({ ACCORD_MAX_UNSENT_BYTES: String(MAX_UNSENT) });
    await server.start();
    meeting = await createMeeting(server);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.cleanup();
  });

  it('is cut off once its backlog passes the ceiling, the server’s memory stays flat, and it comes back and syncs', async () => {
    const writer = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    const slow = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    clients.push(writer, slow);
    await Promise.all([synced(writer), synced(slow)]);
    const closes: number[] = [];
    slow.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));

    // The slow client's socket stops reading: what the server sends piles up in the kernel, then in the server.
    const socket = (slow.provider.ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    const before = server.rss();
    let highest = before;
    const text = writer.doc.getText('minutes');
    const chunk = 'ກອງປະຊຸມ ประชุม '.repeat(1200); // about 32 KB a keystroke's worth, written and taken back
    const typing = setInterval(() => {
      text.insert(0, chunk);
      text.delete(0, chunk.length);
      highest = Math.max(highest, server.rss());
    }, 10);
    try {
      await waitFor(() => server.output().includes('"event":"sync.fell-behind"'), 60_000, 'the slow client to be cut off');
    } finally {
      clearInterval(typing);
    }
    highest = Math.max(highest, server.rss());
    console.log(`slow reader: server RSS ${Math.round(before / MiB)} → at most ${Math.round(highest / MiB)} MiB before the cut`);
    // The ceiling plus one message for the slow socket, and room for everything else the
    // writer's updates cost (storage, the document's history): far below a backlog's growth.
    expect(highest - before).toBeLessThan(64 * MiB + 8 * MAX_UNSENT);

    // It reads again: the backlog, then the close, then it reconnects and is given what it missed.
    socket.resume();
    text.insert(0, 'after the cut ');
    await waitFor(() => closes.includes(CloseCode.fellBehind), 30_000, 'the 4504 close');
    await waitFor(() => slow.provider.synced && slow.doc.getText('minutes').toString() === text.toString(), 30_000, 'the slow client to sync again');
    expect(slow.doc.getText('minutes').toString()).toBe('after the cut ');
  }, 150_000); // its own waits: 60 s for the cut, 30 s for the close, 30 s to sync again
});
