// Migration 2: indexes for three lookups that read a whole table until now, on every call:
// a meeting's versions (listRecords, on every lifecycle step and workspace open), a
// record's signatures voided ones included (listSignatures: the partial index
// signatures_current holds only the current ones), and an invitation's sessions (dropped
// when its token is replaced or it is revoked).
import type { Kysely } from 'kysely';
import type { SchemaDialect } from './dialect';

export async function up(db: Kysely<unknown>, _d: SchemaDialect): Promise<void> {
  await db.schema.createIndex('records_meeting').ifNotExists().on('records').columns(['meeting_id', 'version']).execute();
  await db.schema.createIndex('signatures_document').ifNotExists().on('signatures').column('document_id').execute();
  await db.schema.createIndex('sessions_invitation').ifNotExists().on('sessions').column('invitation_id').execute();
}
