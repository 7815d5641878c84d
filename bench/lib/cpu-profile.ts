// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by
// function and by area (Accord's own files, each library, Node's internals, GC, idle), and
// the inclusive time of the functions on the path of a message through server/sync.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  byArea: { area: string; ms: number }[];
  bySelf: { fn: string; ms: number }[];
  byInclusive: { fn: string; ms: number }[];
}

/** Which part of the stack a frame belongs to. */
function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const repo = url.indexOf('/server/');
  if (repo >= 0) return url.slice(repo + 1).replace(/\?.*$/, '');
  const shared = url.indexOf('/shared/');
  if (shared >= 0) return url.slice(shared + 1).replace(/\?.*$/, '');
  if (url.startsWith('node:')) {
    const mod = url.slice(5).split('/');
    return `node:${mod[0] === 'internal' ? mod.slice(1, 3).join('/') : mod[0]}`;
  }
  return url.replace(/^file:\/\//, '');
}

function label(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${areaOf(frame)}:${frame.lineNumber + 1}`;
}

/** `window`: [from, to] in the profile's clock (µs, CLOCK_MONOTONIC); samples outside are left out. */
export function summarizeProfile(path: string, top = 25, window?: [number, number]): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let total = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (window && (t < window[0] || t > window[1])) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + dt);
  }
  const area = new Map<string, number>();
  const fnSelf = new Map<string, number>();
  const fnIncl = new Map<string, number>();
  let idle = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const a = areaOf(node.callFrame);
    if (a === 'idle') idle += ms;
    area.set(a, (area.get(a) ?? 0) + ms);
    const l = label(node.callFrame);
    fnSelf.set(l, (fnSelf.get(l) ?? 0) + ms);
    // Inclusive: every distinct function on the sample's stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = label(byId.get(cur)!.callFrame);
      if (seen.has(f)) continue;
      seen.add(f);
      fnIncl.set(f, (fnIncl.get(f) ?? 0) + ms);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    busyMs: total - idle,
    byArea: sorted(area).map(([area, ms]) => ({ area, ms })),
    bySelf: sorted(fnSelf)
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms })),
    byInclusive: sorted(fnIncl)
      .filter(([f]) => !f.startsWith('(root)') && !f.startsWith('(idle)') && !f.startsWith('(program)') && !f.startsWith('(garbage'))
      .slice(0, top * 2)
      .map(([fn, ms]) => ({ fn, ms })),
  };
}

export function profileMarkdown(title: string, s: ProfileSummary, perUnit?: { count: number; unit: string }): string {
  const pct = (ms: number) => `${((100 * ms) / s.busyMs).toFixed(1)}%`;
  const per = (ms: number) => (perUnit ? ` | ${((ms * 1000) / perUnit.count).toFixed(1)}` : '');
  const perHead = perUnit ? ` | µs per ${perUnit.unit}` : '';
  const perSep = perUnit ? '|---' : '';
  const lines = [
    `### ${title}`,
    '',
    `Profiled ${(s.totalMs / 1000).toFixed(1)} s, busy ${(s.busyMs / 1000).toFixed(1)} s${perUnit ? `, ${perUnit.count} ${perUnit.unit}s` : ''}. Shares are of busy time.`,
    '',
    `| area (self time) | ms | share${perHead} |`,
    `|---|---|---${perSep}|`,
    ...s.byArea
      .filter((a) => a.area !== 'idle')
      .slice(0, 20)
      .map((a) => `| ${a.area} | ${a.ms.toFixed(0)} | ${pct(a.ms)}${per(a.ms)} |`),
    '',
    `| function (inclusive) | ms | share${perHead} |`,
    `|---|---|---${perSep}|`,
    ...s.byInclusive.map((f) => `| \`${f.fn}\` | ${f.ms.toFixed(0)} | ${pct(f.ms)}${per(f.ms)} |`),
    '',
    `| function (self) | ms | share${perHead} |`,
    `|---|---|---${perSep}|`,
    ...s.bySelf.filter((f) => !f.fn.startsWith('(idle)')).map((f) => `| \`${f.fn}\` | ${f.ms.toFixed(0)} | ${pct(f.ms)}${per(f.ms)} |`),
  ];
  return lines.join('\n');
}

export interface BusyStretch {
  /** ms from the profile's start. */
  at: number;
  ms: number;
  /** The stacks that took most of it, leaf first. */
  stacks: { stack: string; ms: number }[];
}

/** The longest stretches without an idle sample: what held the event loop, and for how long. */
export function longestBusy(path: string, count = 8, window?: [number, number], depth = 9): BusyStretch[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number) => {
    const frames: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined && frames.length < depth; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      frames.push(`${f.functionName || '(anonymous)'} ${areaOf(f)}`);
    }
    return frames.join(' < ');
  };
  const stretches: { at: number; ms: number; stacks: Map<string, number> }[] = [];
  let current: { at: number; ms: number; stacks: Map<string, number> } | null = null;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i]!)!;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (node.callFrame.functionName === '(idle)' || (window && (t < window[0] || t > window[1]))) {
      if (current) stretches.push(current);
      current = null;
      continue;
    }
    current ??= { at: (t - profile.startTime) / 1000, ms: 0, stacks: new Map() };
    current.ms += dt;
    const s = stackOf(node.id);
    current.stacks.set(s, (current.stacks.get(s) ?? 0) + dt);
  }
  if (current) stretches.push(current);
  return stretches
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((s) => ({
      at: s.at,
      ms: s.ms,
      stacks: [...s.stacks]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([stack, ms]) => ({ stack, ms })),
    }));
}
