// The export benchmark's record and measurement, end to end on a small GMS 08 record, so
// that npm run bench:export does not rot. Nothing here is timed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const measure = (step: string, file: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/export/measure.ts', step, file, JSON.stringify({ segmentsPerItem: 1, sentences: 1 })], {
      cwd: root,
      encoding: 'utf8',
    }).trim(),
  );

describe('export benchmark harness', () => {
  it('exports the GMS 08 original of five parties in three languages, and the verifier finds its pages exactly the signed record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-bench-export-smoke-'));
    try {
      const file = join(dir, 'gms08.pdf');
      const made = measure('make', file);
      expect(made.pages).toBeGreaterThanOrEqual(8);
      expect(made.maxRssMb).toBeGreaterThan(0);
      expect(measure('verify', file)).toMatchObject({ valid: true, pages: 'identical' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
