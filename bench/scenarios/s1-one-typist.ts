// S1: one room, one typist replaying automerge-paper, ten readers (two of them full
// clients that check the text): throughput, latency to the last reader, server CPU and
// bytes per update.
import { abab, newReport, record, type RunContext, type ScenarioReport } from '../lib/context';
import type { LoadPlan, LoadResult } from '../lib/plans';
import type { ServerKind } from '../lib/wire';
import { fmt, generate, otherLoad, undisturbed, withServer } from './common';

/**
 * A trace replayed at 1000 updates/s is a machine, not a typist: Accord's flood guard
 * (200 messages/s per connection) would cut it off. S1 measures the sync path, so for S1
 * only the guard's budgets are raised out of the way; every other scenario runs the
 * shipped limits.
 */
const UNGUARDED = {
  ACCORD_CONNECTION_MESSAGES_PER_SECOND: '1000000',
  ACCORD_CONNECTION_BURST: '1000000',
  ACCORD_RECORD_MESSAGES_PER_SECOND: '1000000',
  ACCORD_RECORD_BURST: '1000000',
};

export async function s1OneTypist(ctx: RunContext): Promise<ScenarioReport> {
  const durationMs = ctx.full ? 20_000 : 6_000;
  const burst = ctx.full ? 30_000 : 8_000;
  const report = newReport(
    'S1',
    'One typist, ten readers',
    `1 typist replaying automerge-paper from its start at 1000 updates/s for ${durationMs / 1000} s (first 2 s not counted), then ${burst} more updates as fast as the socket takes them; 10 readers (8 thin, 2 full clients checking the text). Accord's flood guard budgets are raised for S1 only (a replay at 1000/s is not a person; the shipped 200 messages/s per connection would cut it off).`,
    [
      { name: 'burst throughput', unit: 'updates/s', better: 'higher' },
      { name: 'p50 latency to last reader', unit: 'ms', better: 'lower' },
      { name: 'p99 latency to last reader', unit: 'ms', better: 'lower' },
      { name: 'server CPU per update (paced)', unit: 'µs', better: 'lower' },
      { name: 'server CPU per update (burst)', unit: 'µs', better: 'lower' },
      { name: 'bytes per update in', unit: 'B', better: 'lower' },
      { name: 'bytes per update out, per reader', unit: 'B', better: 'lower' },
    ],
  );
  const servers = ctx.servers.filter((s): s is ServerKind => s !== 'relay');
  for (const { repeat, server: kind } of abab(servers, ctx.repeats)) {
    const run = () =>
      withServer(ctx, { kind, rooms: 1, fixture: 'cmm04-th-la', server: { env: UNGUARDED } }, (_server, rooms, target) => {
        const plan: LoadPlan = {
          type: 'load',
          target,
          rooms,
          typistsPerRoom: 1,
          readersPerRoom: 8,
          fullClientRooms: [0, 0],
          workload: { kind: 'sequential', rate: 1000, awareness: false },
          durationMs,
          warmupMs: 2000,
          drainMs: 10_000,
          burst,
          tracesDir: ctx.tracesDir,
          seed: 1 + repeat,
        };
        return generate<LoadResult>(plan);
      });
    const r = await undisturbed(ctx, `S1 ${kind} #${repeat + 1}`, run);
    record(report, 'burst throughput', kind, r.burst?.perSecond ?? NaN);
    record(report, 'p50 latency to last reader', kind, r.update.p50);
    record(report, 'p99 latency to last reader', kind, r.update.p99);
    record(report, 'server CPU per update (paced)', kind, r.serverCpuMs !== null ? (r.serverCpuMs * 1000) / r.sentUpdates : NaN);
    record(report, 'server CPU per update (burst)', kind, r.burst?.serverCpuMs != null ? (r.burst.serverCpuMs * 1000) / r.burst.count : NaN);
    record(report, 'bytes per update in', kind, r.bytesPerUpdateIn);
    record(report, 'bytes per update out, per reader', kind, r.bytesPerUpdateOut);
    noteChecks(report, `${kind} #${repeat + 1}`, r);
    ctx.log(
      `S1 ${kind} #${repeat + 1}: p50 ${fmt(r.update.p50, 2)} p99 ${fmt(r.update.p99, 2)} ms, burst ${fmt(r.burst?.perSecond ?? NaN, 0)}/s, ` +
        `cpu ${fmt(((r.serverCpuMs ?? NaN) * 1000) / r.sentUpdates, 0)} µs/update, other load ${fmt(otherLoad(r), 0)}%, texts ${r.fullChecks.every((c) => c.ok) ? 'ok' : 'WRONG'}`,
    );
  }
  return report;
}

/** Notes what a run got wrong: texts that differ, updates lost, refusals, closed sockets. */
export function noteChecks(report: ScenarioReport, label: string, r: LoadResult): void {
  const wrong = r.fullChecks.filter((c) => !c.ok);
  if (wrong.length > 0)
    report.notes.push(`${label}: full client text differs in room(s) ${wrong.map((c) => `${c.room} (${c.got}/${c.expected} chars)`).join(', ')}`);
  if (r.missing > 0) report.notes.push(`${label}: ${r.missing} messages never reached every receiver`);
  if (r.burst && r.burst.missing > 0) report.notes.push(`${label}: ${r.burst.missing} burst updates never reached every reader`);
  // A refusal is a message the server did not take: lost, whatever the tracker saw arrive.
  if (r.refusals > 0)
    report.notes.push(
      `${label}: LOST: the server refused ${r.refusals} messages (${Object.entries(r.refusalReasons)
        .map(([reason, n]) => `${n}× ${reason}`)
        .join(', ')})`,
    );
  const full = Object.entries(r.fullClientRefusals);
  if (full.length > 0)
    report.notes.push(`${label}: the full clients (stock providers) were refused ${full.map(([reason, n]) => `${n}× ${reason}`).join(', ')}`);
  const other = otherLoad(r);
  if (other > 50) report.notes.push(`${label}: other work on the machine took ${other.toFixed(0)}% of a core meanwhile`);
  if (r.unexpectedCloses > 0) report.notes.push(`${label}: ${r.unexpectedCloses} sockets closed by the server`);
}
