// Migration 3: a record's snapshot stored with its state vector, written wherever a snapshot
// is (a new record, an amendment, a compaction), so that opening a record need not read its
// whole snapshot through to answer a joiner's step 1 (server/sync/record-document.ts).
// Records of an older release keep NULL there until their next compaction; opening one
// works the vector out from the snapshot, as before.
import type { Kysely } from 'kysely';
import type { SchemaDialect } from './dialect';

export async function up(db: Kysely<unknown>, d: SchemaDialect): Promise<void> {
  // SQLite commits each statement and has no ADD COLUMN IF NOT EXISTS: a run cut short after
  // the column was added finds nothing left to do. (PostgreSQL runs the migration in one
  // transaction; its introspection would list every schema's `records`.)
  if (d.backend === 'sqlite') {
    const records = (await db.introspection.getTables()).find((t) => t.name === 'records');
    if (records?.columns.some((c) => c.name === 'snapshot_state_vector')) return;
  }
  await db.schema.alterTable('records').addColumn('snapshot_state_vector', d.blob).execute();
}
