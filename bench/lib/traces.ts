// The real editing traces (../shared/traces, see its README), replayed into real Y.Docs to
// make the updates typists send. When the folder is missing, a seeded synthetic trace
// stands in, and every result says so.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';

/** [position in Unicode characters, characters deleted, text inserted]. */
export type Patch = [number, number, string];

export interface SequentialTrace {
  name: string;
  synthetic: boolean;
  startContent: string;
  endContent: string;
  txns: Patch[][];
  /** Some text lies outside the BMP, so positions must be converted to UTF-16. */
  astral: boolean;
}

export interface ConcurrentTxn {
  parents: number[];
  agent: number;
  patches: Patch[];
}

export interface ConcurrentTrace {
  name: string;
  synthetic: boolean;
  endContent: string;
  numAgents: number;
  txns: ConcurrentTxn[];
  astral: boolean;
}

export const REPO_ROOT = resolve(new URL('../..', import.meta.url).pathname);

/** BENCH_TRACES, else ../shared/traces beside the repository. */
export function tracesDir(): string {
  return resolve(process.env.BENCH_TRACES ?? join(REPO_ROOT, '../shared/traces'));
}

const ASTRAL = /[\uD800-\uDFFF]/;

function readGz(path: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
}

function hasAstral(txns: { patches: Patch[] }[], end: string): boolean {
  if (ASTRAL.test(end)) return true;
  return txns.some((t) => t.patches.some((p) => ASTRAL.test(p[2])));
}

/** automerge-paper, or a synthetic sequential trace of the same kind. */
export function loadSequential(dir = tracesDir(), name = 'automerge-paper'): SequentialTrace {
  const path = join(dir, `${name}.json.gz`);
  if (!existsSync(path)) return syntheticSequential(name, 40_000, 0x5eed);
  const raw = readGz(path) as { startContent: string; endContent: string; txns: { patches: Patch[] }[] };
  return {
    name,
    synthetic: false,
    startContent: raw.startContent,
    endContent: raw.endContent,
    txns: raw.txns.map((t) => t.patches),
    astral: hasAstral(raw.txns, raw.endContent),
  };
}

/** friendsforever, or a synthetic two-agent trace. */
export function loadConcurrent(dir = tracesDir(), name = 'friendsforever'): ConcurrentTrace {
  const path = join(dir, `${name}.json.gz`);
  if (!existsSync(path)) return syntheticConcurrent(name, 20_000, 0xf00d);
  const raw = readGz(path) as { endContent: string; numAgents: number; txns: ConcurrentTxn[] };
  return {
    name,
    synthetic: false,
    endContent: raw.endContent,
    numAgents: raw.numAgents,
    txns: raw.txns.map((t) => ({ parents: t.parents, agent: t.agent, patches: t.patches })),
    astral: hasAstral(raw.txns, raw.endContent),
  };
}

/** A small seeded generator (mulberry32), so synthetic traces are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the record of the meeting agreed that both parties will follow up on each case referral and report back'.split(' ');

/** Someone typing: mostly characters at a cursor, sometimes a backspace, sometimes a jump. */
function typing(count: number, seed: number): { patches: Patch[]; text: string } {
  const random = prng(seed);
  let text = '';
  let cursor = 0;
  let word = '';
  const patches: Patch[] = [];
  while (patches.length < count) {
    const r = random();
    if (r < 0.02 && text.length > 0) {
      cursor = Math.floor(random() * (text.length + 1));
      continue;
    }
    if (r < 0.2 && cursor > 0) {
      patches.push([cursor - 1, 1, '']);
      text = text.slice(0, cursor - 1) + text.slice(cursor);
      cursor--;
      continue;
    }
    if (word.length === 0) word = WORDS[Math.floor(random() * WORDS.length)]! + (random() < 0.1 ? '.\n' : ' ');
    const ch = word[0]!;
    word = word.slice(1);
    patches.push([cursor, 0, ch]);
    text = text.slice(0, cursor) + ch + text.slice(cursor);
    cursor++;
  }
  return { patches, text };
}

function syntheticSequential(name: string, count: number, seed: number): SequentialTrace {
  const { patches, text } = typing(count, seed);
  return { name: `${name} (synthetic, seed ${seed})`, synthetic: true, startContent: '', endContent: text, txns: patches.map((p) => [p]), astral: false };
}

/** Two agents taking turns on one causal chain: every transaction's parent is the one before. */
function syntheticConcurrent(name: string, count: number, seed: number): ConcurrentTrace {
  const { patches, text } = typing(count, seed);
  const random = prng(seed + 1);
  let agent = 0;
  const txns = patches.map((p, i) => {
    if (random() < 0.05) agent = 1 - agent;
    return { parents: i === 0 ? [] : [i - 1], agent, patches: [p] };
  });
  return { name: `${name} (synthetic, seed ${seed})`, synthetic: true, endContent: text, numAgents: 2, txns, astral: false };
}

/** Applies one patch to a Y.Text; positions are in Unicode characters. */
export function applyPatch(text: Y.Text, patch: Patch, astral: boolean): void {
  let [pos, del] = patch;
  const ins = patch[2];
  if (astral) {
    const s = text.toString();
    const start = utf16Index(s, pos);
    del = utf16Index(s, pos + del) - start;
    pos = start;
  }
  if (del > 0) text.delete(pos, del);
  if (ins.length > 0) text.insert(pos, ins);
}

function utf16Index(s: string, codePoints: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoints && i < s.length; cp++) i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

/**
 * One typist replaying a sequential trace into its own Y.Doc: the update of each
 * transaction, in order, from `from` (inclusive) to `to` (exclusive). Transactions before
 * `from` are applied without being kept, so a typist may start in the middle.
 */
export function replaySequential(
  trace: SequentialTrace,
  options: { clientId: number; root: string; from?: number; to: number; doc?: Y.Doc },
): { doc: Y.Doc; updates: Uint8Array[]; before: Uint8Array } {
  const doc = options.doc ?? new Y.Doc({ gc: true });
  doc.clientID = options.clientId;
  const text = doc.getText(options.root);
  const from = options.from ?? 0;
  const to = Math.min(options.to, trace.txns.length);
  if (trace.startContent.length > 0 && text.length === 0) text.insert(0, trace.startContent);
  for (let i = 0; i < from; i++) doc.transact(() => trace.txns[i]!.forEach((p) => applyPatch(text, p, trace.astral)));
  const before = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  const keep = (u: Uint8Array) => updates.push(u);
  doc.on('update', keep);
  for (let i = from; i < to; i++) doc.transact(() => trace.txns[i]!.forEach((p) => applyPatch(text, p, trace.astral)));
  doc.off('update', keep);
  return { doc, updates, before };
}

export interface ConcurrentReplay {
  /** The update of each transaction (null when it changed nothing), made by its agent's Y.Doc. */
  updates: (Uint8Array | null)[];
  agents: number[];
  clientIds: number[];
}

/**
 * Replays a concurrent trace with one Y.Doc per agent. Before an agent's transaction, its
 * document is brought to exactly the transaction's parents' state: each agent's
 * transactions form one chain, so that state is, per agent, a prefix of its chain.
 */
export function replayConcurrent(trace: ConcurrentTrace, options: { clientIds: number[]; root: string }): ConcurrentReplay {
  const n = trace.numAgents;
  const docs = options.clientIds.slice(0, n).map((id) => {
    const doc = new Y.Doc({ gc: true });
    doc.clientID = id;
    return doc;
  });
  const chains: number[][] = Array.from({ length: n }, () => []);
  const applied: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const versions: Int32Array[] = [];
  const updates: (Uint8Array | null)[] = [];
  for (let i = 0; i < trace.txns.length; i++) {
    const txn = trace.txns[i]!;
    const a = txn.agent;
    const v = new Int32Array(n).fill(-1);
    for (const p of txn.parents) {
      const pv = versions[p];
      if (!pv) throw new Error(`${trace.name}: transaction ${i} names parent ${p}, not seen before it`);
      for (let k = 0; k < n; k++) v[k] = Math.max(v[k]!, pv[k]!);
    }
    if (v[a] !== chains[a]!.length - 1) throw new Error(`${trace.name}: agent ${a}'s transactions are not one chain at ${i}`);
    const doc = docs[a]!;
    for (let k = 0; k < n; k++) {
      if (k === a) continue;
      const upto = v[k]! + 1;
      if (applied[a]![k]! > upto) throw new Error(`${trace.name}: agent ${a} saw more than transaction ${i}'s parents`);
      for (let j = applied[a]![k]!; j < upto; j++) {
        const u = updates[chains[k]![j]!];
        if (u) Y.applyUpdate(doc, u, 'replay');
      }
      applied[a]![k] = upto;
    }
    let made: Uint8Array | null = null;
    const keep = (u: Uint8Array, origin: unknown) => {
      if (origin !== 'replay') made = made ? Y.mergeUpdates([made, u]) : u;
    };
    doc.on('update', keep);
    const text = doc.getText(options.root);
    doc.transact(() => txn.patches.forEach((p) => applyPatch(text, p, trace.astral)));
    doc.off('update', keep);
    updates.push(made);
    v[a] = chains[a]!.length;
    chains[a]!.push(i);
    versions.push(v);
  }
  for (const doc of docs) doc.destroy();
  return { updates, agents: trace.txns.map((t) => t.agent), clientIds: options.clientIds.slice(0, n) };
}

/** The text after applying `updates` (in any causal order) to an empty document. */
export function textOf(updates: Iterable<Uint8Array | null>, root: string): string {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) if (u) Y.applyUpdate(doc, u);
  });
  const text = doc.getText(root).toString();
  doc.destroy();
  return text;
}

export interface TraceCheck {
  name: string;
  synthetic: boolean;
  edits: number;
  endChars: number;
  ok: boolean;
  ms: number;
}

/** Replays the whole trace and compares with its endContent; done once, before any timing. */
export function verifySequential(trace: SequentialTrace): TraceCheck {
  const t0 = performance.now();
  const { doc } = replaySequential(trace, { clientId: 1, root: 'check', to: trace.txns.length });
  const text = doc.getText('check').toString();
  doc.destroy();
  const edits = trace.txns.reduce((n, t) => n + t.length, 0);
  return { name: trace.name, synthetic: trace.synthetic, edits, endChars: trace.endContent.length, ok: text === trace.endContent, ms: performance.now() - t0 };
}

export function verifyConcurrent(trace: ConcurrentTrace): TraceCheck {
  const t0 = performance.now();
  const replay = replayConcurrent(trace, { clientIds: [1, 2, 3, 4, 5, 6, 7, 8].slice(0, trace.numAgents), root: 'check' });
  const text = textOf(replay.updates, 'check');
  const edits = trace.txns.reduce((n, t) => n + t.patches.length, 0);
  return { name: trace.name, synthetic: trace.synthetic, edits, endChars: trace.endContent.length, ok: text === trace.endContent, ms: performance.now() - t0 };
}
