// S4: cold open and join storm on a record whose history is the whole automerge-paper
// trace, then the same trace typed ten times over (each round clears the text first), so
// that the history is ten times longer but the text the same.
//
// Stored as each server stores it, before the measured start:
// - Accord: the record is made through the API, then its history is written with the
//   server's own storage module (openSqliteStorage().appendUpdates), compacting every 500
//   updates exactly as an open room does (Room compacts after compactAfterUpdates = 500),
//   then once more with the final state, as the room does when its last client leaves
//   (Room.release): a record nobody has open is one snapshot. A copy taken before that
//   last compaction, a snapshot and a tail of fewer than 500 updates, is the store a crash
//   leaves; Accord's cold open is measured on it too.
// - Hocuspocus: its SQLite extension keeps one row per document, the whole state
//   (Y.encodeStateAsUpdate); that row is written into its schema.
// - y-websocket keeps nothing (no persistence configured; y-leveldb's native part is not
//   built here): the generator pushes the state in first, so only warm joins are measured.
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { pathToFileURL } from 'node:url';
import type * as SqliteModule from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/storage';
import { accordRoot } from '../lib/accord-root';
import { abab, newReport, record, type RunContext, type ScenarioReport } from '../lib/context';
import type { JoinPlan, JoinResult, RoomAccess } from '../lib/plans';
import { startServer } from '../lib/processes';
import { ADMIN_TOKEN, createAccordRoom } from '../lib/rooms';
import { applyPatch, loadSequential, type SequentialTrace } from '../lib/traces';
import { median } from '../lib/stats';
import { isAccord, isHocuspocus, type ServerKind } from '../lib/wire';
import { fmt, generate, withServer } from './common';

const COMPACT_AFTER = 500;
const HOCUSPOCUS_SCHEMA = `CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))`;

export interface History {
  rounds: number;
  updates: number;
  stateBytes: number;
  accordDir: string;
  /** The same store as a crash leaves it: the last compaction not done. */
  accordCrashDir: string;
  accordRoom: RoomAccess;
  /** Updates after the snapshot in the crash store: of the record, and of the warm-up record. */
  accordTail: number;
  warmupTail: number;
  hocuspocusDb: string;
  statePath: string;
  textPath: string;
  /** A smaller record opened first, so that the figures are those of a warm server. */
  warmupRoom: RoomAccess;
  warmupStatePath: string;
}

/**
 * Edits of the trace in the warm-up record: not a multiple of COMPACT_AFTER, so that in the
 * crash store the warm-up record too ends with updates after its snapshot, as any record a
 * crashed server left may. The server measured after a crash has then opened such a record
 * before (read its updates, checked and joined them), as the server measured on the
 * compacted store has opened a snapshot: at 60000 edits it had never run that path, and its
 * first run of Yjs's decoder was the measured open.
 */
const WARMUP_EDITS = 60_250;

/**
 * Writes a history into one stored record through Accord's storage module, as an open room
 * would: every update appended, the record compacted after every COMPACT_AFTER of them.
 */
async function writeHistory(
  storage: Storage,
  documentId: string,
  trace: SequentialTrace,
  rounds: number,
  edits: number,
): Promise<{ doc: Y.Doc; updates: number; tail: number; lastSeq: number }> {
  const stored = await storage.loadRecord(documentId);
  const doc = new Y.Doc();
  for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
  const text = doc.getText('bench');
  let batch: Uint8Array[] = [];
  let updates = 0;
  let tail = 0;
  let lastSeq = stored.lastSeq;
  doc.on('update', (u: Uint8Array) => {
    batch.push(u);
    updates++;
  });
  const flush = async (compact: boolean) => {
    if (batch.length === 0) return;
    const seq = await storage.appendUpdates(documentId, batch);
    lastSeq = seq;
    if (compact) await storage.compactRecord(documentId, Y.encodeStateAsUpdate(doc), seq);
    else tail = batch.length;
    batch = [];
  };
  for (let round = 0; round < rounds; round++) {
    if (round > 0) doc.transact(() => text.delete(0, text.length));
    for (let i = 0; i < Math.min(edits, trace.txns.length); i++) {
      doc.transact(() => trace.txns[i]!.forEach((p) => applyPatch(text, p, trace.astral)));
      if (batch.length >= COMPACT_AFTER) await flush(true);
    }
  }
  await flush(false);
  return { doc, updates, tail, lastSeq };
}

export async function prepare(ctx: RunContext, trace: SequentialTrace, rounds: number): Promise<History> {
  const dir = mkdtempSync(join(ctx.tmpRoot, `s4-x${rounds}-`));
  const accordDir = join(dir, 'accord');
  mkdirSync(accordDir);
  // The records, made the way a secretariat makes one.
  const setup = await startServer('accord', { dataDir: accordDir, adminToken: ADMIN_TOKEN });
  let room: RoomAccess;
  let warmupRoom: RoomAccess;
  try {
    room = await createAccordRoom(setup.port, 'cmm04-th-la');
    warmupRoom = await createAccordRoom(setup.port, 'cmm04-th-la');
  } finally {
    await setup.stop();
  }
  // The server's own storage module (of the Accord under test), as the room would use it.
  const { openSqliteStorage } = (await import(pathToFileURL(join(accordRoot(), 'server/storage/sqlite.ts')).href)) as typeof SqliteModule;
  const storage = await openSqliteStorage(accordDir);
  const history = await writeHistory(storage, room.docName, trace, rounds, trace.txns.length);
  const warmup = await writeHistory(storage, warmupRoom.docName, trace, 1, WARMUP_EDITS);
  await storage.close();
  const accordCrashDir = join(dir, 'accord-crash');
  cpSync(accordDir, accordCrashDir, { recursive: true });
  // What the shipped server leaves when the last client of a record leaves.
  const left = await openSqliteStorage(accordDir);
  await left.compactRecord(room.docName, Y.encodeStateAsUpdate(history.doc), history.lastSeq);
  await left.compactRecord(warmupRoom.docName, Y.encodeStateAsUpdate(warmup.doc), warmup.lastSeq);
  await left.close();
  const doc = history.doc;
  if (doc.getText('bench').toString() !== trace.endContent) throw new Error(`S4 ×${rounds}: the history does not end with endContent`);

  const state = Y.encodeStateAsUpdate(doc);
  const warmupState = Y.encodeStateAsUpdate(warmup.doc);
  const statePath = join(dir, 'state.bin');
  writeFileSync(statePath, state);
  const warmupStatePath = join(dir, 'warmup.bin');
  writeFileSync(warmupStatePath, warmupState);
  const textPath = join(dir, 'text.txt');
  writeFileSync(textPath, trace.endContent);
  const hocuspocusDb = join(dir, 'hocuspocus.sqlite');
  const db = new Database(hocuspocusDb);
  db.exec(HOCUSPOCUS_SCHEMA);
  const insert = db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)');
  insert.run(room.docName, Buffer.from(state));
  insert.run(warmupRoom.docName, Buffer.from(warmupState));
  db.close();
  doc.destroy();
  warmup.doc.destroy();
  return {
    rounds,
    updates: history.updates,
    stateBytes: state.byteLength,
    accordDir,
    accordCrashDir,
    accordRoom: room,
    accordTail: history.tail,
    warmupTail: warmup.tail,
    hocuspocusDb,
    statePath,
    textPath,
    warmupRoom,
    warmupStatePath,
  };
}

export async function joins(
  ctx: RunContext,
  kind: ServerKind,
  h: History,
  mode: 'single' | 'storm',
  profile?: { marks: Record<string, number> },
): Promise<JoinResult> {
  const copy = mkdtempSync(join(ctx.tmpRoot, 's4-run-'));
  try {
    let options: { dataDir?: string; server?: { sqlite: string } } = {};
    if (isAccord(kind)) {
      cpSync(h.accordDir, copy, { recursive: true });
      options = { dataDir: copy };
    } else if (isHocuspocus(kind)) {
      // 3.x (sqlite3) and 4.x (better-sqlite3) read the same file: one row per document.
      copyFileSync(h.hocuspocusDb, join(copy, 'hocuspocus.sqlite'));
      options = { server: { sqlite: join(copy, 'hocuspocus.sqlite') } };
    }
    return await withServer(ctx, { kind, rooms: 0, fixture: 'cmm04-th-la', ...options, profile: !!profile }, (server, _rooms, target) => {
      const plan: JoinPlan = {
        type: 'joins',
        target,
        room: h.accordRoom,
        mode,
        storm: 50,
        warmJoins: 5,
        seedStatePath: kind === 'ywebsocket' ? h.statePath : null,
        warmup: { room: h.warmupRoom, seedStatePath: kind === 'ywebsocket' ? h.warmupStatePath : null },
        expectedTextPath: h.textPath,
        wholeStatePath: h.statePath,
        checkpoints: !!profile,
      };
      return generate<JoinResult>(plan, async (mark) => {
        if (profile) profile.marks[mark] = await server.mark();
      });
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export async function s4ColdOpen(ctx: RunContext): Promise<ScenarioReport> {
  const trace = loadSequential(ctx.tracesDir);
  const rounds = ctx.full ? [1, 10] : [1];
  const metrics = rounds.flatMap((x) => [
    { name: `×${x}: cold open, one client`, unit: 'ms', better: 'lower' as const, target: x === 1 ? 'S4: ≤ 50 ms' : 'S4: ≤ 2× the ×1 figure' },
    { name: `×${x}: cold open after a crash (snapshot + updates)`, unit: 'ms', better: 'lower' as const },
    { name: `×${x}: warm join (record open)`, unit: 'ms', better: 'lower' as const },
    { name: `×${x}: join storm of 50, median`, unit: 'ms', better: 'lower' as const },
    { name: `×${x}: join storm of 50, last`, unit: 'ms', better: 'lower' as const },
    { name: `×${x}: sync step 2 size`, unit: 'kB', better: 'lower' as const },
  ]);
  const report = newReport(
    'S4',
    'Cold open and join storm',
    `A record whose history is automerge-paper typed ${rounds.map((x) => `×${x}`).join(' and ')} (each round clears the text and types it again). Time from opening the socket to the whole record received (thin client; for a cold open, until the sync messages received cover the record's state vector, however many the server sends it in), alone on a record nobody has open (cold: the server loads it from its store; Accord's store holds it as one snapshot, as Accord leaves a record when its last client leaves), then while it is open (warm, median of 5), and 50 clients at once on a record nobody has open. Every run is a fresh server process on a copy of the store, warmed first by opening another record (the first ${WARMUP_EDITS} edits; in the crash store it too is a snapshot and the updates after it), so the figures are those of a server in service. A full client then checks the text. Accord only: the cold open again on the store a crash leaves (the last compaction not done: a snapshot and the updates after it).`,
    metrics,
  );
  const servers = ctx.servers.filter((s): s is ServerKind => s !== 'relay');
  for (const x of rounds) {
    const t0 = performance.now();
    const h = await prepare(ctx, trace, x);
    report.notes.push(
      `×${x}: ${h.updates} updates; Accord's store: one snapshot (written with server/storage/sqlite.ts appendUpdates, compacted every ${COMPACT_AFTER} and once more at the end, as when the last client leaves); after a crash: snapshot + ${h.accordTail} updates (the warm-up record: snapshot + ${h.warmupTail}); state ${fmt(h.stateBytes / 1024)} kB; prepared in ${fmt((performance.now() - t0) / 1000)} s`,
    );
    ctx.log(`S4 ×${x}: history prepared (${h.updates} updates, state ${fmt(h.stateBytes / 1024)} kB, Accord's tail after a crash ${h.accordTail})`);
    for (const { repeat, server: kind } of abab(servers, ctx.repeats)) {
      const single = await joins(ctx, kind, h, 'single');
      const storm = await joins(ctx, kind, h, 'storm');
      const crash = isAccord(kind) ? await joins(ctx, kind, { ...h, accordDir: h.accordCrashDir }, 'single') : null;
      record(report, `×${x}: cold open, one client`, kind, single.coldMs ?? NaN);
      record(report, `×${x}: warm join (record open)`, kind, median(single.warmMs));
      record(report, `×${x}: join storm of 50, median`, kind, median(storm.stormMs));
      record(report, `×${x}: join storm of 50, last`, kind, Math.max(...storm.stormMs));
      record(report, `×${x}: sync step 2 size`, kind, single.step2Bytes / 1024);
      if (crash) record(report, `×${x}: cold open after a crash (snapshot + updates)`, kind, crash.coldMs ?? NaN);
      if (!single.textOk || !storm.textOk || (crash && !crash.textOk))
        report.notes.push(`${kind} ×${x} #${repeat + 1}: the full client's text is not endContent`);
      ctx.log(
        `S4 ${kind} ×${x} #${repeat + 1}: cold ${fmt(single.coldMs ?? NaN)} ms, warm ${fmt(median(single.warmMs))} ms, storm median ${fmt(median(storm.stormMs))} last ${fmt(Math.max(...storm.stormMs))} ms${crash ? `, cold after a crash ${fmt(crash.coldMs ?? NaN)} ms` : ''}, text ${single.textOk && storm.textOk && (!crash || crash.textOk) ? 'ok' : 'WRONG'}`,
      );
    }
    rmSync(join(h.accordDir, '..'), { recursive: true, force: true });
  }
  if (servers.includes('ywebsocket'))
    report.notes.push(
      'y-websocket keeps documents in memory only (no persistence configured): it has no cold open; its storm joins a record already in memory.',
    );
  return report;
}
