// The scale-out storage: PostgreSQL, shared by several Accord processes. Every step that
// must not interleave with another process's takes a row lock or an advisory lock inside
// one transaction; the lifecycle's steps are guarded compare-and-sets, as on SQLite.
import { postgresComments } from './postgres-comments';
import pg from 'pg';
import type { AuditEntry, InvitationRow, RecordRow, Storage } from './storage';
import { GENESIS_HASH } from './audit-chain';
import { migratePostgres } from './migrations/migrate';
import { stateVectorOf } from './coverage';
import { postgresLifecycle } from './postgres-lifecycle';
import { postgresConsole } from './postgres-console';
import { postgresCases } from './postgres-cases';
import { postgresRecords } from './postgres-records';
import { postgresHistory } from './postgres-history';

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

export async function openPostgresStorage(url: string, schema = 'accord'): Promise<Storage> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a usable schema name`);
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  try {
    const setup = await pool.connect();
    try {
      // One process migrates the schema at a time (the Migrator also locks, for one process
      // per database; this lock is per schema and covers making the schema itself).
      await setup.query('SELECT pg_advisory_lock(hashtext($1))', [`accord-schema-${schema}`]);
      try {
        await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await migratePostgres(pool, schema);
      } finally {
        await setup.query('SELECT pg_advisory_unlock(hashtext($1))', [`accord-schema-${schema}`]);
      }
    } finally {
      setup.release();
    }
  } catch (err) {
    // Released first: ending the pool waits for every client it lent.
    await pool.end();
    throw err;
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
  const one = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as Record<string, unknown> | undefined;

  return {
    ...postgresRecords(pool, tx, toRecord),

    createMeeting: (meeting, record, initialState, invitations) =>
      tx(async (c) => {
        await c.query('INSERT INTO meetings (id, code, created_at, current_document_id) VALUES ($1, $2, $3, $4)', [
          meeting.id,
          meeting.code,
          meeting.createdAt,
          meeting.currentDocumentId,
        ]);
        await c.query(
          'INSERT INTO records (document_id, meeting_id, version, state, record_hash, created_at, snapshot, snapshot_seq, snapshot_state_vector) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)',
          [
            record.documentId,
            record.meetingId,
            record.version,
            record.state,
            record.recordHash,
            record.createdAt,
            Buffer.from(initialState),
            Buffer.from(stateVectorOf(initialState)),
          ],
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
      await pool.query('INSERT INTO sessions (token_hash, invitation_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        s.tokenHash,
        s.invitationId,
        s.createdAt,
        s.expiresAt,
      ]);
    },
    async findSession(tokenHash) {
      const r = await one('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
      return (
        r && {
          tokenHash: r.token_hash as string,
          invitationId: r.invitation_id as string,
          createdAt: r.created_at as string,
          expiresAt: r.expires_at as string,
        }
      );
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
        await c.query('INSERT INTO audit_log (meeting_id, seq, at, actor, action, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          full.meetingId,
          full.seq,
          full.at,
          full.actor,
          full.action,
          JSON.stringify(full.detail),
          full.prevHash,
          full.hash,
        ]);
        return full;
      }),
    async listAudit(meetingId) {
      return (await pool.query('SELECT * FROM audit_log WHERE meeting_id = $1 ORDER BY seq', [meetingId])).rows.map(toAudit);
    },

    ...postgresLifecycle(pool, tx, toRecord),
    ...postgresConsole(pool, tx),
    ...postgresComments(pool),
    ...postgresCases(pool, tx),
    ...postgresHistory(pool),

    async exclusively(name, task) {
      // A session-level advisory lock on a connection of its own, held for the whole task.
      const client = await pool.connect();
      const key = `accord-${schema}-${name}`;
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
        return await task();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
        client.release();
      }
    },
    async claimSetting(key, value) {
      await pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
      return (await one('SELECT value FROM settings WHERE key = $1', [key]))!.value as string;
    },
    async putSetting(key, value) {
      await pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
    },

    async close() {
      await pool.end();
    },
  };
}
