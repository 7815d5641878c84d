// A roster file is read off the event loop, with ceilings on what it unpacks to, its rows
// and its time. (A 1.9 MB workbook that inflated to 492 MB once held the server for 40 s
// and 3.9 GB; three at once left /healthz unanswered for a minute.) The server is a
// process of its own, so its memory and its event loop are its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childServer, type ChildServer } from '../helpers/child-server';
import { call, meetingBody, officer } from '../helpers/console';
import { bombWorkbook, rosterWorkbook } from '../helpers/zip';
import { ROSTER_FILE_LIMITS } from '../../server/console/roster-parse';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

describe('hostile roster files', () => {
  let server: ChildServer;
  let cookie: string;
  let meetingId: string;
  beforeAll(async () => {
    server = await childServer();
    await server.start();
    cookie = (await officer(server, 'rosters@example.org')).cookie;
    meetingId = (await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody({ participants: [] }))).body.meetingId;
  });
  afterAll(async () => {
    await server.cleanup();
  });

  const upload = async (bytes: Uint8Array, type: string) => {
    const res = await fetch(`${server.url}/api/console/meetings/${meetingId}/roster?dryRun=true`, {
      method: 'POST',
      headers: { cookie, 'content-type': type, origin: server.url },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; problems: { code: string; message: string }[] } } };
  };

  it('three zip bombs at once are refused, and /healthz answers within a second all the while', async () => {
    const bomb = await bombWorkbook(470);
    expect(bomb.length).toBeLessThan(2 * MiB); // under the upload ceiling: only unpacking tells
    const before = server.rss();
    let highest = before;
    const health: number[] = [];
    let uploading = true;
    let uploaded: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (uploaded = resolve));
    const polling = (async () => {
      while (uploading) {
        const started = Date.now();
        const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) });
        health.push(Date.now() - started);
        expect(res.status).toBe(200);
        highest = Math.max(highest, server.rss());
        // The next sample in 50 ms, or none once the uploads are answered.
        await Promise.race([done, new Promise((r) => setTimeout(r, 50))]);
      }
    })();
    const answers = await Promise.all([1, 2, 3].map(() => upload(bomb, XLSX))).finally(() => {
      uploading = false;
      uploaded();
    });
    await polling;

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error!.problems).toEqual([expect.objectContaining({ code: 'unreadable', message: expect.stringContaining('unpacks to more than') })]);
    }
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(1000);
    // Two readers at a time, each held to its own heap ceiling: nowhere near a bomb's size.
    console.log(`roster bombs: health answered in ${health.join(',')} ms; RSS ${Math.round(before / MiB)} → ${Math.round(highest / MiB)} MiB`);
    expect(highest - before).toBeLessThan(768 * MiB);
  });

  it(`a file of more than ${ROSTER_FILE_LIMITS.rows} rows is refused, as CSV and as XLSX`, async () => {
    const rows = [['name', 'party', 'role'], ...Array.from({ length: ROSTER_FILE_LIMITS.rows + 1 }, (_, i) => [`Person ${i}`, 'TH', 'delegate'])];
    const csv = new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));
    for (const [bytes, type] of [
      [csv, 'text/csv'],
      [await rosterWorkbook(rows), XLSX],
    ] as const) {
      const answer = await upload(bytes, type);
      expect(answer.status).toBe(400);
      expect(answer.body.error!.problems[0]!.message).toContain(`more than ${ROSTER_FILE_LIMITS.rows} rows`);
    }
    // A roster of a regional meeting's size is read as before.
    const fine = await upload(await rosterWorkbook(rows.slice(0, 121)), XLSX);
    expect(fine.status).toBe(200);
  });

  it('a file that takes longer than the deadline is refused, its reader stopped, and the next file read by a new one', async () => {
    const slowServer = await childServer({ ACCORD_ROSTER_READ_MS: '100' });
    try {
      await slowServer.start();
      const slowCookie = (await officer(slowServer, 'deadline@example.org')).cookie;
      const made = await call(slowServer, { cookie: slowCookie }, 'POST', '/api/console/meetings', meetingBody({ participants: [] }));
      const send = async (bytes: Uint8Array, type: string) => {
        const res = await fetch(`${slowServer.url}/api/console/meetings/${made.body.meetingId}/roster?dryRun=true`, {
          method: 'POST',
          headers: { cookie: slowCookie, 'content-type': type },
          body: bytes as Uint8Array<ArrayBuffer>,
        });
        return { status: res.status, body: (await res.json()) as { error?: { problems: { message: string }[] } } };
      };
      // Wide and long, within every ceiling but time: a few hundred milliseconds of reading.
      const wide = Array.from({ length: 17 }, (_, j) => `note ${j}`);
      const rows = [
        ['name', 'party', 'role', ...wide],
        ...Array.from({ length: ROSTER_FILE_LIMITS.rows - 1 }, (_, i) => [`Person ${i}`, 'TH', 'delegate', ...wide.map((w) => `${w} ${i} ผู้เสียหาย`)]),
      ];
      const slow = await send(await rosterWorkbook(rows), XLSX);
      expect(slow.status).toBe(400);
      expect(slow.body.error!.problems[0]!.message).toContain('took longer than 0.1 seconds');
      const quick = await send(new TextEncoder().encode('name,party,role\nSomchai,TH,delegate\n'), 'text/csv');
      expect(quick.status).toBe(200);
    } finally {
      await slowServer.cleanup();
    }
  });
});
