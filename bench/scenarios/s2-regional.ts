// S2: the regional meeting. 120 clients in one room (the GMS 08 fixture for Accord): 20
// typists at 5 edits/s each, an awareness change on every keystroke.
import { abab, newReport, record, type RunContext, type ScenarioReport } from '../lib/context';
import type { LoadPlan, LoadResult } from '../lib/plans';
import { fmt, generate, otherLoad, undisturbed, withServer } from './common';
import { noteChecks } from './s1-one-typist';

export function s2Plan(ctx: RunContext, durationMs: number, repeat: number): Omit<LoadPlan, 'target' | 'rooms'> {
  return {
    type: 'load',
    typistsPerRoom: 20,
    readersPerRoom: 98,
    fullClientRooms: [0, 0],
    workload: { kind: 'sequential', rate: 5, awareness: true },
    durationMs,
    warmupMs: 3000,
    drainMs: 10_000,
    burst: 0,
    tracesDir: ctx.tracesDir,
    seed: 1 + repeat,
  };
}

export async function s2Regional(ctx: RunContext): Promise<ScenarioReport> {
  const durationMs = ctx.full ? 30_000 : 12_000;
  const report = newReport(
    'S2',
    'Regional meeting: 120 clients, 20 typists',
    `1 room, 120 clients: 20 typists (5 edits/s each, each replaying automerge-paper into its own text, an awareness change after every edit), 98 thin readers, 2 full clients; ${durationMs / 1000} s, first 3 s not counted. Latency to the last of 119 receivers.`,
    [
      { name: 'p50 latency, updates', unit: 'ms', better: 'lower' },
      { name: 'p99 latency, updates', unit: 'ms', better: 'lower', target: 'S2: ≤ 0.5× Hocuspocus, ≤ 1.0× y-websocket' },
      { name: 'p50 latency, awareness', unit: 'ms', better: 'lower' },
      { name: 'p99 latency, awareness', unit: 'ms', better: 'lower' },
      { name: 'server CPU', unit: '% of a core', better: 'lower' },
      { name: 'generator CPU', unit: '% of a core', better: 'lower' },
      { name: 'other work on the machine', unit: '% of a core', better: 'lower' },
    ],
  );
  // The ws relay (--servers …,relay) is the floor: the same load through a server that
  // forwards bytes and does nothing else; it keeps no document, so no full client checks it.
  const servers = ctx.servers;
  if (servers.includes('relay'))
    report.notes.push('ws relay: the floor, forwarding every message to every other socket and reading nothing; no full client (it keeps no document).');
  for (const { repeat, server: kind } of abab(servers, ctx.repeats)) {
    const r = await undisturbed(ctx, `S2 ${kind} #${repeat + 1}`, () =>
      withServer(ctx, { kind, rooms: 1, fixture: 'gms08-regional' }, (_s, rooms, target) =>
        generate<LoadResult>({ ...s2Plan(ctx, durationMs, repeat), ...(kind === 'relay' ? { fullClientRooms: [] } : {}), target, rooms }),
      ),
    );
    record(report, 'p50 latency, updates', kind, r.update.p50);
    record(report, 'p99 latency, updates', kind, r.update.p99);
    record(report, 'p50 latency, awareness', kind, r.awareness.p50);
    record(report, 'p99 latency, awareness', kind, r.awareness.p99);
    record(report, 'server CPU', kind, r.serverCpuMs !== null ? (100 * r.serverCpuMs) / r.wallMs : NaN);
    record(report, 'generator CPU', kind, (100 * r.generatorCpuMs) / r.wallMs);
    record(report, 'other work on the machine', kind, otherLoad(r));
    noteChecks(report, `${kind} #${repeat + 1}`, r);
    if (process.env.BENCH_VERBOSE) ctx.log(`  slowest: ${r.worst.map((w) => `${fmt(w.ms, 0)} ms at ${fmt(w.at / 1000, 2)} s`).join(', ')}`);
    ctx.log(
      `S2 ${kind} #${repeat + 1}: updates p50 ${fmt(r.update.p50, 2)} p99 ${fmt(r.update.p99, 2)} ms, awareness p99 ${fmt(r.awareness.p99, 2)} ms, ` +
        `server ${fmt(r.serverCpuMs !== null ? (100 * r.serverCpuMs) / r.wallMs : NaN, 0)}% cpu, other load ${fmt(otherLoad(r), 0)}%, texts ${r.fullChecks.every((c) => c.ok) ? 'ok' : 'WRONG'}`,
    );
  }
  return report;
}
