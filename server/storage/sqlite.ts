// The embedded default: one SQLite file under DATA_DIR, in WAL mode.
import { sqliteComments } from './sqlite-comments';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry, InvitationRow, MeetingRow, NewAuditEntry, RecordRow, Storage } from './storage';
import { GENESIS_HASH } from './audit-chain';
import { stateVectorOf } from './coverage';
import { lifecycleStorage } from './sqlite-lifecycle';
import { consoleStorage } from './sqlite-console';
import { sqliteCases } from './sqlite-cases';
import { checkpointInBackground } from './sqlite-checkpoints';
import { sqliteRecords, toRecord } from './sqlite-records';
import { sqliteHistory } from './sqlite-history';
import { migrateSqlite } from './migrations/migrate';

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

/** Opens (or makes) the file under `dataDir` and brings its schema up to date (migrations/). */
export async function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'accord.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    await migrateSqlite(db);
  } catch (err) {
    db.close();
    throw err;
  }
  // Checkpoints run in a worker thread, not inside some client's write. Should writes
  // outrun it, the writer checkpoints itself past 10,000 pages (40 MB), as SQLite would at
  // 1,000, finding most pages already copied; the WAL file is cut back to 64 MB after.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  const checkpoints = checkpointInBackground(file, () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });

  const q = {
    insertMeeting: db.prepare('INSERT INTO meetings (id, code, created_at, current_document_id) VALUES (@id, @code, @createdAt, @currentDocumentId)'),
    insertRecord: db.prepare(
      `INSERT INTO records (document_id, meeting_id, version, state, record_hash, created_at, snapshot, snapshot_seq, snapshot_state_vector)
       VALUES (@documentId, @meetingId, @version, @state, @recordHash, @createdAt, @snapshot, 0, @snapshotStateVector)`,
    ),
    meeting: db.prepare<[string], { id: string; code: string; created_at: string; current_document_id: string }>('SELECT * FROM meetings WHERE id = ?'),
    countMeetings: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM meetings'),
    record: db.prepare<[string], Parameters<typeof toRecord>[0]>(
      'SELECT document_id, meeting_id, version, state, record_hash, created_at FROM records WHERE document_id = ?',
    ),
    claimSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    putSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    setting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
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

  const records = sqliteRecords(db);

  const createMeeting = db.transaction((meeting: MeetingRow, record: RecordRow, initialState: Uint8Array, invitations: InvitationRow[]) => {
    q.insertMeeting.run(meeting);
    q.insertRecord.run({ ...record, snapshot: initialState, snapshotStateVector: stateVectorOf(initialState) });
    for (const invitation of invitations) q.insertInvitation.run(invitation);
  });

  const replaceToken = db.transaction((id: string, tokenHash: string) => {
    q.setTokenHash.run(tokenHash, id);
    q.dropSessionsOf.run(id);
  });

  const revoke = db.transaction((id: string, at: string) => {
    q.revoke.run(at, id);
    q.dropSessionsOf.run(id);
  });

  const appendAudit = db.transaction((entry: NewAuditEntry, hashOf: (entry: Omit<AuditEntry, 'hash'>) => string): AuditEntry => {
    const last = q.lastAudit.get(entry.meetingId);
    const sealed = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
    const full: AuditEntry = { ...sealed, hash: hashOf(sealed) };
    q.insertAudit.run({ ...full, detail: JSON.stringify(full.detail) });
    return full;
  });

  const storage: Storage = {
    ...records,
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
      return row && { tokenHash: row.token_hash, invitationId: row.invitation_id, createdAt: row.created_at, expiresAt: row.expires_at };
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
    ...sqliteComments(db),
    ...sqliteCases(db),
    ...sqliteHistory(db, records.flush),
    // One process owns a SQLite file: nothing else runs at the same time.
    exclusively: (_name, task) => task(),
    async claimSetting(key, value) {
      q.claimSetting.run(key, value);
      return q.setting.get(key)!.value;
    },
    async putSetting(key, value) {
      q.putSetting.run(key, value);
    },
    async close() {
      records.flush();
      await checkpoints.stop();
      db.close();
    },
  };
  return storage;
}
