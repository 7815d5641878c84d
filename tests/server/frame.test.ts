// A message framed once and written to the TCP socket as it is reaches a stock WebSocket
// client whole, at every length the frame header encodes differently, and in order with
// what ws itself sends on the same socket.
import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from '../../server/sync/frame';

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('a frame made once', () => {
  let server: WebSocketServer | null = null;
  let client: WebSocket | null = null;
  afterEach(async () => {
    client?.terminate();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('arrives whole at every header length, between messages ws sends itself', async () => {
    // 125, 126 and 65535, 65536 are where the header's length field changes form; the
    // last is a long record, sent as its small header and then its own bytes.
    const messages: Uint8Array[][] = [
      [bytes(0, 1)],
      [bytes(1, 2)],
      [bytes(125, 3)],
      [bytes(126, 4)],
      [bytes(65_535, 5)],
      [bytes(65_536, 6)],
      [bytes(3, 7), bytes(1_600_000, 8)],
    ];
    const expected = messages.flatMap((pieces, i) => [Buffer.concat(pieces), Buffer.from([0xee, i])]);
    const received: Buffer[] = [];
    const done = new Promise<void>((resolve) => {
      server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
      server.on('connection', (ws, request) => {
        const raw = request.socket as Duplex;
        messages.forEach((pieces, i) => {
          for (const piece of binaryFrame(...pieces).wire) raw.write(piece);
          ws.send(Buffer.from([0xee, i]));
        });
      });
      server.on('listening', () => {
        client = new WebSocket(`ws://127.0.0.1:${(server!.address() as AddressInfo).port}`);
        client.on('message', (data: Buffer, isBinary) => {
          expect(isBinary).toBe(true);
          received.push(data);
          if (received.length === expected.length) resolve();
        });
      });
    });
    await done;
    expect(received.map((m) => m.byteLength)).toEqual(expected.map((m) => m.byteLength));
    received.forEach((m, i) => expect(Buffer.compare(m, expected[i]!)).toBe(0));
  });

  it('joins small pieces with the header, and leaves a long one as it is', () => {
    const record = bytes(100_000, 9);
    const frame = binaryFrame(bytes(4, 1), record);
    expect(frame.wire).toHaveLength(2);
    expect(frame.wire[0]!.byteLength).toBe(10 + 4);
    expect(frame.wire[1]).toBe(record);
    expect(binaryFrame(bytes(30, 2)).wire).toHaveLength(1);
  });
});
