// Fault injection: the disk fills up under the server (a small tmpfs as DATA_DIR), then
// space comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { processed, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { RefusalReason } from '../../shared/protocol';

function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const block = Buffer.alloc(64 * 1024, 1);
  let size = 0;
  try {
    for (;;) {
      writeFileSync(filler, block, { flag: 'a' });
      size += block.length;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  // Squeeze out the last partial block too.
  try {
    for (;;) writeFileSync(filler, Buffer.alloc(1024, 1), { flag: 'a' });
  } catch {
    // full
  }
  expect(size).toBeGreaterThan(0);
  return filler;
}

describe('when storage refuses a write', () => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'accord-small-disk-'));
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let writer: StockClient;
  let reader: StockClient;

  beforeAll(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    server = await startTestServer({ dataDir: join(mountPoint, 'data'), maxMessageBytes: 4 * 1024 * 1024 });
    meeting = await createMeeting(server);
    writer = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'), undefined, { maxBackoffTime: 200 });
    reader = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'), undefined, { maxBackoffTime: 200 });
    await Promise.all([synced(writer), synced(reader)]);
  });
  afterAll(async () => {
    writer?.destroy();
    reader?.destroy();
    await server?.stop();
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('the update is not relayed, the writer is told and keeps its text, and all of it lands once space is back', async () => {
    writer.doc.getText('notes').insert(0, 'before ');
    await waitFor(() => reader.doc.getText('notes').toString() === 'before ', 5000, 'first edit');
    // A witness joins while there is space (joining writes: the invitation is marked used).
    const witness = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(witness);

    // SQLite reuses its write-ahead log from the start once a checkpoint has reset it, so an
    // edit that fits in the log file as it stands can land on a full disk. Twice the log's size
    // cannot: it needs new pages, refused on a full disk (the server here takes messages up to
    // 4 MiB, so that it is still one update).
    const wal = join(mountPoint, 'data', 'accord.sqlite-wal');
    const words = 'ข้อความยาว ';
    const long = words.repeat(Math.max(15_000, Math.ceil((2 * (existsSync(wal) ? statSync(wal).size : 0)) / Buffer.byteLength(words))));
    const filler = fillDisk(mountPoint);
    writer.doc.getText('notes').insert(7, long);
    await waitFor(() => writer.refusals.includes(RefusalReason.storageUnavailable), 10_000, 'storage refusal');
    // Whatever the server sent the reader about that update has arrived once a later message,
    // from someone else, has: a witness's presence, relayed after it.
    await processed(witness, reader);
    witness.destroy();
    expect(reader.doc.getText('notes').toString()).toBe('before ');
    expect(writer.doc.getText('notes').toString()).toBe(`before ${long}`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // A delegate opening the link for the first time on the full disk: noting the first use
    // fails, the join is served all the same, and the server stays up (an unhandled rejection
    // would end it, and fail this run).
    const newcomer = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await synced(newcomer);
    expect(newcomer.doc.getText('notes').toString()).toBe('before ');
    await processed(newcomer, reader);
    newcomer.destroy();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    rmSync(filler);
    // No one does anything: the writer's provider reconnects and offers its edit again.
    await waitFor(() => reader.doc.getText('notes').length === 7 + long.length, 20_000, 'edit after recovery');
    expect(reader.doc.getText('notes').toString()).toBe(`before ${long}`);

    const later = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(later);
    expect(later.doc.getText('notes').length).toBe(7 + long.length);
    later.destroy();
  });
});
