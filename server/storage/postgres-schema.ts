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
`;
