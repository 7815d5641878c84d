// S0, the floor: the raw ws relay, which reads nothing and stores nothing, under S1's
// stream of updates, to 10, 50 and 200 receivers.
import { abab, newReport, record, type RunContext, type ScenarioReport } from '../lib/context';
import type { LoadPlan, LoadResult } from '../lib/plans';
import { fmt, generate, withServer } from './common';

/** Deliveries per second the single load-generator process can receive without being the bottleneck. */
const FANOUT_PER_SECOND = 20_000;
const rateFor = (receivers: number) => Math.min(1000, Math.floor(FANOUT_PER_SECOND / receivers));

export async function s0Floor(ctx: RunContext): Promise<ScenarioReport> {
  const receivers = [10, 50, 200];
  const durationMs = ctx.full ? 10_000 : 4_000;
  const burst = ctx.full ? 10_000 : 3_000;
  const metrics = receivers.flatMap((n) => [
    { name: `${n} receivers: p50 latency`, unit: 'ms', better: 'lower' as const },
    { name: `${n} receivers: p99 latency`, unit: 'ms', better: 'lower' as const },
    { name: `${n} receivers: burst updates/s`, unit: '/s', better: 'higher' as const },
    { name: `${n} receivers: CPU per update`, unit: 'µs', better: 'lower' as const },
  ]);
  const report = newReport(
    'S0',
    'Floor: raw ws relay',
    `One sender replaying automerge-paper at ${receivers.map((n) => `${rateFor(n)}/s to ${n}`).join(', ')} receivers (at most ${FANOUT_PER_SECOND} deliveries a second, which one load generator can take in) for ${durationMs / 1000} s (first second not counted), then ${burst} updates as fast as the socket takes them; latency to the last receiver.`,
    metrics,
  );
  for (const { repeat, server: n } of abab(receivers, ctx.repeats)) {
    await withServer(ctx, { kind: 'relay', rooms: 1, fixture: 'cmm04-th-la' }, async (_server, rooms, target) => {
      const plan: LoadPlan = {
        type: 'load',
        target,
        rooms,
        typistsPerRoom: 1,
        readersPerRoom: n,
        fullClientRooms: [],
        workload: { kind: 'sequential', rate: rateFor(n), awareness: false },
        durationMs,
        warmupMs: 1000,
        drainMs: 5000,
        burst,
        tracesDir: ctx.tracesDir,
        seed: 1 + repeat,
      };
      const r = await generate<LoadResult>(plan);
      record(report, `${n} receivers: p50 latency`, 'relay', r.update.p50);
      record(report, `${n} receivers: p99 latency`, 'relay', r.update.p99);
      record(report, `${n} receivers: burst updates/s`, 'relay', r.burst?.perSecond ?? NaN);
      record(report, `${n} receivers: CPU per update`, 'relay', r.serverCpuMs !== null ? (r.serverCpuMs * 1000) / r.sentUpdates : NaN);
      if (r.missing > 0) report.notes.push(`relay, ${n} receivers, repeat ${repeat + 1}: ${r.missing} updates never reached every receiver`);
      ctx.log(
        `S0 relay ${n} receivers #${repeat + 1}: p50 ${fmt(r.update.p50, 2)} p99 ${fmt(r.update.p99, 2)} ms, burst ${fmt(r.burst?.perSecond ?? NaN, 0)}/s`,
      );
    });
  }
  return report;
}
