// A body is refused before it is read when it is over its ceiling: small before sign-in
// (six 400 MB bodies to POST /api/session once took the server to 4.5 GB), a meeting's
// worth after. The server is a process of its own, so its memory is its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { childServer, type ChildServer } from '../helpers/child-server';
import { ADMIN_TOKEN } from '../helpers/server';
import { BODY_LIMITS } from '../../server/routes/body-limits';

const MiB = 1024 * 1024;
const BODY_BYTES = 400 * MiB;

/**
 * Sends a JSON body of `total` bytes in 1 MiB pieces, declared up front or chunked, until
 * the server answers. Resolves the status (0: the server closed the connection before its
 * answer was read) and how many bytes had been sent by then.
 */
function sendLarge(
  url: string,
  path: string,
  total: number,
  declared: boolean,
  headers: Record<string, string> = {},
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(declared ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }), ...headers },
    });
    const piece = Buffer.alloc(MiB, 0x20);
    piece[0] = 0x5b; // '[': the start of what could be JSON
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    // The server answers 413 and closes the connection: a write may meet the closed socket
    // before the answer is read. Closed on us, long before the body was through, is the same refusal.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) return;
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') {
        answered = true;
        resolve({ status: 0, sent });
      } else reject(err);
    });
    const write = () => {
      while (!answered && sent < total) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

describe('request bodies', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await childServer();
    await server.start();
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('six 400 MB bodies before sign-in are refused unread, and the server’s memory stays where it was', async () => {
    const before = server.rss();
    let highest = before;
    const watching = setInterval(() => (highest = Math.max(highest, server.rss())), 20);
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => sendLarge(server.url, i % 2 === 0 ? '/api/session' : '/api/console/session', BODY_BYTES, i < 3)),
      );
      for (const answer of answers) {
        expect([413, 0]).toContain(answer.status);
        // Answered long before the body was through: the server did not wait for it.
        expect(answer.sent).toBeLessThan(64 * MiB);
      }
    } finally {
      clearInterval(watching);
    }
    // Generous: six sockets' buffers and the answers, nowhere near one body.
    expect(highest - before).toBeLessThan(96 * MiB);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('each ceiling holds where it is meant to: before sign-in, after it, and outside the API', async () => {
    const justOver = (limit: number) => `[${' '.repeat(limit)}]`;
    // 0: the server answered 413 and closed the connection while the body was still being sent,
    // and the client's write met the closed socket first (seen on a loaded machine).
    const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
      try {
        return await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      } catch (err) {
        const code = (err as { cause?: { code?: string } }).cause?.code;
        if (code === 'EPIPE' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return { status: 0 };
        throw err;
      }
    };
    const refusedUnread = [413, 0];

    expect(refusedUnread).toContain((await post('/api/session', justOver(BODY_LIMITS.anonymous))).status);
    expect((await post('/api/session', JSON.stringify({ token: 'x'.repeat(43) }))).status).toBe(401);
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect(refusedUnread).toContain((await post('/api/meetings', justOver(BODY_LIMITS.signedIn), admin)).status);
    expect((await post('/api/meetings', justOver(BODY_LIMITS.anonymous), admin)).status).toBe(400); // read, and refused as no meeting
    // A bearer token that names nobody is no one: the small ceiling.
    expect(refusedUnread).toContain((await post('/api/meetings', justOver(BODY_LIMITS.anonymous), { authorization: 'Bearer nobody-at-all' })).status);
    expect((await post('/no-such-page', 'x')).status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
