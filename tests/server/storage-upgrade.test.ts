// A DATA_DIR (and a PostgreSQL schema) made by the release before migrations (c6f489f,
// tests/fixtures/upgrade/make-fixture.ts) is adopted by the migrator: nothing lost, the
// schema the same as a new one's, the versions recorded, and data from a newer release
// refused, untouched, with a clear error.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, randomBytes, verify } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { openPostgresStorage } from '../../server/storage/postgres';
import { checkAuditChain } from '../../server/storage/audit-chain';
import { MIGRATION_NAMES, SchemaFromNewerRelease } from '../../server/storage/migrations/migrate';
import { partsOf } from '../../server/storage/storage';
import { RecordDocument } from '../../server/sync/record-document';
import { messageOf } from '../../server/sync/frame';
import { DATABASE_URL } from '../helpers/service-urls';

const FIXTURE = join(import.meta.dirname, '../fixtures/upgrade');
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8')) as {
  auditKey: string;
  minutes: string;
  recordHash: string;
  canonical: string;
};

const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-upgrade-'));
  dirs.push(dir);
  return dir;
};

/** Everything about a SQLite file's tables, indexes, triggers and keys, except their rows. */
function sqliteStructure(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return {
      columns: db
        .prepare(
          `SELECT m.name, p.cid, p.name AS col, upper(p.type) AS type, p."notnull", p.dflt_value, p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1, 2`,
        )
        .all(),
      objects: db
        .prepare(
          `SELECT type, name, tbl_name, sql LIKE '%WITHOUT ROWID%' AS without_rowid, sql LIKE '%CHECK%' OR sql LIKE '%check%' AS checks FROM sqlite_master ORDER BY name`,
        )
        .all(),
      indexes: db
        .prepare(
          `SELECT m.name, il.name AS idx, il."unique", il.origin, il.partial FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE m.type = 'table' ORDER BY 1, 2`,
        )
        .all(),
      keys: db
        .prepare(
          `SELECT m.name, fk."table", fk."from", fk."to" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk WHERE m.type = 'table' ORDER BY 1, 2, 3`,
        )
        .all(),
    };
  } finally {
    db.close();
  }
}

/** The update a sync message carries (type, step, payload). */
const carried = (message: Uint8Array) => {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
};

const textOf = (parts: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc.getText('minutes').toString();
};

describe('a DATA_DIR from the release before migrations', () => {
  it('is adopted by migration 1 and brought up to date, with nothing lost', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURE, 'data-dir'), dir, { recursive: true });
    const before = new Database(join(dir, 'accord.sqlite'), { readonly: true });
    expect(before.prepare("SELECT name FROM sqlite_master WHERE name = 'kysely_migration'").get()).toBeUndefined();
    before.close();

    const storage = await openSqliteStorage(dir);
    try {
      // The record's text, its lock and its state.
      expect(await storage.getRecord('d1')).toMatchObject({ state: 'locked', recordHash: expected.recordHash });
      expect(textOf(partsOf(await storage.loadRecord('d1')))).toBe(expected.minutes);
      const lock = await storage.getRecordLock('d1');
      expect(lock?.canonical).toBe(expected.canonical);
      expect(textOf([lock!.finalState])).toBe(expected.minutes);
      expect((await storage.listEdits('d1', 0, 10)).length).toBeGreaterThan(0);
      // The signature still verifies with the enrolled key.
      const [signature] = await storage.listSignatures('d1');
      const [key] = await storage.listPartyKeys('m1');
      expect(signature?.publicKey).toBe(key?.publicKey);
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key!.publicKey }, format: 'jwk' });
      expect(verify(null, Buffer.from(signature!.statement), publicKey, Buffer.from(signature!.signature, 'base64url'))).toBe(true);
      // The audit chain verifies, and stays append-only.
      const audit = await storage.listAudit('m1');
      expect(audit.map((e) => e.action)).toEqual(['meeting.create', 'record.lock', 'record.sign']);
      expect(checkAuditChain(audit, Buffer.from(expected.auditKey)).intact).toBe(true);
      // It goes on working: unlock, write, the text grows from what was kept.
      expect(await storage.unlockRecord('d1', new Date().toISOString())).toBe(true);
      const doc = new Y.Doc();
      for (const part of partsOf(await storage.loadRecord('d1'))) Y.applyUpdate(doc, part);
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('minutes').insert(0, 'Amended. ');
      await storage.appendUpdates('d1', updates, { participantId: 'p1', party: 'TH', name: 'Head TH' });
      expect(textOf(partsOf(await storage.loadRecord('d1')))).toBe(`Amended. ${expected.minutes}`);

      // Its snapshot was stored without a state vector (migration 3 adds the column, empty):
      // the record opens from the snapshot and the updates after it all the same, and a
      // joiner gets all of it; the next compaction stores the vector.
      const stored = await storage.loadRecord('d1');
      expect(stored.snapshotStateVector ?? null).toBeNull();
      expect(stored.updates.length).toBeGreaterThan(1);
      const record = new RecordDocument(() => undefined);
      record.open(stored);
      expect(record.isBuilt).toBe(false);
      expect(Y.decodeStateVector(carried(record.step1()))).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
      const joiner = new Y.Doc();
      for (const frame of record.step2(new Uint8Array([0]))) Y.applyUpdate(joiner, carried(messageOf(frame)));
      expect(joiner.getText('minutes').toString()).toBe(`Amended. ${expected.minutes}`);
      await storage.compactRecord('d1', record.state(), stored.lastSeq);
      const compacted = await storage.loadRecord('d1');
      expect(compacted.updates).toHaveLength(0);
      expect(Y.decodeStateVector(compacted.snapshotStateVector!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    } finally {
      await storage.close();
    }

    const db = new Database(join(dir, 'accord.sqlite'));
    try {
      expect(db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(MIGRATION_NAMES);
      expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
      // Migration 2's index serves the lookup that read the whole table before.
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM records WHERE meeting_id = 'm1' ORDER BY version").all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('records_meeting');
    } finally {
      db.close();
    }

    // The adopted file has exactly the schema a new DATA_DIR gets.
    const fresh = tempDir();
    await (await openSqliteStorage(fresh)).close();
    expect(sqliteStructure(join(dir, 'accord.sqlite'))).toEqual(sqliteStructure(join(fresh, 'accord.sqlite')));
  });

  it('from a newer release is refused with a clear error, and left as it is', async () => {
    const dir = tempDir();
    await (await openSqliteStorage(dir)).close();
    const db = new Database(join(dir, 'accord.sqlite'));
    db.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-a-newer-release', new Date().toISOString());
    db.close();
    const opening = openSqliteStorage(dir);
    await expect(opening).rejects.toBeInstanceOf(SchemaFromNewerRelease);
    await expect(opening).rejects.toThrow(/migrated by a newer release of Accord \(migration "9999-from-a-newer-release"/);
    const after = new Database(join(dir, 'accord.sqlite'), { readonly: true });
    expect(after.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual([...MIGRATION_NAMES, '9999-from-a-newer-release']);
    after.close();
  });
});

describe('a PostgreSQL schema from the release before migrations', () => {
  const structure = async (client: pg.Client, schema: string) => {
    const strip = (rows: Record<string, unknown>[]) => JSON.parse(JSON.stringify(rows).replaceAll(`${schema}.`, 'S.')) as unknown;
    const q = async (sql: string) => strip((await client.query(sql, [schema])).rows);
    return {
      columns: await q(
        'SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1 ORDER BY 1, 3',
      ),
      indexes: await q('SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY 1, 2'),
      constraints: await q(
        'SELECT conrelid::regclass::text AS tbl, contype, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 ORDER BY 1, 2, 3',
      ),
      triggers: await q(
        'SELECT event_object_table, trigger_name, event_manipulation, action_statement FROM information_schema.triggers WHERE trigger_schema = $1 ORDER BY 1, 2, 3',
      ),
    };
  };

  it('is adopted with its rows, has the schema a new one gets, and refuses a newer release', { timeout: 60_000 }, async () => {
    const old = `upgrade_old_${randomBytes(4).toString('hex')}`;
    const fresh = `upgrade_new_${randomBytes(4).toString('hex')}`;
    schemas.push(old, fresh);
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      await client.query(readFileSync(join(FIXTURE, 'postgres-schema.sql'), 'utf8').replaceAll('__SCHEMA__', old));
      await client.query('RESET search_path');
      await client.query(`INSERT INTO ${old}.meetings VALUES ('m1', 'CMM04', '2025-03-12', 'd1')`);
      await client.query(`INSERT INTO ${old}.settings VALUES ('instance', 'kept')`);
      const minutes = new Y.Doc();
      minutes.getText('minutes').insert(0, 'The meeting noted the report.');
      await client.query(
        `INSERT INTO ${old}.records (document_id, meeting_id, version, state, created_at, snapshot, snapshot_seq) VALUES ('d1', 'm1', 1, 'draft', '2025-03-12', $1, 0)`,
        [Buffer.from(Y.encodeStateAsUpdate(minutes))],
      );
      // Several processes starting together on it: one migrates, the others find it done.
      const storages = await Promise.all([1, 2, 3].map(() => openPostgresStorage(DATABASE_URL, old)));
      expect((await storages[0]!.getMeeting('m1'))?.code).toBe('CMM04');
      expect(await storages[1]!.claimSetting('instance', 'other')).toBe('kept');
      // A snapshot stored before migration 3 has no state vector beside it, and says so.
      const stored = await storages[2]!.loadRecord('d1');
      expect(textOf(partsOf(stored))).toBe('The meeting noted the report.');
      expect(stored.snapshotStateVector ?? null).toBeNull();
      for (const storage of storages) await storage.close();
      expect((await client.query(`SELECT name FROM ${old}.kysely_migration ORDER BY name`)).rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);

      await (await openPostgresStorage(DATABASE_URL, fresh)).close();
      expect(await structure(client, old)).toEqual(await structure(client, fresh));

      await client.query(`INSERT INTO ${fresh}.kysely_migration (name, timestamp) VALUES ('9999-from-a-newer-release', $1)`, [new Date().toISOString()]);
      await expect(openPostgresStorage(DATABASE_URL, fresh)).rejects.toBeInstanceOf(SchemaFromNewerRelease);
    } finally {
      await client.end();
    }
  });
});
