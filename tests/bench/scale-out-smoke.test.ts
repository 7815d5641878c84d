// The scale-out harness end to end, so that it does not rot: two Accord processes on a
// PostgreSQL schema and a Redis of the benchmark's own, one room whose clients are spread
// over both, a second of typing. Nothing here is timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunContext } from '../../bench/lib/context';
import type { LoadResult } from '../../bench/lib/plans';
import { BENCH_DATABASE_URL, withScaledOutAccord } from '../../bench/lib/scale-out';
import { tracesDir } from '../../bench/lib/traces';
import { generate } from '../../bench/scenarios/common';

const tmpRoot = mkdtempSync(join(tmpdir(), 'accord-bench-scale-out-smoke-'));
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

async function benchSchemas(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string }>("SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'accord\\_bench\\_%'");
    return rows.map((r) => r.name);
  } finally {
    await admin.end();
  }
}

describe('scale-out benchmark harness', () => {
  it('two processes share one room: every client ends with the typed text, and the schema is dropped', async () => {
    let schemaSeen: string[] = [];
    const result = await withScaledOutAccord(ctx, { processes: 2, rooms: 1, fixture: 'cmm04-th-la' }, async (servers, rooms, target) => {
      expect(new Set(target.ports).size).toBe(2);
      expect(servers).toHaveLength(2);
      schemaSeen = await benchSchemas();
      return generate<LoadResult>({
        type: 'load',
        target,
        rooms,
        typistsPerRoom: 2,
        readersPerRoom: 3,
        // One full client on each process: each must receive what the typists on both sent.
        fullClientRooms: [0, 0],
        workload: { kind: 'sequential', rate: 20, awareness: true },
        durationMs: 1000,
        warmupMs: 0,
        drainMs: 10_000,
        burst: 0,
        tracesDir: ctx.tracesDir,
        seed: 1,
      });
    });
    expect(result.sentUpdates).toBe(40);
    expect(result.missing).toBe(0);
    expect(result.update.n).toBe(40);
    expect(result.awareness.n).toBe(40);
    expect(result.fullChecks).toHaveLength(2);
    for (const check of result.fullChecks) expect(check).toMatchObject({ ok: true, got: check.expected });
    expect(result.refusals).toBe(0);
    expect(result.unexpectedCloses).toBe(0);
    expect(result.backingCpuMs).not.toBeNull();
    // The run's own schema existed while it ran and is gone after it.
    const own = schemaSeen.filter((s) => !(schemasBefore ?? []).includes(s));
    expect(own).toHaveLength(1);
    expect(await benchSchemas()).not.toContain(own[0]);
  }, 300_000);

  // S3's load across processes: each room's two typists on different processes, replaying a
  // concurrent trace whose edits depend on each other's. A typist sends only once its own
  // process has brought it the other's edits (as a delegate types on what is on the screen);
  // sent ahead, an edit depends on content its process lacks, and Accord refuses it.
  it('two typists of one room on different processes replay a concurrent trace: nothing refused or lost', async () => {
    const result = await withScaledOutAccord(ctx, { processes: 2, rooms: 2, fixture: 'cmm04-th-la' }, (_servers, rooms, target) =>
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
    for (const check of result.fullChecks) expect(check).toMatchObject({ ok: true, got: check.expected });
    expect(result.unexpectedCloses).toBe(0);
  }, 300_000);
});

let schemasBefore: string[] | undefined;
beforeAll(async () => {
  schemasBefore = await benchSchemas();
});
