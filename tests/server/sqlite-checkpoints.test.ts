// SQLite's WAL is checkpointed by a worker thread, not inside a client's write: the
// writes still reach the database file, and the WAL does not grow without end.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMeeting, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/clients';
import { serversAndClients } from '../helpers/cleanup';

describe('WAL checkpoints', () => {
  const { servers } = serversAndClients();

  it('move what was written into the database file in the background', async () => {
    const server = await startTestServer();
    servers.push(server);
    const meeting = await createMeeting(server);
    const file = join(server.dataDir, 'accord.sqlite');
    const before = statSync(file).size;
    const update = new Uint8Array(4096).fill(7);
    for (let i = 0; i < 40; i++)
      await server.services.storage.appendUpdates(
        meeting.documentId,
        Array.from({ length: 50 }, () => update),
      );
    // 8 MB written, under the writer's own threshold (40 MB): only the worker checkpointed.
    await waitFor(() => statSync(file).size > before + 6_000_000, 10_000, 'the database file to take the writes');
    // Writes as they come in service, with pauses: the WAL is written over, not grown.
    const wal = statSync(`${file}-wal`).size;
    for (let i = 0; i < 40; i++) {
      await server.services.storage.appendUpdates(
        meeting.documentId,
        Array.from({ length: 50 }, () => update),
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(statSync(`${file}-wal`).size).toBeLessThan(wal + 6_000_000);
  });

  it('run as Accord is started (node --import tsx), and closing waits for them even with nothing else running', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-checkpoints-'));
    try {
      const script = `const { openSqliteStorage } = await import('./server/storage/sqlite.ts');
        const storage = await openSqliteStorage(${JSON.stringify(dataDir)});
        await new Promise((r) => setTimeout(r, 600));
        await storage.close();
        console.log('closed');`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
      expect(child.stderr).not.toContain('checkpoint');
      expect(child.stdout).toContain('closed');
      expect(child.status).toBe(0);
      // The last connection closed cleanly: it checkpointed and removed the WAL.
      expect(existsSync(join(dataDir, 'accord.sqlite-wal'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
