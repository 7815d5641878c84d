// Builds the server into dist/server (or the folder given, inside the repository so that
// node_modules is found), to be run by plain `node` (no TypeScript loader in production):
// one bundle per entry point, packages left in node_modules, and the files the server
// reads beside itself at run time copied next to the bundle.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ? join(root, process.argv[2]) : join(root, 'dist', 'server');
mkdirSync(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/main.ts', cli: 'server/cli.ts', 'roster-worker': 'server/console/roster-worker-main.ts' },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
// Read by path relative to the module that reads them (import.meta.url).
for (const file of ['server/storage/checkpoint-worker.mjs', 'server/demo/cmm04-th-la.json']) copyFileSync(join(root, file), join(out, file.split('/').pop()));
