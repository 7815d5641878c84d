// --profile: Accord under S2, Accord and Hocuspocus under S3 at 200 rooms, Accord under S4, with node --cpu-prof on its
// wrapper; the profiles land in bench/profiles/ (open them in Chrome DevTools or
// speedscope for the flame graph) and a summary, cut to the paced window (no setup, no
// joins), in bench/PROFILE.md.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunContext } from '../lib/context';
import type { LoadPlan, LoadResult } from '../lib/plans';
import { longestBusy, profileMarkdown, summarizeProfile, type BusyStretch } from '../lib/cpu-profile';
import { loadSequential } from '../lib/traces';
import { joins, prepare } from './s4-cold-open';
import { REPO_ROOT } from '../lib/traces';
import { accordDescription } from '../lib/accord-root';
import { fmt, generate, withServer, type RunOptions } from './common';
import { s2Plan } from './s2-regional';
import { s3Plan } from './s3-bilateral';

interface Profiled {
  file: string;
  window: [number, number];
  result: LoadResult;
}

async function profiled(ctx: RunContext, name: string, options: RunOptions, plan: Omit<LoadPlan, 'target' | 'rooms'>): Promise<Profiled> {
  const dir = join(ctx.profileDir!, name);
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const marks: Record<string, number> = {};
  const result = await withServer({ ...ctx, profileDir: dir }, { ...options, profile: true }, (server, rooms, target) =>
    generate<LoadResult>({ ...plan, target, rooms, checkpoints: true }, async (mark) => {
      marks[mark] = await server.mark();
    }),
  );
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (tsx's
  // loader runs in a worker of its own, profiled apart).
  const written = readdirSync(dir).filter((f) => /\.0\.\d+\.cpuprofile$/.test(f) && !before.has(f));
  if (written.length === 0) throw new Error(`no main-thread profile written in ${dir}`);
  return { file: join(dir, written.sort().at(-1)!), window: [marks['window-start']!, marks['window-end']!], result };
}

export async function profileAccord(ctx: RunContext): Promise<string> {
  const parts = [
    "# Where Accord's time goes",
    '',
    'CPU profiles of the Accord server process (node --cpu-prof on bench/servers/accord.ts), taken apart from the measured runs (the profiler slows the server), summarised over the paced window only (after every client has joined, until the last message has arrived). Made by `npm run bench -- --profile`.',
    '',
    `${accordDescription()}. Machine and versions as in RESULTS.md.`,
    '',
  ];
  const rel = (f: string) => (f.startsWith(REPO_ROOT) ? f.slice(REPO_ROOT.length + 1) : f);
  const s2 = await profiled(ctx, 's2', { kind: 'accord', rooms: 1, fixture: 'gms08-regional' }, s2Plan(ctx, 20_000, 0));
  ctx.log(`S2 profiled: p99 ${fmt(s2.result.update.p99, 2)} ms, ${s2.result.sentUpdates} updates, ${s2.result.sentAwareness} awareness`);
  parts.push(
    profileMarkdown(
      `S2 (120 clients, 20 typists, awareness on every keystroke): ${s2.result.sentUpdates} updates + ${s2.result.sentAwareness} awareness changes; p99 ${fmt(s2.result.update.p99, 2)} ms under the profiler (${rel(s2.file)})`,
      summarizeProfile(s2.file, 25, s2.window),
      { count: s2.result.sentUpdates + s2.result.sentAwareness, unit: 'message' },
    ),
    '',
    stretchesMarkdown(longestBusy(s2.file, 3, s2.window)),
    '',
  );
  // Accord and Hocuspocus under the same S3 load: what each spends beside the kernel's
  // writev, which every server pays once per socket per message.
  const rooms = 200;
  const floor: string[] = [];
  for (const kind of ['accord', 'hocuspocus'] as const) {
    const s3 = await profiled(ctx, `s3-${kind}`, { kind, rooms, fixture: 'cmm04-th-la' }, s3Plan(ctx, 15_000, rooms, 0));
    ctx.log(`S3 ${kind} profiled: p99 ${fmt(s3.result.update.p99, 2)} ms, ${s3.result.sentUpdates} updates`);
    const summary = summarizeProfile(s3.file, 25, s3.window);
    parts.push(
      profileMarkdown(
        `S3, ${kind === 'accord' ? 'Accord' : 'Hocuspocus'} (${rooms} rooms of 15): ${s3.result.sentUpdates} updates; p99 ${fmt(s3.result.update.p99, 2)} ms under the profiler (${rel(s3.file)})`,
        summary,
        { count: s3.result.sentUpdates, unit: 'update' },
      ),
      '',
      stretchesMarkdown(longestBusy(s3.file, 3, s3.window)),
      '',
    );
    const writev = summary.byArea.find((a) => a.area === 'native: writev')?.ms ?? 0;
    const per = (ms: number) => fmt((1000 * ms) / s3.result.sentUpdates, 0);
    floor.push(`| ${kind} | ${per(summary.busyMs)} | ${per(writev)} | ${per(summary.busyMs - writev)} | ${fmt((100 * writev) / summary.busyMs, 0)}% |`);
  }
  parts.push(
    `### S3 side by side: busy time per update (µs), ${rooms} rooms`,
    '',
    '| server | busy | kernel writev | everything else | writev share |',
    '|---|---|---|---|---|',
    ...floor,
    '',
    'Holding twice the rooms of a server needs half its busy time per update. The writev share is a floor no server goes under: Accord already writes each message once per socket per turn (corked), as the peers do.',
    '',
  );
  const h = await prepare(ctx, loadSequential(ctx.tracesDir), 1);
  for (const mode of ['single', 'storm'] as const) {
    const dir = join(ctx.profileDir!, `s4-${mode}`);
    mkdirSync(dir, { recursive: true });
    const before = new Set(readdirSync(dir));
    const profile = { marks: {} as Record<string, number> };
    const r = await joins({ ...ctx, profileDir: dir }, 'accord', h, mode, profile);
    const file = join(
      dir,
      readdirSync(dir)
        .filter((f) => /\.0\.\d+\.cpuprofile$/.test(f) && !before.has(f))
        .sort()
        .at(-1)!,
    );
    const what =
      mode === 'single'
        ? `cold open ${fmt(r.coldMs ?? NaN)} ms, warm joins ${r.warmMs.map((m) => fmt(m)).join(', ')} ms`
        : `storm of 50: ${fmt(Math.min(...r.stormMs))}–${fmt(Math.max(...r.stormMs))} ms`;
    ctx.log(`S4 ${mode} profiled: ${what}`);
    parts.push(
      profileMarkdown(
        `S4 ${mode} (automerge-paper history, ${fmt(h.stateBytes / 1024)} kB state): ${what} under the profiler (${rel(file)})`,
        summarizeProfile(file, 25, [profile.marks['window-start']!, profile.marks['window-end']!]),
      ),
      '',
      stretchesMarkdown(longestBusy(file, 3, [profile.marks['window-start']!, profile.marks['window-end']!])),
      '',
    );
  }
  return parts.join('\n');
}

function stretchesMarkdown(stretches: BusyStretch[]): string {
  const lines = ['Longest busy stretches (the event loop held):', ''];
  for (const s of stretches) {
    lines.push(`- ${s.ms.toFixed(1)} ms from ${(s.at / 1000).toFixed(2)} s:`);
    for (const { stack, ms } of s.stacks) lines.push(`  - ${ms.toFixed(1)} ms: \`${stack}\``);
  }
  return lines.join('\n');
}
