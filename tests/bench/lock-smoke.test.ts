// The lock benchmark's record and harness, end to end on a small GMS 08 record, so that
// npm run bench:lock does not rot: the record it builds is lockable (every party agreed
// everything), and the seal answers the same record hash on every run. Nothing here is timed.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('lock benchmark harness', () => {
  it('seals the GMS 08 record of five parties in three languages, the same record hash on every run', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/lock/run.ts', '--runs', '2', '--size', JSON.stringify({ segmentsPerItem: 1, sentences: 1 })],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.recordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.canonicalKiB).toBeGreaterThan(1);
    expect(result.medianCpuMs).toBeGreaterThan(0);
    expect(out).toContain('| seal, median of 2 after it |');
  }, 120_000);
});
