// Accord for the soak test: started in its own process (with --expose-gc), answering
// 'stats' over IPC with its memory after a full collection and the records it holds open.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/config';
import { startServer } from '../../server/server';
import { DEFAULT_FLOOD_LIMITS } from '../../server/sync/flood-guard';

const server = await startServer({
  ...readConfig({}),
  port: 0,
  dataDir: mkdtempSync(join(tmpdir(), 'accord-soak-')),
  adminToken: process.env.ACCORD_ADMIN_TOKEN,
  seedDemo: false,
  floodLimits: { ...DEFAULT_FLOOD_LIMITS, recordMessagesPerSecond: 1e6, recordBurst: 1e6 },
});

process.on('message', (message: { type: string }) => {
  if (message.type !== 'stats') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.send!({ type: 'stats', heapUsed, rss, openRecords: server.services.rooms.openCount });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
process.send!({ type: 'ready', url: server.url });
