// The benchmark's peer servers (Hocuspocus, the reference y-websocket server) are a package
// of their own in bench/, so that the product's install never builds what only the
// benchmark runs (Hocuspocus's SQLite extension builds a native sqlite3). Installed here,
// once, on the first `npm run bench`, and again when a peer is missing (Hocuspocus 4.x came
// as an npm alias, @hocuspocus/server-4, beside 3.4.4: a folder installed before it lacks it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const peers = ['@hocuspocus/server', '@hocuspocus/server-4', '@hocuspocus/extension-sqlite-4', '@y/websocket-server'];
if (peers.some((peer) => !existsSync(join(bench, 'node_modules', peer, 'package.json'))))
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: bench, stdio: 'inherit' });
