// npm run bench:appends [-- --before <git ref>] [--updates N] [--repeats N] [--by] [--storage postgres|sqlite]
//
// Appends per second for one record in PostgreSQL (the machine's, database `test`, a
// schema of its own per run) or SQLite (a temporary DATA_DIR), as a room asks for them:
// each message's update appended at once, without waiting for the one before, a burst of
// them per event-loop turn; with --by, each with its author, as a participant's updates
// are (their edits and client-id claims kept, and judged, with them). The storage of the
// working tree and the storage of `--before` (default: the commit before appends were
// grouped) run the same load, alternately, in the same process, and the ratio is what
// counts: this machine is shared and noisy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { exportAccord } from './lib/accord-root';
import type { EditAuthor, Storage } from '../server/storage/storage';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
type StorageKind = 'postgres' | 'sqlite';
/** A fresh storage of one kind, and how to throw it away. */
type Open = () => Promise<{ storage: Storage; drop(): Promise<void> }>;

/** Loads one storage module of an Accord: the working tree's, or an exported commit's. */
type LoadStorage = (file: StorageKind) => Promise<unknown>;

const workingTree: LoadStorage = (file) => (file === 'sqlite' ? import('../server/storage/sqlite') : import('../server/storage/postgres'));
const exported =
  (root: string): LoadStorage =>
  (file) =>
    import(join(root, `server/storage/${file}.ts`));

async function opener(load: LoadStorage, kind: StorageKind): Promise<Open> {
  if (kind === 'sqlite') {
    const { openSqliteStorage } = (await load('sqlite')) as { openSqliteStorage: (dir: string) => Promise<Storage> };
    return async () => {
      const dir = mkdtempSync(join(tmpdir(), 'accord-bench-sqlite-'));
      return { storage: await openSqliteStorage(dir), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    };
  }
  const { openPostgresStorage } = (await load('postgres')) as { openPostgresStorage: (url: string, schema: string) => Promise<Storage> };
  return async () => {
    const schema = `accord_bench_${randomBytes(4).toString('hex')}`;
    return {
      storage: await openPostgresStorage(DATABASE_URL, schema),
      async drop() {
        const admin = new pg.Client({ connectionString: DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      },
    };
  };
}

/** Updates as a delegate's keystrokes make them: one character each, in Thai. */
function keystrokes(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('notes');
  for (let i = 0; i < n; i++) text.insert(text.length, 'ก');
  return updates;
}

async function appendsPerSecond(open: Open, updates: Uint8Array[], perTurn: number, by: EditAuthor | null): Promise<number> {
  const { storage, drop } = await open();
  try {
    const now = new Date().toISOString();
    const record = { documentId: 'bench', meetingId: 'bench', version: 1, state: 'draft' as const, recordHash: null, createdAt: now };
    await storage.createMeeting({ id: 'bench', code: 'BENCH', createdAt: now, currentDocumentId: 'bench' }, record, Y.encodeStateAsUpdate(new Y.Doc()), []);
    const started = performance.now();
    const stored: Promise<number>[] = [];
    for (let i = 0; i < updates.length; i += perTurn) {
      for (const update of updates.slice(i, i + perTurn)) stored.push(storage.appendUpdates('bench', [update], by));
      await new Promise((r) => setImmediate(r));
    }
    const seqs = await Promise.all(stored);
    const seconds = (performance.now() - started) / 1000;
    if (seqs[seqs.length - 1] !== updates.length) throw new Error(`stored ${seqs[seqs.length - 1]} of ${updates.length}`);
    return updates.length / seconds;
  } finally {
    await storage.close();
    await drop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      before: { type: 'string', default: '2d3cd50' },
      updates: { type: 'string', default: '5000' },
      repeats: { type: 'string', default: '3' },
      by: { type: 'boolean', default: false },
      storage: { type: 'string', default: 'postgres' },
    },
  });
  const kind = values.storage as StorageKind;
  if (kind !== 'postgres' && kind !== 'sqlite') throw new Error(`--storage is postgres or sqlite, not ${values.storage}`);
  const by: EditAuthor | null = values.by ? { participantId: 'p-th', party: 'TH', name: 'Bench TH' } : null;
  const n = Number(values.updates);
  const repeats = Number(values.repeats);
  const tmp = mkdtempSync(join(tmpdir(), 'accord-bench-appends-'));
  try {
    const { root, commit } = exportAccord(values.before!, tmp);
    const before = await opener(exported(root), kind);
    const after = await opener(workingTree, kind);
    const updates = keystrokes(n);
    const where = kind === 'postgres' ? `PostgreSQL at ${DATABASE_URL}` : 'SQLite in a temporary DATA_DIR';
    console.log(`${n} one-character updates to one record, ${where}${by ? ', each with its author' : ''}; before = ${commit.slice(0, 10)}`);
    console.log('| updates per turn | before (appends/s) | after (appends/s) | after ÷ before |');
    console.log('|---|---|---|---|');
    for (const perTurn of [1, 20, 200]) {
      const b: number[] = [];
      const a: number[] = [];
      for (let r = 0; r < repeats; r++) {
        // Alternated, so that whatever else the machine does weighs on both alike.
        b.push(await appendsPerSecond(before, perTurn === 1 ? updates.slice(0, Math.min(n, 2000)) : updates, perTurn, by));
        a.push(await appendsPerSecond(after, perTurn === 1 ? updates.slice(0, Math.min(n, 2000)) : updates, perTurn, by));
      }
      const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      console.log(`| ${perTurn} | ${median(b).toFixed(0)} | ${median(a).toFixed(0)} | ${(median(a) / median(b)).toFixed(1)}× |`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
