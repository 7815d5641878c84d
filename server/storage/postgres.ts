// The scale-out storage: PostgreSQL, shared by several Accord processes. Every step that
// must not interleave with another process's takes a row lock or an advisory lock inside
// one transaction; the lifecycle's steps are guarded compare-and-sets, as on SQLite.
import pg from 'pg';
import type { AuditEntry, InvitationRow, RecordRow, Storage, StoredRecord } from './storage';
import { GENESIS_HASH } from './audit-chain';
import { postgresSchema } from './postgres-schema';
import { postgresLifecycle } from './postgres-lifecycle';
import { postgresConsole } from './postgres-console';

export type Tx = pg.PoolClient;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const toRecord = (r: Record<string, unknown>): RecordRow => ({
  documentId: r.document_id as string,
  meetingId: r.meeting_id as string,
  version: Number(r.version),
  state: r.state as RecordRow['state'],
  recordHash: (r.record_hash as string | null) ?? null,
  createdAt: r.created_at as string,
});

const toInvitation = (r: Record<string, unknown>): InvitationRow => ({
  id: r.id as string,
  meetingId: r.meeting_id as string,
  participantId: r.participant_id as string,
  role: r.role as InvitationRow['role'],
  party: r.party as string,
  name: r.name as string,
  tokenHash: r.token_hash as string,
  createdAt: r.created_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
  firstUsedAt: (r.first_used_at as string | null) ?? null,
});

const toAudit = (r: Record<string, unknown>): AuditEntry => ({
  meetingId: r.meeting_id as string,
  seq: Number(r.seq),
  at: r.at as string,
  actor: r.actor as string,
  action: r.action as string,
  detail: JSON.parse(r.detail as string) as Record<string, unknown>,
  prevHash: r.prev_hash as string,
  hash: r.hash as string,
});

const bytes = (b: Buffer | null): Uint8Array | null => (b ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : null);

export async function openPostgresStorage(url: string, schema = 'accord'): Promise<Storage> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a usable schema name`);
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  const setup = await pool.connect();
  try {
    // One process creates the tables at a time.
    await setup.query('SELECT pg_advisory_lock(hashtext($1))', [`accord-schema-${schema}`]);
    await setup.query(postgresSchema(schema));
    await setup.query('SELECT pg_advisory_unlock(hashtext($1))', [`accord-schema-${schema}`]);
  } finally {
    setup.release();
  }

  async function tx<T>(work: (client: Tx) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  // This process's appends to one record, one transaction after the other in the order they
  // were asked for (the pool would otherwise let a later one take the row lock first); one
  // that follows a failed append fails with it, as its update may depend on the lost one.
  const appending = new Map<string, Promise<number>>();
  function appendsInOrder(documentId: string, append: () => Promise<number>): Promise<number> {
    const before = appending.get(documentId);
    const mine = before ? before.then(append) : append();
    appending.set(documentId, mine);
    const forget = () => {
      if (appending.get(documentId) === mine) appending.delete(documentId);
    };
    mine.then(forget, forget);
    return mine;
  }
  const one = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as Record<string, unknown> | undefined;

  return {
    loadRecord: (documentId) =>
      tx(async (c): Promise<StoredRecord> => {
        const head = (await c.query('SELECT snapshot, snapshot_seq FROM records WHERE document_id = $1', [documentId])).rows[0];
        if (!head) throw new Error(`no record ${documentId}`);
        const rows = (await c.query('SELECT seq, data FROM record_updates WHERE document_id = $1 AND seq > $2 ORDER BY seq', [documentId, head.snapshot_seq])).rows;
        const lastSeq = rows.length > 0 ? Number(rows[rows.length - 1].seq) : Number(head.snapshot_seq);
        return { snapshot: bytes(head.snapshot), updates: rows.map((r) => bytes(r.data)!), lastSeq };
      }, 'REPEATABLE READ'),

    appendUpdates: (documentId, updates) =>
      appendsInOrder(documentId, () =>
        tx(async (c) => {
          // The record's row lock orders appends from every process.
          const head = (await c.query('SELECT snapshot_seq FROM records WHERE document_id = $1 FOR UPDATE', [documentId])).rows[0];
          if (!head) throw new Error(`no record ${documentId}`);
          const max = (await c.query('SELECT MAX(seq) AS seq FROM record_updates WHERE document_id = $1', [documentId])).rows[0];
          let seq = Math.max(Number(max?.seq ?? 0), Number(head.snapshot_seq));
          for (const update of updates) await c.query('INSERT INTO record_updates (document_id, seq, data) VALUES ($1, $2, $3)', [documentId, ++seq, Buffer.from(update)]);
          return seq;
        }),
      ),

    compactRecord: (documentId, state, uptoSeq) =>
      tx(async (c) => {
        const moved = await c.query('UPDATE records SET snapshot = $2, snapshot_seq = $3 WHERE document_id = $1 AND snapshot_seq < $3', [documentId, Buffer.from(state), uptoSeq]);
        if (moved.rowCount === 1) await c.query('DELETE FROM record_updates WHERE document_id = $1 AND seq <= $2', [documentId, uptoSeq]);
      }),

    createMeeting: (meeting, record, initialState, invitations) =>
      tx(async (c) => {
        await c.query('INSERT INTO meetings (id, code, created_at, current_document_id) VALUES ($1, $2, $3, $4)', [meeting.id, meeting.code, meeting.createdAt, meeting.currentDocumentId]);
        await c.query(
          'INSERT INTO records (document_id, meeting_id, version, state, record_hash, created_at, snapshot, snapshot_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, 0)',
          [record.documentId, record.meetingId, record.version, record.state, record.recordHash, record.createdAt, Buffer.from(initialState)],
        );
        for (const i of invitations)
          await c.query(
            'INSERT INTO invitations (id, meeting_id, participant_id, role, party, name, token_hash, created_at, revoked_at, first_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
            [i.id, i.meetingId, i.participantId, i.role, i.party, i.name, i.tokenHash, i.createdAt, i.revokedAt, i.firstUsedAt],
          );
      }),
    async getMeeting(id) {
      const r = await one('SELECT * FROM meetings WHERE id = $1', [id]);
      return r && { id: r.id as string, code: r.code as string, createdAt: r.created_at as string, currentDocumentId: r.current_document_id as string };
    },
    async countMeetings() {
      return Number((await one('SELECT COUNT(*) AS n FROM meetings', []))?.n ?? 0);
    },
    async getRecord(documentId) {
      const r = await one('SELECT document_id, meeting_id, version, state, record_hash, created_at FROM records WHERE document_id = $1', [documentId]);
      return r && toRecord(r);
    },

    async findInvitationByTokenHash(tokenHash) {
      const r = await one('SELECT * FROM invitations WHERE token_hash = $1', [tokenHash]);
      return r && toInvitation(r);
    },
    async getInvitation(id) {
      const r = await one('SELECT * FROM invitations WHERE id = $1', [id]);
      return r && toInvitation(r);
    },
    async listInvitations(meetingId) {
      return (await pool.query('SELECT * FROM invitations WHERE meeting_id = $1 ORDER BY position', [meetingId])).rows.map(toInvitation);
    },
    async markInvitationUsed(id, at) {
      await pool.query('UPDATE invitations SET first_used_at = $1 WHERE id = $2 AND first_used_at IS NULL', [at, id]);
    },
    replaceInvitationToken: (id, tokenHash) =>
      tx(async (c) => {
        await c.query('UPDATE invitations SET token_hash = $1 WHERE id = $2 AND revoked_at IS NULL', [tokenHash, id]);
        await c.query('DELETE FROM sessions WHERE invitation_id = $1', [id]);
      }),
    revokeInvitation: (id, at) =>
      tx(async (c) => {
        await c.query('UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
        await c.query('DELETE FROM sessions WHERE invitation_id = $1', [id]);
      }),

    async createSession(s) {
      await pool.query('INSERT INTO sessions (token_hash, invitation_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [s.tokenHash, s.invitationId, s.createdAt, s.expiresAt]);
    },
    async findSession(tokenHash) {
      const r = await one('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
      return r && { tokenHash: r.token_hash as string, invitationId: r.invitation_id as string, createdAt: r.created_at as string, expiresAt: r.expires_at as string };
    },
    async deleteSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },

    appendAudit: (entry, hashOf) =>
      tx(async (c) => {
        // One writer per meeting's chain at a time, across processes.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`accord-audit-${entry.meetingId}`]);
        const last = (await c.query('SELECT seq, hash FROM audit_log WHERE meeting_id = $1 ORDER BY seq DESC LIMIT 1', [entry.meetingId])).rows[0];
        const sealed = { ...entry, seq: Number(last?.seq ?? 0) + 1, prevHash: (last?.hash as string | undefined) ?? GENESIS_HASH };
        const full: AuditEntry = { ...sealed, hash: hashOf(sealed) };
        await c.query(
          'INSERT INTO audit_log (meeting_id, seq, at, actor, action, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [full.meetingId, full.seq, full.at, full.actor, full.action, JSON.stringify(full.detail), full.prevHash, full.hash],
        );
        return full;
      }),
    async listAudit(meetingId) {
      return (await pool.query('SELECT * FROM audit_log WHERE meeting_id = $1 ORDER BY seq', [meetingId])).rows.map(toAudit);
    },

    ...postgresLifecycle(pool, tx, toRecord),
    ...postgresConsole(pool, tx),

    async close() {
      await pool.end();
    },
  };
}
