// The embedded default: one SQLite file under DATA_DIR, in WAL mode.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AuditEntry,
  InvitationRow,
  MeetingRow,
  NewAuditEntry,
  RecordRow,
  SessionRow,
  Storage,
  StoredRecord,
} from './storage';
import { GENESIS_HASH } from './audit-chain';
import { LIFECYCLE_SCHEMA, lifecycleStorage } from './sqlite-lifecycle';
import { CONSOLE_SCHEMA, consoleStorage } from './sqlite-console';
import { checkpointInBackground } from './sqlite-checkpoints';
import { commitAtTurnEnd } from '../turn-end';

const SCHEMA = `
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
  snapshot BLOB,
  snapshot_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS record_updates (
  document_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
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
  first_used_at TEXT
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
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

interface RecordDbRow {
  document_id: string;
  meeting_id: string;
  version: number;
  state: RecordRow['state'];
  record_hash: string | null;
  created_at: string;
}

interface InvitationDbRow {
  id: string;
  meeting_id: string;
  participant_id: string;
  role: InvitationRow['role'];
  party: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  first_used_at: string | null;
}

interface AuditDbRow {
  meeting_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

const toRecord = (r: RecordDbRow): RecordRow => ({
  documentId: r.document_id,
  meetingId: r.meeting_id,
  version: r.version,
  state: r.state,
  recordHash: r.record_hash,
  createdAt: r.created_at,
});

const toInvitation = (r: InvitationDbRow): InvitationRow => ({
  id: r.id,
  meetingId: r.meeting_id,
  participantId: r.participant_id,
  role: r.role,
  party: r.party,
  name: r.name,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  firstUsedAt: r.first_used_at,
});

const toAudit = (r: AuditDbRow): AuditEntry => ({
  meetingId: r.meeting_id,
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export interface SqliteOptions {
  /** NORMAL survives a killed process; FULL also survives a power cut, at the cost of an fsync per write. */
  synchronous?: 'NORMAL' | 'FULL';
}

export function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): Storage {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'accord.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  db.exec(LIFECYCLE_SCHEMA);
  db.exec(CONSOLE_SCHEMA);
  // Checkpoints run in a worker thread, not inside some client's write. Should writes
  // outrun it, the writer checkpoints itself past 10,000 pages (40 MB), as SQLite would at
  // 1,000, finding most pages already copied; the WAL file is cut back to 64 MB after.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  const checkpoints = checkpointInBackground(file, () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });

  const q = {
    snapshot: db.prepare<[string], { snapshot: Buffer | null; snapshot_seq: number }>(
      'SELECT snapshot, snapshot_seq FROM records WHERE document_id = ?',
    ),
    updatesAfter: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM record_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
    ),
    lastSeq: db.prepare<[string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM record_updates WHERE document_id = ?',
    ),
    insertUpdate: db.prepare('INSERT INTO record_updates (document_id, seq, data) VALUES (?, ?, ?)'),
    setSnapshot: db.prepare('UPDATE records SET snapshot = ?, snapshot_seq = ? WHERE document_id = ?'),
    dropUpdates: db.prepare('DELETE FROM record_updates WHERE document_id = ? AND seq <= ?'),
    insertMeeting: db.prepare(
      'INSERT INTO meetings (id, code, created_at, current_document_id) VALUES (@id, @code, @createdAt, @currentDocumentId)',
    ),
    insertRecord: db.prepare(
      `INSERT INTO records (document_id, meeting_id, version, state, record_hash, created_at, snapshot, snapshot_seq)
       VALUES (@documentId, @meetingId, @version, @state, @recordHash, @createdAt, @snapshot, 0)`,
    ),
    meeting: db.prepare<[string], { id: string; code: string; created_at: string; current_document_id: string }>(
      'SELECT * FROM meetings WHERE id = ?',
    ),
    countMeetings: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM meetings'),
    record: db.prepare<[string], RecordDbRow>(
      'SELECT document_id, meeting_id, version, state, record_hash, created_at FROM records WHERE document_id = ?',
    ),
    insertInvitation: db.prepare(
      `INSERT INTO invitations (id, meeting_id, participant_id, role, party, name, token_hash, created_at, revoked_at, first_used_at)
       VALUES (@id, @meetingId, @participantId, @role, @party, @name, @tokenHash, @createdAt, @revokedAt, @firstUsedAt)`,
    ),
    invitationByHash: db.prepare<[string], InvitationDbRow>('SELECT * FROM invitations WHERE token_hash = ?'),
    invitation: db.prepare<[string], InvitationDbRow>('SELECT * FROM invitations WHERE id = ?'),
    invitations: db.prepare<[string], InvitationDbRow>('SELECT * FROM invitations WHERE meeting_id = ? ORDER BY rowid'),
    markUsed: db.prepare('UPDATE invitations SET first_used_at = ? WHERE id = ? AND first_used_at IS NULL'),
    setTokenHash: db.prepare('UPDATE invitations SET token_hash = ? WHERE id = ? AND revoked_at IS NULL'),
    revoke: db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    dropSessionsOf: db.prepare('DELETE FROM sessions WHERE invitation_id = ?'),
    insertSession: db.prepare(
      'INSERT INTO sessions (token_hash, invitation_id, created_at, expires_at) VALUES (@tokenHash, @invitationId, @createdAt, @expiresAt)',
    ),
    session: db.prepare<[string], { token_hash: string; invitation_id: string; created_at: string; expires_at: string }>(
      'SELECT * FROM sessions WHERE token_hash = ?',
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    lastAudit: db.prepare<[string], AuditDbRow>('SELECT * FROM audit_log WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1'),
    insertAudit: db.prepare(
      `INSERT INTO audit_log (meeting_id, seq, at, actor, action, detail, prev_hash, hash)
       VALUES (@meetingId, @seq, @at, @actor, @action, @detail, @prevHash, @hash)`,
    ),
    audit: db.prepare<[string], AuditDbRow>('SELECT * FROM audit_log WHERE meeting_id = ? ORDER BY seq'),
  };

  // Sequence numbers continue from what is on disk; kept in memory per record so an
  // append is one INSERT, not a read and a write.
  const nextSeq = new Map<string, number>();
  const seqAfter = (documentId: string) => {
    let seq = nextSeq.get(documentId);
    if (seq === undefined) {
      const row = q.snapshot.get(documentId);
      seq = Math.max(q.lastSeq.get(documentId)?.seq ?? 0, row?.snapshot_seq ?? 0);
    }
    return seq;
  };

  // Group commit: every append asked for in one turn of the event loop is written in one
  // transaction at the end of the turn, and each caller is answered once it is committed,
  // in time for what it then sends to leave in the same turn (turn-end.ts).
  // Sequence numbers are handed out at once, in call order, so each record's order holds.
  interface Pending {
    rows: [string, number, Uint8Array][];
    waiters: { resolve: (seq: number) => void; reject: (err: unknown) => void; seq: number }[];
  }
  let pending: Pending | null = null;
  const writeRows = db.transaction((rows: [string, number, Uint8Array][]) => {
    for (const [documentId, seq, update] of rows) q.insertUpdate.run(documentId, seq, update);
  });
  const flushAppends = () => {
    const batch = pending;
    pending = null;
    if (!batch) return;
    try {
      writeRows(batch.rows);
    } catch (err) {
      // Nothing of the batch is stored: its records' counters are read from disk again.
      for (const [documentId] of batch.rows) nextSeq.delete(documentId);
      for (const w of batch.waiters) w.reject(err);
      return;
    }
    for (const w of batch.waiters) w.resolve(w.seq);
  };
  const append = (documentId: string, updates: Uint8Array[]): Promise<number> => {
    if (!pending) {
      pending = { rows: [], waiters: [] };
      commitAtTurnEnd(flushAppends);
    }
    const batch = pending;
    let seq = seqAfter(documentId);
    for (const update of updates) batch.rows.push([documentId, ++seq, update]);
    nextSeq.set(documentId, seq);
    return new Promise<number>((resolve, reject) => batch.waiters.push({ resolve, reject, seq }));
  };

  const compact = db.transaction((documentId: string, state: Uint8Array, uptoSeq: number) => {
    q.setSnapshot.run(state, uptoSeq, documentId);
    q.dropUpdates.run(documentId, uptoSeq);
  });

  const createMeeting = db.transaction(
    (meeting: MeetingRow, record: RecordRow, initialState: Uint8Array, invitations: InvitationRow[]) => {
      q.insertMeeting.run(meeting);
      q.insertRecord.run({ ...record, snapshot: initialState });
      for (const invitation of invitations) q.insertInvitation.run(invitation);
    },
  );

  const replaceToken = db.transaction((id: string, tokenHash: string) => {
    q.setTokenHash.run(tokenHash, id);
    q.dropSessionsOf.run(id);
  });

  const revoke = db.transaction((id: string, at: string) => {
    q.revoke.run(at, id);
    q.dropSessionsOf.run(id);
  });

  const appendAudit = db.transaction(
    (entry: NewAuditEntry, hashOf: (entry: Omit<AuditEntry, 'hash'>) => string): AuditEntry => {
      const last = q.lastAudit.get(entry.meetingId);
      const sealed = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
      const full: AuditEntry = { ...sealed, hash: hashOf(sealed) };
      q.insertAudit.run({ ...full, detail: JSON.stringify(full.detail) });
      return full;
    },
  );

  const storage: Storage = {
    async loadRecord(documentId): Promise<StoredRecord> {
      flushAppends();
      const row = q.snapshot.get(documentId);
      if (!row) throw new Error(`no record ${documentId}`);
      const rows = q.updatesAfter.all(documentId, row.snapshot_seq);
      const lastSeq = rows.length > 0 ? rows[rows.length - 1]!.seq : row.snapshot_seq;
      nextSeq.set(documentId, lastSeq);
      return { snapshot: row.snapshot, updates: rows.map((r) => r.data), lastSeq };
    },
    appendUpdates(documentId, updates) {
      return append(documentId, updates);
    },
    async compactRecord(documentId, state, uptoSeq) {
      flushAppends();
      compact(documentId, state, uptoSeq);
    },
    async createMeeting(meeting, record, initialState, invitations) {
      createMeeting(meeting, record, initialState, invitations);
    },
    async getMeeting(id) {
      const row = q.meeting.get(id);
      return row && { id: row.id, code: row.code, createdAt: row.created_at, currentDocumentId: row.current_document_id };
    },
    async countMeetings() {
      return q.countMeetings.get()?.n ?? 0;
    },
    async getRecord(documentId) {
      const row = q.record.get(documentId);
      return row && toRecord(row);
    },
    async findInvitationByTokenHash(tokenHash) {
      const row = q.invitationByHash.get(tokenHash);
      return row && toInvitation(row);
    },
    async getInvitation(id) {
      const row = q.invitation.get(id);
      return row && toInvitation(row);
    },
    async listInvitations(meetingId) {
      return q.invitations.all(meetingId).map(toInvitation);
    },
    async markInvitationUsed(id, at) {
      q.markUsed.run(at, id);
    },
    async replaceInvitationToken(id, tokenHash) {
      replaceToken(id, tokenHash);
    },
    async revokeInvitation(id, at) {
      revoke(id, at);
    },
    async createSession(session) {
      q.insertSession.run(session);
    },
    async findSession(tokenHash) {
      const row = q.session.get(tokenHash);
      return (
        row && { tokenHash: row.token_hash, invitationId: row.invitation_id, createdAt: row.created_at, expiresAt: row.expires_at }
      );
    },
    async deleteSession(tokenHash) {
      q.deleteSession.run(tokenHash);
    },
    async appendAudit(entry, hashOf) {
      return appendAudit(entry, hashOf);
    },
    async listAudit(meetingId) {
      return q.audit.all(meetingId).map(toAudit);
    },
    ...lifecycleStorage(db),
    ...consoleStorage(db),
    async close() {
      flushAppends();
      await checkpoints.stop();
      db.close();
    },
  };
  return storage;
}
