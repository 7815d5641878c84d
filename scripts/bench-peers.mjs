// The benchmark's peer servers (Hocuspocus, the reference y-websocket server) are a package
// of their own in bench/, so that the product's install never builds what only the
// benchmark runs (Hocuspocus's SQLite extension builds a native sqlite3). Installed here,
// once, on the first `npm run bench`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
if (!existsSync(join(bench, 'node_modules', '@hocuspocus', 'server'))) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: bench, stdio: 'inherit' });
