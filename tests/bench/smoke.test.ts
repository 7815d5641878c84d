// The benchmark harness end to end, so that it does not rot: Accord in its own process,
// the load generator in another, one short room of typing. Nothing here is timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunContext } from '../../bench/lib/context';
import type { LoadResult } from '../../bench/lib/plans';
import { tracesDir } from '../../bench/lib/traces';
import { generate, withServer } from '../../bench/scenarios/common';

const tmpRoot = mkdtempSync(join(tmpdir(), 'accord-bench-smoke-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

const ctx: RunContext = {
  full: false,
  repeats: 1,
  servers: ['accord'],
  tracesDir: tracesDir(),
  tmpRoot,
  profileDir: undefined,
  log: () => {},
};

describe('benchmark harness', () => {
  it('replays typing into an Accord meeting and every client ends with the typed text', async () => {
    const result = await withServer(ctx, { kind: 'accord', rooms: 1, fixture: 'cmm04-th-la' }, (_server, rooms, target) =>
      generate<LoadResult>({
        type: 'load',
        target,
        rooms,
        typistsPerRoom: 2,
        readersPerRoom: 3,
        fullClientRooms: [0, 0],
        workload: { kind: 'sequential', rate: 20, awareness: true },
        durationMs: 1000,
        warmupMs: 0,
        drainMs: 10_000,
        burst: 0,
        tracesDir: ctx.tracesDir,
        seed: 1,
      }),
    );
    expect(result.sentUpdates).toBe(40);
    expect(result.sentAwareness).toBe(40);
    expect(result.missing).toBe(0);
    expect(result.update.n).toBe(40);
    expect(result.fullChecks).toHaveLength(2);
    for (const check of result.fullChecks) {
      expect(check.ok).toBe(true);
      expect(check.got).toBeGreaterThan(0);
    }
    expect(result.refusals).toBe(0);
    expect(result.unexpectedCloses).toBe(0);
  }, 180_000);

  // S3's load: two typists replaying a concurrent trace from a point of it, each room's
  // starting state sent first. Accord claims each Yjs client id for the participant who
  // first writes under it: each agent's text must come from its own typist, in an order
  // the server can integrate, and a refusal must show (the generator once read none).
  it('seeds rooms from a concurrent trace through their typists, and nothing is refused or lost', async () => {
    const result = await withServer(ctx, { kind: 'accord', rooms: 2, fixture: 'cmm04-th-la' }, (_server, rooms, target) =>
      generate<LoadResult>({
        type: 'load',
        target,
        rooms,
        typistsPerRoom: 2,
        readersPerRoom: 2,
        fullClientRooms: [0, 1],
        workload: { kind: 'concurrent', rate: 20 },
        durationMs: 1000,
        warmupMs: 0,
        drainMs: 10_000,
        burst: 0,
        tracesDir: ctx.tracesDir,
        seed: 100,
      }),
    );
    expect(result.refusalReasons).toEqual({});
    expect(result.missing).toBe(0);
    expect(result.sentUpdates).toBeGreaterThan(0);
    expect(result.fullChecks).toHaveLength(2);
    for (const check of result.fullChecks) expect(check).toMatchObject({ ok: true, got: check.expected });
    expect(result.unexpectedCloses).toBe(0);
  }, 180_000);
});
