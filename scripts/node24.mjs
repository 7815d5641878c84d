// Node 20, the machine's Node, reached end of life in April 2026: the tests also run the
// server on Node 24 LTS. This puts npm's `node` package of that version in .cache/node24
// (once; the npm registry is the only place it comes from) and prints the binary's path.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.15.0';
const folder = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'node24');
export const node24Binary = join(folder, 'node_modules', 'node', 'bin', 'node');

function installed() {
  if (!existsSync(node24Binary)) return false;
  return execFileSync(node24Binary, ['--version'], { encoding: 'utf8' }).trim() === `v${NODE24_VERSION}`;
}

if (!installed()) {
  mkdirSync(folder, { recursive: true });
  // The package's install script fetches the binary for this machine, from the npm registry.
  const manifest = { name: 'accord-node24', private: true, dependencies: { node: NODE24_VERSION }, allowScripts: { node: true } };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save'], { cwd: folder, stdio: 'inherit' });
  if (!installed()) throw new Error(`node ${NODE24_VERSION} did not install in ${folder}`);
}
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(node24Binary);
