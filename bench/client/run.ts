// npm run bench:client [-- --profiles loopback,hotel] [--records cmm04,gms08] [--repeats N] [--keystrokes N] [--client-dir DIR] [--write]
//
// The client benchmark: Accord in its own process serving the built client, Debian's
// Chromium opening invitation links on a loopback and a "hotel Wi-Fi" profile, for CMM 04
// and for a GMS 08-size record (120 participants, five parties, 6 agenda items of 50
// segments in English and Thai, made from ../shared/fixtures' regional meeting). Figures
// are medians over repeats; --write puts the table in bench/RESULTS.md. --client-dir serves a
// client built elsewhere (another commit's `vite build`, for a before/after) instead of
// building the working tree's.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { startServer } from '../lib/processes';
import { ADMIN_TOKEN } from '../lib/rooms';
import { REPO_ROOT } from '../lib/traces';
import { launch, measureClient, PROFILES, type ClientFigures, type RecordUnderTest } from './measure';
import { resultsSection, writeResultsSection } from '../lib/results-section';

const RECORDS = {
  cmm04: () => JSON.parse(readFileSync(join(REPO_ROOT, 'server/demo/cmm04-th-la.json'), 'utf8')) as Record<string, unknown>,
  gms08: () => {
    const body = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/gms08-regional.json'), 'utf8')) as { agenda: unknown[]; minutes: unknown[] };
    // Fifty paragraphs of minutes under each of the six items, in both working languages.
    body.minutes = body.agenda.map((_, item) => ({
      agendaItem: item + 1,
      segments: Array.from({ length: 50 }, (_, i) => ({
        en: `Item ${item + 1}, paragraph ${i + 1}: the delegations reviewed the cases referred since the last meeting and agreed on the next steps for the return and reintegration of victims.`,
        th: `วาระที่ ${item + 1} ย่อหน้าที่ ${i + 1}: คณะผู้แทนได้ทบทวนกรณีที่ส่งต่อมาตั้งแต่การประชุมครั้งก่อน และเห็นพ้องขั้นตอนต่อไปสำหรับการส่งกลับและการคืนสู่สังคมของผู้เสียหาย`,
      })),
    }));
    return body as Record<string, unknown>;
  },
} as const;
export type RecordName = keyof typeof RECORDS;

interface Created {
  documentId: string;
  invitations: { role: string; party: string; token: string }[];
}

export async function createRecord(port: number, name: RecordName, typistCount: number): Promise<RecordUnderTest> {
  const res = await fetch(`http://127.0.0.1:${port}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(RECORDS[name]()),
  });
  if (res.status !== 201) throw new Error(`creating ${name} answered ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as Created;
  const delegates = created.invitations.filter((i) => i.role === 'delegate' || i.role === 'head');
  return {
    name,
    documentId: created.documentId,
    reader: delegates[0]!.token,
    other: delegates[1]!.token,
    typists: delegates.slice(2, 2 + typistCount).map((i) => i.token),
  };
}

/** The working tree's client, as users load it (the config's own root: `client/`). */
export async function buildClient(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runClientBench(options: {
  profiles: string[];
  records: RecordName[];
  repeats: number;
  keystrokes: number;
  log: (line: string) => void /** false: use dist/client as it is, if there is one. */;
  build?: boolean /** A built client to serve instead. */;
  clientDir?: string;
}) {
  const clientDir = options.clientDir ?? join(REPO_ROOT, 'dist/client');
  if (!options.clientDir && (options.build !== false || !existsSync(join(clientDir, 'index.html')))) await buildClient();
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-client-'));
  const server = await startServer('accord', { dataDir, adminToken: ADMIN_TOKEN, env: { ACCORD_CLIENT_DIR: clientDir } });
  const browser = await launch();
  const rows: { profile: string; record: string; figures: ClientFigures }[] = [];
  try {
    for (const profileName of options.profiles) {
      const profile = PROFILES[profileName];
      if (!profile) throw new Error(`unknown profile ${profileName}; known: ${Object.keys(PROFILES).join(', ')}`);
      for (const recordName of options.records) {
        const runs: ClientFigures[] = [];
        for (let r = 0; r < options.repeats; r++) {
          // A record of its own each time: what one run typed does not weigh on the next.
          const record = await createRecord(server.port, recordName, recordName === 'gms08' ? 20 : 2);
          runs.push(await measureClient(browser, `http://127.0.0.1:${server.port}`, record, profile, options.keystrokes));
          options.log(`${profile.name} ${recordName} run ${r + 1}: ${JSON.stringify(runs.at(-1))}`);
        }
        const keys = Object.keys(runs[0]!) as (keyof ClientFigures)[];
        rows.push({
          profile: profile.name,
          record: recordName,
          figures: Object.fromEntries(keys.map((k) => [k, median(runs.map((f) => f[k]))])) as unknown as ClientFigures,
        });
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function table(rows: Awaited<ReturnType<typeof runClientBench>>): string {
  const head =
    "| profile | record | kB before editable (JS) | link → editable ms | other's keystroke seen ms | switch item ms | heap MB | editors mounted | keystroke → paint p50 / p95 ms | bare page (floor) p50 / p95 ms | shown in the next frame, app / floor | frames missed p95 |";
  const lines = rows.map(
    ({ profile, record, figures: f }) =>
      `| ${profile} | ${record} | ${(f.bytesBeforeEditable / 1024).toFixed(0)} (${(f.scriptBytesBeforeEditable / 1024).toFixed(0)}) | ${f.linkToEditableMs.toFixed(0)} | ${f.otherKeystrokeSeenMs.toFixed(0)} | ${f.switchItemMs.toFixed(0)} | ${f.heapMb.toFixed(1)} | ${f.editorsMounted} | ${f.keystrokeToPaintP50Ms.toFixed(1)} / ${f.keystrokeToPaintP95Ms.toFixed(1)} | ${f.floorP50Ms.toFixed(1)} / ${f.floorP95Ms.toFixed(1)} | ${percent(f.nextFrameShare)} / ${percent(f.floorNextFrameShare)} | ${f.framesLateP95} |`,
  );
  return [head, '|---|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profiles: { type: 'string', default: 'loopback,hotel' },
      records: { type: 'string', default: 'cmm04,gms08' },
      repeats: { type: 'string', default: '3' },
      keystrokes: { type: 'string', default: '60' },
      write: { type: 'boolean', default: false },
      'client-dir': { type: 'string' },
    },
  });
  const rows = await runClientBench({
    profiles: values.profiles!.split(','),
    records: values.records!.split(',') as RecordName[],
    repeats: Number(values.repeats),
    keystrokes: Number(values.keystrokes),
    clientDir: values['client-dir'],
    log: (line) => console.error(line),
  });
  const markdown = table(rows);
  console.log(markdown);
  if (values.write) {
    const note = `Run on ${new Date().toISOString().slice(0, 10)}, medians of ${values.repeats}, Debian's Chromium headless; the server in its own process on this machine.`;
    writeResultsSection('client', resultsSection('client', ['## The client, in Chromium (`npm run bench:client`)', '', note, '', markdown]));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
