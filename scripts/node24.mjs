// Node 20, the machine's Node, reached end of life in April 2026: the tests also run the
// server on Node 24 LTS. This puts npm's `node` package of that version in the user's cache,
// ~/.cache/accord/node24 (once for every clone on the machine, as node-gyp keeps its headers;
// the npm registry is the only place it comes from) and prints the binary's path.
// ACCORD_NODE24_CACHE names another folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.15.0';
const folder = process.env.ACCORD_NODE24_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'accord', 'node24');
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

// Native addons built for Node 20 (the machine's Node, which npm install runs under) do not
// load in Node 24. The benchmark runs servers under Node 24 (`npm run bench -- --node 24`,
// and Hocuspocus 4.x always), and their SQLite is better-sqlite3: this installs one copy of
// a package, built for Node 24 from the registry's source package against Node 24's own
// headers (the `node` package ships them), in that folder's addons/<name>@<version>, once.
// Answers the package's folder. Nothing calls it unless a Node 24 process needs the addon.
export function node24Addon(name, version) {
  const addons = join(folder, 'addons', `${name.replace('/', '+')}@${version}`);
  const pkg = join(addons, 'node_modules', name);
  const done = join(addons, 'built-for-node24');
  if (existsSync(done)) return pkg;
  mkdirSync(addons, { recursive: true });
  const manifest = { name: 'accord-node24-addon', private: true, dependencies: { [name]: version }, allowScripts: { [name]: true } };
  writeFileSync(join(addons, 'package.json'), JSON.stringify(manifest, null, 2));
  const headers = join(folder, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  // npm and the install script (prebuild-install, else node-gyp) run under Node 24; node-gyp
  // takes the headers from npm_config_nodedir rather than downloading them.
  const env = {
    ...process.env,
    PATH: `${dirname(node24Binary)}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
    npm_config_nodedir: headers,
  };
  console.error(`building ${name}@${version} for Node ${NODE24_VERSION} in ${addons} (once)`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save'], { cwd: addons, stdio: ['ignore', 'inherit', 'inherit'], env });
  execFileSync(node24Binary, ['-e', `require(${JSON.stringify(pkg)})`], { stdio: 'inherit' });
  if (name === 'better-sqlite3')
    execFileSync(node24Binary, ['-e', `new (require(${JSON.stringify(pkg)}))(':memory:').prepare('select 1').get()`], { stdio: 'inherit' });
  writeFileSync(done, `${NODE24_VERSION}\n`);
  return pkg;
}
