// Migration 1: the schema exactly as the release before migrations made it (commit c6f489f),
// every statement IF NOT EXISTS, so a DATA_DIR or database that release left is adopted as it
// is, and a new one gets the same tables. Never edit it: change the schema in a new migration.
import { sql, type Kysely } from 'kysely';
import type { SchemaDialect } from './dialect';

export async function up(db: Kysely<unknown>, d: SchemaDialect): Promise<void> {
  const s = db.schema;
  const table = (name: string) => s.createTable(name).ifNotExists();
  const index = (name: string) => s.createIndex(name).ifNotExists();

  // Meetings and their records: the Yjs state (a snapshot, then the updates after it).
  await table('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('current_document_id', 'text', (c) => c.notNull())
    .execute();
  await table('records')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('record_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('snapshot', d.blob)
    .addColumn('snapshot_seq', d.bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await d
    .withoutRowid(
      table('record_updates')
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('seq', d.bigint, (c) => c.notNull())
        .addColumn('data', d.blob, (c) => c.notNull())
        .addPrimaryKeyConstraint('record_updates_pkey', ['document_id', 'seq']),
    )
    .execute();

  // Invitations, their sessions, the audit log, settings.
  await d
    .position(
      table('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('first_used_at', 'text'),
    )
    .execute();
  await index('invitations_meeting').on('invitations').column('meeting_id').execute();
  await table('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await table('audit_log')
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('seq', d.bigint, (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pkey', ['meeting_id', 'seq'])
    .execute();
  await d.appendOnly(db, 'audit_log', 'the audit log is append-only');
  await table('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // The lifecycle: locks, enrolled keys, signatures.
  await table('record_locks')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('records.document_id'))
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('final_state', d.blob, (c) => c.notNull())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text', (c) => c.notNull())
    .execute();
  await table('party_keys')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('enrolled_by', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text')
    .execute();
  await index('party_keys_current').unique().on('party_keys').columns(['meeting_id', 'party']).where(sql.ref('replaced_at'), 'is', null).execute();
  await d
    .position(
      table('signatures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('records.document_id'))
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('record_hash', 'text', (c) => c.notNull())
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('voided_at', 'text'),
    )
    .execute();
  await index('signatures_current').unique().on('signatures').columns(['document_id', 'party']).where(sql.ref('voided_at'), 'is', null).execute();

  // The secretariat console: accounts, sessions, sign-in limits, series, status history.
  await d
    .position(
      table('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('login', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('must_change_password', d.backend === 'sqlite' ? 'integer' : 'boolean', (c) => c.notNull().defaultTo(d.backend === 'sqlite' ? 0 : false))
        .addColumn('setup_token_hash', 'text', (c) => c.unique())
        .addColumn('setup_expires_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text'),
    )
    .execute();
  await table('officer_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await index('officer_sessions_account').on('officer_sessions').column('account_id').execute();
  await table('sign_in_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await index('sign_in_failures_key').on('sign_in_failures').columns(['key', 'at']).execute();
  await d
    .position(
      table('meeting_officers')
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull()),
    )
    .addPrimaryKeyConstraint('meeting_officers_pkey', ['meeting_id', 'account_id'])
    .execute();
  await index('meeting_officers_account').on('meeting_officers').column('account_id').execute();
  await table('series_places')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addUniqueConstraint('series_places_series_id_number_key', ['series_id', 'number'])
    .execute();
  await d
    .serialKey(table('action_point_changes'), 'seq')
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('point_id', 'text', (c) => c.notNull())
    .addColumn('thread_meeting_id', 'text', (c) => c.notNull())
    .addColumn('thread_point_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('by_actor', 'text')
    .addColumn('by_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await index('action_point_changes_point').on('action_point_changes').columns(['meeting_id', 'point_id', 'seq']).execute();
  await d.appendOnly(db, 'action_point_changes', 'the status history is append-only');
  await table('first_run')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await table('officer_seats')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('officer_seats_pkey', ['meeting_id', 'account_id'])
    .execute();

  // Comments, beside the record.
  await table('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('thread_id', 'text', (c) => c.references('comments.id'))
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('quote', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility IN ('meeting', 'party')`))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await index('comments_meeting').on('comments').columns(['meeting_id', 'created_at']).execute();

  // Case annexes.
  await table('case_entries')
    .addColumn('document_id', 'text', (c) => c.notNull().references('records.document_id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_entries_pkey', ['document_id', 'case_id'])
    .execute();
  await d
    .serialKey(table('case_changes'), 'seq')
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('thread_meeting_id', 'text', (c) => c.notNull())
    .addColumn('thread_case_id', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('by_actor', 'text')
    .addColumn('by_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await index('case_changes_meeting').on('case_changes').columns(['meeting_id', 'seq']).execute();
  await d.appendOnly(db, 'case_changes', 'the case history is append-only');
  await d
    .serialKey(table('case_annex_agreements'), 'seq')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('by_actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await table('finding_dismissals')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('finding_key', 'text', (c) => c.notNull())
    .addColumn('by_actor', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('finding_dismissals_pkey', ['document_id', 'finding_key'])
    .execute();
  await table('sealed_case_annexes')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('records.document_id'))
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();

  // The record's history: who wrote each stored update, which client ids they claimed, versions.
  await table('record_clients')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('client_id', d.bigint, (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_clients_pkey', ['document_id', 'client_id'])
    .execute();
  await table('record_edits')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('seq', d.bigint, (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('deletes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_edits_pkey', ['document_id', 'seq'])
    .execute();
  await table('record_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('seq', d.bigint, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_participant', 'text')
    .addColumn('by_party', 'text')
    .addColumn('by_name', 'text')
    .addColumn('state', d.blob, (c) => c.notNull())
    .execute();
  await index('record_versions_document').on('record_versions').columns(['document_id', 'at']).execute();
}
