// The suite once more on Node 24 LTS (Node 20, the machine's, reached end of life in April
// 2026): every project but the browser's (pure, unit: the server over real sockets, storage on
// SQLite and PostgreSQL, the faults, the shared code) run by Vitest under the Node 24 of
// scripts/node24.mjs.
// The browser tests run once, on Node 20: what they add is the client's, which no Node runs.
// The store's better-sqlite3 is built for Node 24 (once, in the cache of scripts/node24.mjs)
// and every process of the run, the servers the tests start included, finds it through
// scripts/node24-hooks.mjs.
// The faults' long runs are sized down here, unless the caller sizes them: the fuzzer's budget
// of 100,000 cases (issue 17) and the crash test's 20 kills are spent by the Node 20 run; this
// pass sends 20,000 cases under a seed of its own and kills 5 times, to show that the server
// holds on Node 24 too, within the suite's time.
// Arguments go to Vitest: `npm run test:node24 -- tests/server/sync-convergence.test.ts`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { node24Addon, node24Binary } from './node24.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
const addons = { 'better-sqlite3': node24Addon('better-sqlite3', version) };
const hooks = pathToFileURL(join(root, 'scripts', 'node24-hooks.mjs')).href;
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
console.log(`\nThe suite on Node 24 (${node24Binary}), the browser's project left to the Node 20 run:`);
// What no Node 24 process runs is left to the Node 20 run: the client's pure functions (the
// browser runs them) and the benchmarks' harness (run by the machine's Node; its servers take
// the Node of `npm run bench -- --node 24`).
const elsewhere = ['tests/client/**', 'tests/bench/**'].flatMap((glob) => ['--exclude', glob]);
const run = spawnSync(node24Binary, [vitest, 'run', '--project', 'pure', '--project', 'unit', ...elsewhere, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import ${hooks}`].filter(Boolean).join(' '),
    ACCORD_NODE24_ADDONS: JSON.stringify(addons),
    FUZZ_CASES: process.env.FUZZ_CASES ?? '20000',
    CRASH_ROUNDS: process.env.CRASH_ROUNDS ?? '5',
  },
});
process.exit(run.status ?? 1);
