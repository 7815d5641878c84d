// What a delegate's browser downloads: the client's scripts and styles compressed at build
// time (Brotli, or gzip for a browser without it, the file as it is for one that takes
// neither), hashed assets cached for good, the page itself checked every time.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithClient } from './helpers/browser';
import type { TestServer } from '../helpers/server';

/** GET over plain HTTP, as the bytes come on the wire (nothing decompressed). */
function get(
  url: string,
  acceptEncoding: string | null,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, bytes: all.byteLength, body: all.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the client on the wire', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServerWithClient();
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('sends the app script as Brotli or gzip when the browser takes it, cached for good; the page is checked every time', async () => {
    const page = await get(`${server.url}/`, 'br, gzip');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    // The page is over 1 kB, so it comes compressed too: its script is read from it as it is.
    const script = /src="(\/assets\/app-[^"]+\.js)"/.exec((await get(`${server.url}/`, null)).body)?.[1];
    expect(script).toBeDefined();

    const plain = await get(`${server.url}${script}`, null);
    const brotli = await get(`${server.url}${script}`, 'gzip, deflate, br');
    const gzip = await get(`${server.url}${script}`, 'gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotli.bytes).toBeLessThan(plain.bytes * 0.35);
    expect(gzip.bytes).toBeLessThan(plain.bytes * 0.4);
    for (const answer of [plain, brotli, gzip]) {
      expect(answer.headers['content-type']).toMatch(/javascript/);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
  });
});
