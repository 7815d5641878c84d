// One measurement in a process of its own, so its memory is its own: `make` exports the
// original of the GMS 08 record for a party and writes it to a file; `verify` verifies such a
// file. Prints one line of JSON: the time taken (ms), cold (the first in the process, fonts
// and shaper loading included) and warm (a second time), pages, bytes, and the process's peak
// RSS over the first (the figure of a process that makes one original).
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { originalFor } from '../../server/export/original';
import { writePdf } from '../../server/export/pdf/write-pdf';
import { verifyPdfOriginal } from '../../server/export/verify-original';
import { signedFixture } from '../../tests/helpers/signed-record';
import { gms08Meeting, FIFTY_PAGES } from './gms08-record';

const [step, file, size] = process.argv.slice(2);
const options = size ? (JSON.parse(size) as typeof FIFTY_PAGES) : FIFTY_PAGES;

/** Wall time, and the process's CPU time (user and system), which a machine shared with others' work inflates less. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

if (step === 'make') {
  const { bundle } = signedFixture(gms08Meeting(options), { meetingId: 'gms-08' });
  const make = () => writePdf(originalFor({ record: bundle.record, bundle }, 'TH', 'https://accord.example/verify'), new Date());
  const cold = await timed(make);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const warm = await timed(make);
  writeFileSync(file!, cold.value);
  const pages = (cold.value.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(JSON.stringify({ coldMs: cold.ms, coldCpuMs: cold.cpuMs, warmMs: warm.ms, warmCpuMs: warm.cpuMs, pages, bytes: cold.value.length, maxRssMb }));
} else if (step === 'verify') {
  const pdf = readFileSync(file!);
  const cold = await timed(() => verifyPdfOriginal(pdf));
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const warm = await timed(() => verifyPdfOriginal(pdf));
  console.log(
    JSON.stringify({
      coldMs: cold.ms,
      coldCpuMs: cold.cpuMs,
      warmMs: warm.ms,
      warmCpuMs: warm.cpuMs,
      valid: cold.value.verdict.valid,
      pages: cold.value.verdict.pages,
      maxRssMb,
    }),
  );
} else {
  console.error('usage: measure.ts make|verify <file.pdf> [size JSON]');
  process.exitCode = 2;
}
