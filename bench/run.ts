// npm run bench                  quick pass (about 5 minutes, 1 repeat)
// npm run bench -- --full        the whole suite, 5 repeats; writes bench/RESULTS.md
// Options: --scenarios S1,S2  --servers accord,hocuspocus  --repeats N  --write  --profile
//          (servers: accord, hocuspocus (3.4.4), hocuspocus4 (4.x, in memory), hocuspocus4-sqlite
//           (4.x with its SQLite extension, a fresh database per run: it stores, as Accord does,
//           so its server CPU compares like for like), ywebsocket, relay)
//          --traces <folder> (default ../shared/traces, or BENCH_TRACES)
//          --accord-at <git ref | folder> (bench that server/ instead of the working tree's)
//          --accord-b <git ref | folder> (a second Accord, "Accord B", run beside the first: A/B)
//          --accord-b-label <words> (what Accord B is, for the results)
//          --out <file> (where the Markdown goes; default bench/RESULTS.md with --full or --write)
//          --node 24 (every server and the generator under the Node 24 of scripts/node24.mjs;
//                     Hocuspocus 4.x, --servers …,hocuspocus4 or hocuspocus4-sqlite, runs under it in any case)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunContext, ScenarioReport } from './lib/context';
import { allOnNode24, pinning } from './lib/processes';
import { accordDescription, exportAccord } from './lib/accord-root';
import { checkTargets, header, scenarioTable, targetsTable } from './lib/report';
import { REPO_ROOT, loadConcurrent, loadSequential, tracesDir, verifyConcurrent, verifySequential } from './lib/traces';
import { SERVER_KINDS, isHocuspocus4, isServerKind, type ServerKind } from './lib/wire';
import { s0Floor } from './scenarios/s0-floor';
import { s1OneTypist } from './scenarios/s1-one-typist';
import { s2Regional } from './scenarios/s2-regional';
import { s3Bilateral } from './scenarios/s3-bilateral';
import { s4ColdOpen } from './scenarios/s4-cold-open';
import { s5Memory } from './scenarios/s5-memory';
import { profileAccord } from './scenarios/profile';

const SCENARIOS: Record<string, (ctx: RunContext) => Promise<ScenarioReport>> = {
  S0: s0Floor,
  S1: s1OneTypist,
  S2: s2Regional,
  S3: s3Bilateral,
  S4: s4ColdOpen,
  S5: s5Memory,
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      scenarios: { type: 'string' },
      servers: { type: 'string' },
      repeats: { type: 'string' },
      write: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      traces: { type: 'string' },
      'accord-at': { type: 'string' },
      'accord-b': { type: 'string' },
      'accord-b-label': { type: 'string' },
      out: { type: 'string' },
      node: { type: 'string' },
    },
  });
  const started = new Date();
  const full = values.full ?? false;
  const ids = (values.scenarios ?? Object.keys(SCENARIOS).join(',')).split(',').map((s) => s.trim().toUpperCase());
  for (const id of ids) if (!SCENARIOS[id]) throw new Error(`unknown scenario ${id}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const servers = (values.servers ?? 'accord,hocuspocus,ywebsocket').split(',').map((s) => s.trim()) as ServerKind[];
  for (const server of servers) if (!isServerKind(server)) throw new Error(`unknown server ${server}; known: ${SERVER_KINDS.join(', ')}`);
  const repeats = Number(values.repeats ?? (full ? 5 : 1));
  if (values.node !== undefined) {
    // 24: npm's `node` package (scripts/node24.mjs); the machine's own major: as without it.
    if (values.node === '24') process.env.BENCH_NODE = '24';
    else if (values.node !== process.versions.node.split('.')[0])
      throw new Error(`--node ${values.node}: only 24 (or ${process.versions.node.split('.')[0]}, this Node) can be asked for`);
  }
  if (servers.some(isHocuspocus4) && !allOnNode24())
    process.stdout.write(
      'Hocuspocus 4.x needs Node 22 or later: it runs under Node 24, the other servers under this Node; add --node 24 to compare them under one Node\n',
    );
  if (values.traces) process.env.BENCH_TRACES = values.traces;

  const tmpRoot = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  // Stopped early: the server and generator processes follow (they exit when their parent's
  // IPC channel closes); the temporary folder is removed here.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      rmSync(tmpRoot, { recursive: true, force: true });
      process.exit(130);
    });
  if (values['accord-at']) {
    const at = values['accord-at'];
    if (existsSync(join(at, 'server', 'server.ts'))) {
      process.env.BENCH_ACCORD_ROOT = at;
      process.env.BENCH_ACCORD_COMMIT = `folder ${at}`;
    } else {
      const { root, commit } = exportAccord(at, tmpRoot);
      process.env.BENCH_ACCORD_ROOT = root;
      process.env.BENCH_ACCORD_COMMIT = commit;
    }
  }
  if (values['accord-b']) {
    // A folder holding server/ and shared/, or a git ref exported like --accord-at.
    const b = values['accord-b'];
    if (existsSync(join(b, 'server', 'server.ts'))) {
      process.env.BENCH_ACCORD_B_ROOT = b;
      process.env.BENCH_ACCORD_B_NAME = `folder ${b}`;
    } else {
      const { root, commit } = exportAccord(b, tmpRoot);
      process.env.BENCH_ACCORD_B_ROOT = root;
      process.env.BENCH_ACCORD_B_NAME = `commit ${commit.slice(0, 10)}`;
    }
    if (values['accord-b-label']) process.env.BENCH_ACCORD_B_NAME = values['accord-b-label'];
    if (!servers.includes('accord-b')) servers.splice(servers.indexOf('accord') + 1, 0, 'accord-b');
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const ctx: RunContext = { full, repeats, servers, tracesDir: tracesDir(), tmpRoot, profileDir: undefined, log };

  // Before anything is timed: the traces replay to their endContent, or we say why not.
  const sequential = loadSequential(ctx.tracesDir);
  const concurrent = loadConcurrent(ctx.tracesDir);
  if (sequential.synthetic || concurrent.synthetic) {
    log('');
    log(
      `!!! The traces folder ${ctx.tracesDir} is missing: falling back to SEEDED SYNTHETIC traces. Figures are not comparable with runs on the real traces. !!!`,
    );
    log('');
  }
  const traceNotes: string[] = [];
  for (const check of [verifySequential(sequential), verifyConcurrent(concurrent)]) {
    const line = `${check.name}: ${check.edits} edits, ${check.endChars} characters at the end, replay ${check.ok ? 'gives endContent' : 'DOES NOT give endContent'} (checked in ${(check.ms / 1000).toFixed(1)} s)`;
    log(line);
    traceNotes.push(line);
    if (!check.ok) throw new Error(`${check.name}: the replay does not give endContent; nothing is timed`);
  }
  log(pinning().note);

  try {
    if (values.profile) {
      const out = values.out ?? join(REPO_ROOT, 'bench', 'PROFILE.md');
      ctx.profileDir = join(dirname(out), 'profiles');
      mkdirSync(ctx.profileDir, { recursive: true });
      const summary = await profileAccord(ctx);
      writeFileSync(out, summary);
      log(summary);
      return;
    }
    const reports: ScenarioReport[] = [];
    for (const id of ids) {
      log(`\n== ${id} ==`);
      const t0 = performance.now();
      reports.push(await SCENARIOS[id]!(ctx));
      log(`${id} took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      // In the log as soon as it is done: a run that dies later keeps what it measured.
      log(`\n${scenarioTable(reports.at(-1)!)}\n`);
    }
    const minutes = (Date.now() - started.getTime()) / 60_000;
    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const md = [
      '# Accord benchmarks, side by side with the peers',
      '',
      header({ command, started, minutes, repeats, full, pinning: pinning().note, traces: traceNotes, accord: accordDescription() }),
      '',
      '## Targets (issue 6; issue 20 against Hocuspocus 4.x and the relay)',
      '',
      targetsTable(checkTargets(reports)),
      '',
      '## Figures',
      '',
      reports.map(scenarioTable).join('\n\n'),
      '',
    ].join('\n');
    log(`\n${md}`);
    if (values.out || full || values.write) {
      const out = values.out ?? join(REPO_ROOT, 'bench', 'RESULTS.md');
      // The export benchmark (npm run bench:export) and the scale-out one (npm run
      // bench:scale-out) keep their own sections of the file.
      const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
      const kept = ['export', 'scale-out'].flatMap((name) => new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`).exec(current)?.[0] ?? []);
      writeFileSync(out, kept.length > 0 ? `${md}\n${kept.join('\n\n')}\n` : md);
      log(`written to ${out}`);
    }
    writeFileSync(join(tmpdir(), 'accord-bench-latest.json'), JSON.stringify(reports, null, 1));
    log(`raw figures: ${join(tmpdir(), 'accord-bench-latest.json')}`);
  } finally {
    rmSync(tmpRoot, { recursive: true, force: true });
  }
}

// A promise nobody will resolve empties the event loop, and Node would exit 0 in silence.
let finished = false;
process.on('exit', (code) => {
  if (finished || code !== 0) return;
  process.stderr.write('the benchmark stopped before it finished: something it waited for never came\n');
  process.exitCode = 1;
});

main()
  .then(() => (finished = true))
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
