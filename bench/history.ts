// npm run bench:history [-- --repeats N]
//
// The record's history on a long one: agenda item 1's English title is written as the
// whole automerge-paper trace (259,778 edits, by the Thai and the Lao delegates in turns
// of 1,000), stored as a room stores it (each update appended with its author, compacted
// every 10,000: the room compacts every 500, which only makes preparing slower), with a version every 10,000 edits. Then, through the HTTP API of a real
// server on that data: the version list (target < 500 ms) and the comparison of the first
// and last versions (target < 1 s), medians of repeats, each after one warm-up.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { readConfig } from '../server/config';
import { startServer } from '../server/server';
import { newId } from '../server/auth/tokens';
import { agenda, agendaItemTitle } from '../shared/record/schema';
import type { EditAuthor } from '../server/storage/storage';
import { applyPatch, loadSequential } from './lib/traces';
import { median } from './lib/stats';

const ADMIN = 'bench-admin-token-0123456789abcdef0123';
const { values } = parseArgs({ options: { repeats: { type: 'string', default: '7' } } });
const repeats = Number(values.repeats);

const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-history-'));
const server = await startServer({ ...readConfig({}), port: 0, host: '127.0.0.1', dataDir, adminToken: ADMIN, seedDemo: false, versionEveryMs: 0 });
try {
  const body = readFileSync(new URL('../server/demo/cmm04-th-la.json', import.meta.url), 'utf8');
  const created = (await (
    await fetch(`${server.url}/api/meetings`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body })
  ).json()) as {
    meetingId: string;
    documentId: string;
    invitations: { participantId: string; role: string; party: string; name: string; token: string }[];
  };
  const { storage } = server.services;
  const who = (party: string): EditAuthor => {
    const i = created.invitations.find((x) => x.role === 'delegate' && x.party === party)!;
    return { participantId: i.participantId, party, name: i.name };
  };
  const authors = [who('TH'), who('LA')];
  const secretariat = created.invitations.find((x) => x.role === 'secretariat')!.token;

  const trace = loadSequential();
  const t0 = performance.now();
  const stored = await storage.loadRecord(created.documentId);
  // One Y.Doc per delegate, as their browsers would hold it: each writes under its own client id.
  const docs = authors.map(() => new Y.Doc());
  for (const doc of docs) for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
  let versions = 0;
  let pending: { updates: Uint8Array[]; by: EditAuthor } | null = null;
  const flush = async () => {
    if (!pending || pending.updates.length === 0) return;
    const seq = await storage.appendUpdates(created.documentId, pending.updates, pending.by);
    if (seq % 10_000 < pending.updates.length) await storage.compactRecord(created.documentId, Y.encodeStateAsUpdate(docs[0]!), seq);
    pending.updates = [];
    return seq;
  };
  let lastSeq = stored.lastSeq;
  for (let i = 0; i < trace.txns.length; i++) {
    const turn = Math.floor(i / 1000) % 2;
    const doc = docs[turn]!;
    if (!pending || pending.by !== authors[turn]) {
      lastSeq = (await flush()) ?? lastSeq;
      pending = { updates: [], by: authors[turn]! };
    }
    let update: Uint8Array | null = null;
    const note = (u: Uint8Array) => (update = u);
    doc.once('update', note);
    doc.transact(() => trace.txns[i]!.forEach((p) => applyPatch(agendaItemTitle(agenda(doc).get(0)).get('en')!, p, trace.astral)));
    if (!update) continue;
    Y.applyUpdate(docs[1 - turn]!, update);
    pending.updates.push(update);
    if (pending.updates.length >= 100) lastSeq = (await flush()) ?? lastSeq;
    if ((i + 1) % 10_000 === 0 || i === trace.txns.length - 1) {
      lastSeq = (await flush()) ?? lastSeq;
      await storage.addVersion({
        id: newId(),
        documentId: created.documentId,
        seq: lastSeq,
        kind: 'auto',
        name: null,
        at: new Date(Date.UTC(2025, 2, 4, 9) + i * 50).toISOString(),
        by: null,
        state: Y.encodeStateAsUpdate(doc),
      });
      versions++;
      if (versions % 5 === 0) console.error(`prepared ${i + 1} edits, ${versions} versions, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
  // As when the last delegate leaves: the room compacts what it holds (it compacts every 500 while open).
  lastSeq = (await flush()) ?? lastSeq;
  await storage.compactRecord(created.documentId, Y.encodeStateAsUpdate(docs[0]!), lastSeq);
  const prepared = (performance.now() - t0) / 1000;

  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/meetings/${created.meetingId}${path}`, { headers: { authorization: `Bearer ${secretariat}` } });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return { ms: performance.now() - started, json };
  };
  const timed = async (path: string) => {
    await get(path);
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) times.push((await get(path)).ms);
    return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
  };
  const list = (await get('/history')).json.versions as { id: string }[];
  const listing = await timed('/history');
  const compareAll = await timed(`/history/compare?from=${list[0]!.id}&to=${list[list.length - 1]!.id}`);
  const compareNow = await timed(`/history/compare?from=${list[Math.floor(list.length / 2)]!.id}&to=current`);
  const row = (what: string, target: number, t: { median: number; min: number; max: number }) =>
    `| ${what} | ${t.median.toFixed(0)} ms | ${t.min.toFixed(0)}–${t.max.toFixed(0)} ms | < ${target} ms | ${t.median < target ? 'met' : 'MISSED'} |`;
  console.log(
    `automerge-paper${trace.synthetic ? ' (synthetic stand-in)' : ''}: ${trace.txns.length} edits by 2 delegates, ${versions} versions, prepared in ${prepared.toFixed(1)} s; ${repeats} repeats each`,
  );
  console.log('| what | median | range | target | |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('version list (GET /history)', 500, listing));
  console.log(row('compare first and last versions', 1000, compareAll));
  console.log(row('compare the middle version with the record now', 1000, compareNow));
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
