// The Hocuspocus server of the current line (4.x, bench/package.json's alias
// @hocuspocus/server-4), in its own process; always under Node 24 (4.x needs Node 22 or
// later), started by lib/processes.ts. Its API is 3.x's where the benchmark touches it:
// new Server({ port, address, quiet, stopOnSignals, extensions }), listen(), address.port,
// destroy(). 4.x batches a document's broadcasts per event-loop turn (flushDelay 0, its
// default, left as shipped). With its SQLite extension (4.x: better-sqlite3, the same file
// format as 3.x's) when BENCH_SQLITE names a database file (the persistence scenario).
import { Server, type Extension } from '@hocuspocus/server-4';
import { failOverIpc, serveOverIpc } from './ipc';

async function main(): Promise<void> {
  const database = process.env.BENCH_SQLITE;
  // The extension imports '@hocuspocus/server' by its own name, which npm installs for it as
  // a second copy of 4.7.0 under it (the top-level name is 3.4.4's): the same code, but not
  // the same types to TypeScript. It only implements hooks, so it works with this copy.
  // Imported only when asked for, like 3.x's (whose sqlite3 loads its binding on import).
  const SQLite = database ? (await import('@hocuspocus/extension-sqlite-4')).SQLite : null;
  const extensions = database && SQLite ? [new SQLite({ database }) as unknown as Extension] : [];
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    extensions,
  });
  await server.listen();
  serveOverIpc(server.address.port, () => server.destroy());
}

main().catch(failOverIpc);
