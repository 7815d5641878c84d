// Accord as shipped (SQLite, every update stored before it is sent on), started in its
// own process: server/config.ts's settings with the bench's port, folder and token.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ConfigModule from '../../server/config';
import type * as ServerModule from '../../server/server';
import { accordRoot } from '../lib/accord-root';
import { failOverIpc, serveOverIpc } from './ipc';

async function main(): Promise<void> {
  // The working tree's server, or a committed one (npm run bench -- --accord-at <ref>).
  const root = accordRoot();
  const { readConfig } = (await import(pathToFileURL(join(root, 'server/config.ts')).href)) as typeof ConfigModule;
  const { startServer } = (await import(pathToFileURL(join(root, 'server/server.ts')).href)) as typeof ServerModule;
  const dataDir = process.env.BENCH_DATA_DIR;
  const adminToken = process.env.BENCH_ADMIN_TOKEN;
  if (!dataDir || !adminToken) throw new Error('BENCH_DATA_DIR and BENCH_ADMIN_TOKEN must be set');
  const server = await startServer({
    ...readConfig(process.env),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken,
    seedDemo: false,
  });
  serveOverIpc(server.port, () => server.close());
}

main().catch(failOverIpc);
