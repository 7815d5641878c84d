// S3: many bilateral meetings at once. Rooms of 15 (2 typists replaying friendsforever
// from a different point each, 13 readers), at 10, 50, 100 and 200 rooms: the most rooms a
// server holds with a median p99 latency under 50 ms and nothing lost.
import { abab, newReport, record, type RunContext, type ScenarioReport } from '../lib/context';
import type { LoadPlan, LoadResult } from '../lib/plans';
import { medianOf } from '../lib/report';
import type { ServerKind } from '../lib/wire';
import { fmt, generate, otherLoad, undisturbed, withServer } from './common';
import { noteChecks } from './s1-one-typist';

const HELD_P99_MS = 50;

export function s3Plan(ctx: RunContext, durationMs: number, rooms: number, repeat: number): Omit<LoadPlan, 'target' | 'rooms'> {
  return {
    type: 'load',
    typistsPerRoom: 2,
    readersPerRoom: 13,
    fullClientRooms: [0, rooms - 1],
    workload: { kind: 'concurrent', rate: 10 },
    durationMs,
    warmupMs: 2000,
    drainMs: 10_000,
    burst: 0,
    tracesDir: ctx.tracesDir,
    seed: 100 + repeat,
  };
}

export async function s3Bilateral(ctx: RunContext): Promise<ScenarioReport> {
  // 300 beyond the issue's 10–200: when a peer holds 200, "2× the rooms" needs a level above.
  // BENCH_S3_LEVELS=300,400 runs just those levels (to look closer at one).
  const levels = process.env.BENCH_S3_LEVELS?.split(',').map(Number) ?? (ctx.full ? [10, 50, 100, 200, 300] : [50, 200]);
  const durationMs = ctx.full ? 10_000 : 5_000;
  const report = newReport(
    'S3',
    'Many bilateral meetings: rooms of 15',
    `Rooms of 15 thin clients (2 typists replaying friendsforever at 5 edits/s each from a different point per room, 13 readers) plus one full client in the first and the last room; ${levels.join(' / ')} rooms, ${durationMs / 1000} s each, first 2 s not counted. Levels run in order, every repeat of a level before the next. A level is held when the median over repeats of p99 is < ${HELD_P99_MS} ms and no repeat lost an update; a server stops climbing after the first level it does not hold, and rooms held is the highest level held.`,
    [
      { name: 'rooms held', unit: 'rooms', better: 'higher', target: 'S3: ≥ 2× Hocuspocus' },
      ...levels.flatMap((n) => [
        { name: `${n} rooms: p50 latency`, unit: 'ms', better: 'lower' as const },
        { name: `${n} rooms: p99 latency`, unit: 'ms', better: 'lower' as const },
        { name: `${n} rooms: server CPU`, unit: '% of a core', better: 'lower' as const },
      ]),
    ],
  );
  // The ws relay (--servers …,relay) is the floor: the same load through a server that
  // forwards bytes and does nothing else; it keeps no document, so no full client checks it.
  const servers = ctx.servers;
  if (servers.includes('relay'))
    report.notes.push(
      'ws relay: the floor, forwarding every message to every other socket of its room and reading nothing; no full client (it keeps no document).',
    );
  // Level by level rather than repeat by repeat: on a shared machine one bad run would end a
  // whole repeat's climb; here a level's repeats are judged together, by their median.
  let climbing = servers;
  const held = new Map<ServerKind, number>(servers.map((kind) => [kind, 0]));
  for (const n of levels) {
    const lost = new Set<ServerKind>();
    for (const { repeat, server: kind } of abab(climbing, ctx.repeats)) {
      const r = await undisturbed(ctx, `S3 ${kind} ${n} rooms #${repeat + 1}`, () =>
        withServer(ctx, { kind, rooms: n, fixture: 'cmm04-th-la' }, (_s, rooms, target) =>
          generate<LoadResult>({ ...s3Plan(ctx, durationMs, n, repeat), ...(kind === 'relay' ? { fullClientRooms: [] } : {}), target, rooms }),
        ),
      );
      record(report, `${n} rooms: p50 latency`, kind, r.update.p50);
      record(report, `${n} rooms: p99 latency`, kind, r.update.p99);
      record(report, `${n} rooms: server CPU`, kind, r.serverCpuMs !== null ? (100 * r.serverCpuMs) / r.wallMs : NaN);
      noteChecks(report, `${kind} ${n} rooms #${repeat + 1}`, r);
      // A lost update is a correctness failure, not noise: one is enough.
      if (r.missing > 0 || r.refusals > 0) lost.add(kind);
      ctx.log(
        `S3 ${kind} ${n} rooms #${repeat + 1}: p50 ${fmt(r.update.p50, 2)} p99 ${fmt(r.update.p99, 2)} ms, server ${fmt(r.serverCpuMs !== null ? (100 * r.serverCpuMs) / r.wallMs : NaN, 0)}% cpu, ` +
          `generator ${fmt((100 * r.generatorCpuMs) / r.wallMs, 0)}%, send lag p99 ${fmt(r.sendLag.p99, 1)} ms, other load ${fmt(otherLoad(r), 0)}%, ${r.missing === 0 && r.refusals === 0 ? 'nothing lost' : `${r.missing} LOST, ${r.refusals} REFUSED`}`,
      );
      if (process.env.BENCH_VERBOSE) ctx.log(`  slowest: ${r.worst.map((w) => `${fmt(w.ms, 0)} ms at ${fmt(w.at / 1000, 2)} s`).join(', ')}`);
      if ((100 * r.generatorCpuMs) / r.wallMs > 90)
        report.notes.push(
          `${kind} ${n} rooms #${repeat + 1}: the load generator was near saturation (${fmt((100 * r.generatorCpuMs) / r.wallMs, 0)}% of a core); latency includes its own queueing`,
        );
    }
    const p99 = (kind: ServerKind) => medianOf(report, `${n} rooms: p99 latency`, kind);
    const holds = (kind: ServerKind) => p99(kind) < HELD_P99_MS && !lost.has(kind);
    for (const kind of climbing) {
      ctx.log(`S3 ${kind} ${n} rooms: median p99 ${fmt(p99(kind), 2)} ms${lost.has(kind) ? ', updates lost' : ''}, ${holds(kind) ? 'held' : 'NOT held'}`);
      if (holds(kind)) held.set(kind, n);
    }
    climbing = climbing.filter(holds);
    if (climbing.length === 0) break;
  }
  for (const [kind, n] of held) record(report, 'rooms held', kind, n);
  return report;
}
