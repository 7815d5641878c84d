// npm run bench:export                 the 50-page GMS 08 original: export and verify, 3 runs
// npm run bench:export -- --write      also writes the figures into bench/RESULTS.md
// Options: --runs N
// Each export and each verification runs in a process of its own (measure.ts), so that its
// peak RSS is its own; the figures are the medians over the runs. Targets: export < 3 s,
// < 300 MB; verify < 3 s.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../lib/traces';
import { resultsSection, writeResultsSection } from '../lib/results-section';

interface Made {
  coldMs: number;
  coldCpuMs: number;
  warmMs: number;
  warmCpuMs: number;
  pages: number;
  bytes: number;
  maxRssMb: number;
}
interface Verified {
  coldMs: number;
  coldCpuMs: number;
  warmMs: number;
  warmCpuMs: number;
  valid: boolean;
  pages: string;
  maxRssMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measure<T>(step: 'make' | 'verify', file: string): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench/export/measure.ts'), step, file], { cwd: REPO_ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, write: { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-export-'));
  // The machine may be shared: its load is part of the figures.
  const load = loadavg()[0]!.toFixed(1);
  try {
    const made: Made[] = [];
    const verified: Verified[] = [];
    for (let i = 0; i < runs; i++) {
      const file = join(dir, `gms08-${i}.pdf`);
      made.push(measure<Made>('make', file));
      verified.push(measure<Verified>('verify', file));
      if (!verified[i]!.valid) throw new Error(`run ${i}: the original did not verify (${verified[i]!.pages})`);
    }
    const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
    const both = (wall: number[], cpu: number[]) => `${ms(median(wall))} | ${ms(median(cpu))}`;
    const rows = [
      `| export, first in a process (fonts, HarfBuzz loading) | ${both(
        made.map((m) => m.coldMs),
        made.map((m) => m.coldCpuMs),
      )} | < 3 s |`,
      `| export, again in the same process | ${both(
        made.map((m) => m.warmMs),
        made.map((m) => m.warmCpuMs),
      )} | < 3 s |`,
      `| peak RSS of a process making one original (Node, tsx and every module included) | ${Math.round(median(made.map((m) => m.maxRssMb)))} MB | | < 300 MB |`,
      `| verify the PDF: bundle checked, original made again, bytes compared (first in a process) | ${both(
        verified.map((v) => v.coldMs),
        verified.map((v) => v.coldCpuMs),
      )} | < 3 s |`,
      `| verify, again in the same process | ${both(
        verified.map((v) => v.warmMs),
        verified.map((v) => v.warmCpuMs),
      )} | < 3 s |`,
      `| peak RSS of a process verifying one original | ${Math.round(median(verified.map((v) => v.maxRssMb)))} MB | | |`,
    ];
    const section = resultsSection('export', [
      '## Export: the 50-page GMS 08 original',
      '',
      `\`npm run bench:export -- --runs ${runs} --write\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load} when it began (${loadavg()[0]!.toFixed(1)} at the end).`,
      `The GMS 08 regional record (bench/export/gms08-record.ts): five parties, 120 participants, English, Thai and Myanmar, Thailand's original:`,
      `${made[0]!.pages} pages, ${Math.round(made[0]!.bytes / 1024)} KiB. Medians of ${runs} runs, each step in a process of its own.`,
      'On a machine others share, wall time grows with their load; the CPU time the step used (its GC threads included) is what it costs.',
      '',
      '| what | wall time or memory | CPU time (user + system) | target |',
      '|---|---|---|---|',
      ...rows,
    ]);
    console.log(section);
    if (values.write) writeResultsSection('export', section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
