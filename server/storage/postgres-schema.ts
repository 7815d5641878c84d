import { POSTGRES_HISTORY_SCHEMA } from './postgres-history';
import { CONSOLE_SETUP_SCHEMA } from './console-setup-rows';
import { COMMENT_SCHEMA } from './comment-schema';
import { POSTGRES_CASES_SCHEMA } from './postgres-cases';

// The PostgreSQL tables: the same as SQLite's, in a schema of their own.
export const postgresSchema = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS ${schema};
SET search_path TO ${schema};
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  current_document_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
  document_id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  record_hash TEXT,
  created_at TEXT NOT NULL,
  snapshot BYTEA,
  snapshot_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS record_updates (
  document_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (document_id, seq)
);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  participant_id TEXT NOT NULL,
  role TEXT NOT NULL,
  party TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  first_used_at TEXT,
  position BIGSERIAL
);
CREATE INDEX IF NOT EXISTS invitations_meeting ON invitations(meeting_id);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  invitation_id TEXT NOT NULL REFERENCES invitations(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_log (
  meeting_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
);
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
  BEGIN RAISE EXCEPTION 'the audit log is append-only'; END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS record_locks (
  document_id TEXT PRIMARY KEY REFERENCES records(document_id),
  record_hash TEXT NOT NULL,
  canonical TEXT NOT NULL,
  final_state BYTEA NOT NULL,
  locked_at TEXT NOT NULL,
  locked_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS party_keys (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  party TEXT NOT NULL,
  public_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  enrolled_by TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  replaced_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS party_keys_current ON party_keys(meeting_id, party) WHERE replaced_at IS NULL;
CREATE TABLE IF NOT EXISTS signatures (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES records(document_id),
  party TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  record_hash TEXT NOT NULL,
  statement TEXT NOT NULL,
  signature TEXT NOT NULL,
  public_key TEXT NOT NULL,
  received_at TEXT NOT NULL,
  voided_at TEXT,
  position BIGSERIAL
);
CREATE UNIQUE INDEX IF NOT EXISTS signatures_current ON signatures(document_id, party) WHERE voided_at IS NULL;
-- The secretariat console: accounts, sessions, sign-in limits, series, status history.
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT,
  party TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT,
  must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
  setup_token_hash TEXT UNIQUE,
  setup_expires_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  disabled_at TEXT,
  position BIGSERIAL
);
CREATE TABLE IF NOT EXISTS officer_sessions (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS officer_sessions_account ON officer_sessions(account_id);
CREATE TABLE IF NOT EXISTS sign_in_failures (
  key TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures(key, at);
CREATE TABLE IF NOT EXISTS meeting_officers (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  account_id TEXT NOT NULL REFERENCES accounts(id),
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  position BIGSERIAL,
  PRIMARY KEY (meeting_id, account_id)
);
CREATE INDEX IF NOT EXISTS meeting_officers_account ON meeting_officers(account_id);
CREATE TABLE IF NOT EXISTS series_places (
  meeting_id TEXT PRIMARY KEY,
  series_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  UNIQUE (series_id, number)
);
CREATE TABLE IF NOT EXISTS action_point_changes (
  seq BIGSERIAL PRIMARY KEY,
  meeting_id TEXT NOT NULL,
  point_id TEXT NOT NULL,
  thread_meeting_id TEXT NOT NULL,
  thread_point_id TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  kind TEXT NOT NULL,
  by_actor TEXT,
  by_name TEXT,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS action_point_changes_point ON action_point_changes(meeting_id, point_id, seq);
CREATE OR REPLACE FUNCTION action_point_changes_append_only() RETURNS trigger AS $$
  BEGIN RAISE EXCEPTION 'the status history is append-only'; END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS action_point_changes_append_only ON action_point_changes;
CREATE TRIGGER action_point_changes_append_only BEFORE UPDATE OR DELETE ON action_point_changes
  FOR EACH ROW EXECUTE FUNCTION action_point_changes_append_only();
${CONSOLE_SETUP_SCHEMA}
${COMMENT_SCHEMA}
${POSTGRES_CASES_SCHEMA}
${POSTGRES_HISTORY_SCHEMA}`;
