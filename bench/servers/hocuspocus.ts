// The Hocuspocus server (3.4.4, the newest that runs on Node 20), in its own process; with
// its SQLite extension when BENCH_SQLITE names a database file (the persistence scenario).
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { failOverIpc, serveOverIpc } from './ipc';

async function main(): Promise<void> {
  const database = process.env.BENCH_SQLITE;
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    extensions: database ? [new SQLite({ database })] : [],
  });
  await server.listen();
  serveOverIpc(server.address.port, () => server.destroy());
}

main().catch(failOverIpc);
