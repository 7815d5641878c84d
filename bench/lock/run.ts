// npm run bench:lock                  the lock of the 50-page GMS 08 record, timed as the server seals it
// npm run bench:lock -- --write       also writes the figures into bench/RESULTS.md
// Options: --runs N (default 9), --size '{"segmentsPerItem":1,"sentences":1}' (a smaller record)
// What is timed is the seal the lock command hands to storage (server/commands/seal-record.ts),
// run inside the transaction that takes the lock: the stored record read into a document,
// the lock's checks (brackets, agreement of every party, proposals, the case annex), the
// canonical record, its RFC 8785 text and its SHA-256. The first run in the process (modules
// and JIT cold) is shown apart; the median is over the runs after it. Target (issue 20): < 200 ms.
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sealRecord } from '../../server/commands/seal-record';
import { FIFTY_PAGES } from '../export/gms08-record';
import { gms08Draft } from './gms08-draft';
import { resultsSection, writeResultsSection } from '../lib/results-section';

interface Timed {
  ms: number;
  cpuMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, size: { type: 'string' }, write: { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  const options = values.size ? (JSON.parse(values.size) as typeof FIFTY_PAGES) : FIFTY_PAGES;
  const load = loadavg()[0]!.toFixed(1);
  const draft = gms08Draft(options);
  const { secretariat } = draft;
  const seal = sealRecord({
    meetingId: draft.record.meetingId,
    by: { actor: { role: 'secretariat', party: secretariat.party }, participantId: secretariat.participantId },
    previousRecordHash: null,
    auditHead: { length: 12, hash: 'a'.repeat(64) },
    at: new Date('2018-05-10T12:00:00Z'),
  });
  const times: Timed[] = [];
  let hash = '';
  let canonicalBytes = 0;
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const outcome = seal(draft.stored, draft.record, draft.annex);
    const used = process.cpuUsage(cpu);
    times.push({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 });
    if ('refused' in outcome) throw new Error(`the lock was refused: ${JSON.stringify(outcome.refused).slice(0, 500)}`);
    if (hash && outcome.lock.recordHash !== hash) throw new Error('the record hash differs between runs');
    hash = outcome.lock.recordHash;
    canonicalBytes = new TextEncoder().encode(outcome.lock.canonical).byteLength;
  }
  const [first, ...rest] = times;
  const result = {
    snapshotKiB: draft.stored.snapshot!.byteLength / 1024,
    canonicalKiB: canonicalBytes / 1024,
    recordHash: hash,
    firstMs: first!.ms,
    firstCpuMs: first!.cpuMs,
    medianMs: median(rest.map((t) => t.ms)),
    medianCpuMs: median(rest.map((t) => t.cpuMs)),
  };
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const section = resultsSection('lock', [
    '## Lock: the GMS 08-size record sealed (issue 20)',
    '',
    `\`npm run bench:lock -- --runs ${runs} --write\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load} when it began (${loadavg()[0]!.toFixed(1)} at the end).`,
    `The 50-page GMS 08 record (bench/lock/gms08-draft.ts: five parties, 120 participants, English, Thai and Myanmar, every segment agreed by every party), stored as one snapshot of ${Math.round(result.snapshotKiB)} KiB;`,
    `its canonical text is ${Math.round(result.canonicalKiB)} KiB. Timed: the seal the lock command runs inside the storage transaction (server/commands/seal-record.ts): the stored record read into a document, the lock's checks, the canonical record, RFC 8785 and SHA-256.`,
    `Storage's own work around it (the row read and written, the final state kept) is not in these figures. CPU time counts the process's GC threads too.`,
    '',
    '| what | wall time | CPU time (user + system) | target |',
    '|---|---|---|---|',
    `| seal, first in the process | ${ms(result.firstMs)} | ${ms(result.firstCpuMs)} | |`,
    `| seal, median of ${runs} after it | ${ms(result.medianMs)} | ${ms(result.medianCpuMs)} | < 200 ms |`,
  ]);
  console.log(section);
  console.log(JSON.stringify(result));
  if (values.write) writeResultsSection('lock', section);
}

main();
