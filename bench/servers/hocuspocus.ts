// The Hocuspocus server (3.4.4, the newest that runs on Node 20), in its own process; with
// its SQLite extension when BENCH_SQLITE names a database file (the persistence scenario).
import { Server } from '@hocuspocus/server';
import { failOverIpc, serveOverIpc } from './ipc';

async function main(): Promise<void> {
  const database = process.env.BENCH_SQLITE;
  // Imported only when asked for: it loads sqlite3's native binding as it is imported.
  const SQLite = database ? (await import('@hocuspocus/extension-sqlite')).SQLite : null;
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    extensions: database && SQLite ? [new SQLite({ database })] : [],
  });
  await server.listen();
  serveOverIpc(server.address.port, () => server.destroy());
}

main().catch(failOverIpc);
