// npm run bench:scale-out [-- --processes 1,2,3] [--levels 50,100,200,300] [--repeats N] [--attempts N] [--write]
//
// Accord scaled out: S2 (one room of 120) and S3 (rooms of 15, climbing) with 1, 2 and 3
// processes sharing a PostgreSQL schema and a Redis of the benchmark's own, every room's
// clients spread over the processes (bench/lib/scale-out.ts), in one run, with each
// figure's ratio to one process. Nothing is pinned: the processes, the load generator,
// Redis and PostgreSQL share the machine's cores, and the generator's own CPU is reported.
// --write puts the tables into bench/RESULTS.md between the scale-out marks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { abab, type RunContext } from './lib/context';
import type { LoadResult } from './lib/plans';
import { BENCH_DATABASE_URL, undoRunsUnderWay, withScaledOutAccord } from './lib/scale-out';
import { scaleOutTable, type Figures } from './lib/scale-out-report';
import { loadConcurrent, loadSequential, REPO_ROOT, tracesDir, verifyConcurrent, verifySequential } from './lib/traces';
import { generate, fmt, otherLoad, undisturbed } from './scenarios/common';
import { s2Plan } from './scenarios/s2-regional';
import { s3Plan } from './scenarios/s3-bilateral';
import { median } from './lib/stats';
import { resultsSection, writeResultsSection } from './lib/results-section';

const HELD_P99_MS = 50;

const percent = (ms: number | null, r: LoadResult) => (ms === null ? NaN : (100 * ms) / r.wallMs);

/** The figures every load run gives, in % of a core for CPU. */
function note(figures: Figures, prefix: string, n: number, r: LoadResult): void {
  const add = (name: string, v: number) => ((figures[`${prefix}${name}`] ??= {})[n] ??= []).push(v);
  add('p50 latency, updates', r.update.p50);
  add('p99 latency, updates', r.update.p99);
  add('server CPU, all processes', percent(r.serverCpuMs, r));
  add('Redis + PostgreSQL backends CPU', percent(r.backingCpuMs, r));
  add('load generator CPU', percent(r.generatorCpuMs, r));
  add('other work on the machine', otherLoad(r));
}

function checks(r: LoadResult): string {
  const texts = r.fullChecks.every((c) => c.ok) ? 'texts ok' : 'TEXTS WRONG';
  return `${r.missing === 0 && r.refusals === 0 ? 'nothing lost' : `${r.missing} LOST, ${r.refusals} REFUSED`}, ${texts}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      processes: { type: 'string', default: '1,2,3' },
      levels: { type: 'string', default: '50,100,200,300' },
      repeats: { type: 'string', default: '1' },
      scenarios: { type: 'string', default: 'S2,S3' },
      // Attempts per run while other work disturbs it (the suite's rule is 3).
      attempts: { type: 'string', default: '3' },
      write: { type: 'boolean', default: false },
    },
  });
  const counts = values.processes.split(',').map(Number);
  const levels = values.levels.split(',').map(Number);
  const repeats = Number(values.repeats);
  const scenarios = values.scenarios.toUpperCase().split(',');
  const attempts = Number(values.attempts);
  // Nothing pinned: three server processes on one core would measure the core, not the design.
  process.env.BENCH_PIN = '0';
  const started = new Date();
  const loadAtStart = loadavg().map((l) => l.toFixed(2));
  const tmpRoot = mkdtempSync(join(tmpdir(), 'accord-bench-scale-out-'));
  // Stopped early: the Redis and the schema of the run under way go too, not only its servers.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void undoRunsUnderWay().finally(() => {
        rmSync(tmpRoot, { recursive: true, force: true });
        process.exit(130);
      });
    });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const ctx: RunContext = { full: false, repeats, servers: ['accord'], tracesDir: tracesDir(), tmpRoot, profileDir: undefined, log };
  for (const check of [verifySequential(loadSequential(ctx.tracesDir)), verifyConcurrent(loadConcurrent(ctx.tracesDir))])
    if (!check.ok) throw new Error(`${check.name}: the replay does not give endContent; nothing is timed`);
  const sections: string[] = [];
  try {
    if (scenarios.includes('S2')) {
      const durationMs = 12_000;
      const figures: Figures = {};
      for (const { repeat, server: n } of abab(counts, repeats)) {
        const r = await undisturbed(
          ctx,
          `S2 ×${n} #${repeat + 1}`,
          () =>
            withScaledOutAccord(ctx, { processes: n, rooms: 1, fixture: 'gms08-regional' }, (_s, rooms, target) =>
              generate<LoadResult>({ ...s2Plan(ctx, durationMs, repeat), target, rooms }),
            ),
          attempts,
        );
        note(figures, '', n, r);
        ((figures['p99 latency, awareness'] ??= {})[n] ??= []).push(r.awareness.p99);
        log(
          `S2 ×${n} #${repeat + 1}: p50 ${fmt(r.update.p50, 2)} p99 ${fmt(r.update.p99, 2)} ms, awareness p99 ${fmt(r.awareness.p99, 2)} ms, servers ${fmt(percent(r.serverCpuMs, r), 0)}%, ` +
            `Redis+PG ${fmt(percent(r.backingCpuMs, r), 0)}%, generator ${fmt(percent(r.generatorCpuMs, r), 0)}%, other ${fmt(otherLoad(r), 0)}%, ${checks(r)}`,
        );
      }
      sections.push(
        scaleOutTable(
          'S2: one room of 120 (GMS 08), 20 typists',
          `20 typists at 5 edits/s with an awareness change after each, 98 thin readers, 2 full clients; ${durationMs / 1000} s, first 3 s not counted; latency to the last of 119 receivers. Client i of the room goes to process i mod N.`,
          counts,
          figures,
        ),
      );
    }
    if (scenarios.includes('S3')) {
      const durationMs = 5_000;
      const figures: Figures = {};
      const held = new Map(counts.map((n) => [n, 0]));
      let climbing = counts;
      for (const level of levels) {
        const lost = new Set<number>();
        for (const { repeat, server: n } of abab(climbing, repeats)) {
          const r = await undisturbed(
            ctx,
            `S3 ×${n} ${level} rooms #${repeat + 1}`,
            () =>
              withScaledOutAccord(ctx, { processes: n, rooms: level, fixture: 'cmm04-th-la' }, (_s, rooms, target) =>
                generate<LoadResult>({ ...s3Plan(ctx, durationMs, level, repeat), target, rooms }),
              ),
            attempts,
          );
          note(figures, `${level} rooms: `, n, r);
          if (r.missing > 0 || r.refusals > 0 || !r.fullChecks.every((c) => c.ok)) lost.add(n);
          log(
            `S3 ×${n} ${level} rooms #${repeat + 1}: p50 ${fmt(r.update.p50, 2)} p99 ${fmt(r.update.p99, 2)} ms, servers ${fmt(percent(r.serverCpuMs, r), 0)}%, ` +
              `Redis+PG ${fmt(percent(r.backingCpuMs, r), 0)}%, generator ${fmt(percent(r.generatorCpuMs, r), 0)}%, send lag p99 ${fmt(r.sendLag.p99, 1)} ms, other ${fmt(otherLoad(r), 0)}%, ${checks(r)}`,
          );
        }
        const holds = (n: number) => median(figures[`${level} rooms: p99 latency, updates`]?.[n] ?? []) < HELD_P99_MS && !lost.has(n);
        for (const n of climbing) if (holds(n)) held.set(n, level);
        log(`S3 ${level} rooms: ${climbing.map((n) => `×${n} ${holds(n) ? 'held' : 'NOT held'}`).join(', ')}`);
        climbing = climbing.filter(holds);
        if (climbing.length === 0) break;
      }
      figures['rooms held'] = Object.fromEntries([...held].map(([n, rooms]) => [n, [rooms]]));
      sections.push(
        scaleOutTable(
          'S3: rooms of 15, climbing',
          `Rooms of 15 thin clients (2 typists replaying friendsforever at 5 edits/s each, 13 readers) plus a full client in the first and the last room; ${levels.join(' / ')} rooms, ${durationMs / 1000} s each, first 2 s not counted. A level is held when the median p99 is < ${HELD_P99_MS} ms and nothing is lost; a count of processes stops climbing after the first level it does not hold. Client i of room r goes to process (r + i) mod N: each room's two typists are on different processes.`,
          counts,
          figures,
        ),
      );
    }
  } finally {
    rmSync(tmpRoot, { recursive: true, force: true });
  }
  const minutes = (Date.now() - started.getTime()) / 60_000;
  const command = `npm run bench:scale-out${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const section = resultsSection('scale-out', [
    '## Scale-out: 1, 2 and 3 processes on PostgreSQL + Redis (`npm run bench:scale-out`)',
    '',
    `- Command: \`${command}\`, ${started.toISOString()}, ${minutes.toFixed(1)} min`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${osType()} ${release()}; load average ${loadAtStart.join(' ')} at the start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end (shared with other work)`,
    `- Node ${process.version} for every process; ${versions()}; PostgreSQL at ${BENCH_DATABASE_URL} (a schema of the run's own per run), Redis ${redisVersion()} of the run's own (\`--save ''\`)`,
    `- Each run: N Accord processes started together on a fresh schema and Redis, rooms made through the first, every room's clients spread over the N; nothing pinned (processes, load generator, Redis and PostgreSQL share the ${cpus().length} cores). Repeats: ${repeats}; cells: median (min–max). A run during which other work took more than 10% of a core is run again (${attempts} attempt${attempts === 1 ? '' : 's'} at most, the least disturbed counts). CPU in % of one core; "Redis + PostgreSQL backends" is the run's Redis and the backends of its connections (PostgreSQL's shared writers left out).`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ]);
  log(`\n${section}`);
  if (values.write) {
    writeResultsSection('scale-out', section);
    log('written to bench/RESULTS.md');
  }
}

function versions(): string {
  const of = (pkg: string) => (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return ['yjs', 'y-protocols', 'ws', 'pg', 'ioredis'].map((p) => `${p} ${of(p)}`).join(', ');
}

function redisVersion(): string {
  try {
    return /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
