// The lifecycle's part of the PostgreSQL storage, step for step as on SQLite: each a
// transaction whose guard (`WHERE state = …`) makes it a compare-and-set.
import type pg from 'pg';
import type { RecordRow, SignatureRow, Storage } from './storage';
import type { Tx } from './postgres';
import { stateVectorOf } from './coverage';

type LifecycleStorage = Pick<
  Storage,
  'getRecordLock' | 'unlockRecord' | 'addSignature' | 'listSignatures' | 'enrolPartyKey' | 'listPartyKeys' | 'addAmendment' | 'listRecords'
>;

const toSignature = (r: Record<string, unknown>): SignatureRow => ({
  id: r.id as string,
  documentId: r.document_id as string,
  party: r.party as string,
  participantId: r.participant_id as string,
  recordHash: r.record_hash as string,
  statement: r.statement as string,
  signature: r.signature as string,
  publicKey: r.public_key as string,
  receivedAt: r.received_at as string,
  voidedAt: (r.voided_at as string | null) ?? null,
});

export function postgresLifecycle(
  pool: pg.Pool,
  tx: <T>(work: (client: Tx) => Promise<T>) => Promise<T>,
  toRecord: (r: Record<string, unknown>) => RecordRow,
): LifecycleStorage {
  return {
    async getRecordLock(documentId) {
      const r = (await pool.query('SELECT * FROM record_locks WHERE document_id = $1', [documentId])).rows[0];
      if (!r) return undefined;
      const state = r.final_state as Buffer;
      return {
        documentId: r.document_id,
        recordHash: r.record_hash,
        canonical: r.canonical,
        finalState: new Uint8Array(state.buffer, state.byteOffset, state.byteLength),
        lockedAt: r.locked_at,
        lockedBy: r.locked_by,
      };
    },
    unlockRecord: (documentId, at) =>
      tx(async (c) => {
        const moved = await c.query("UPDATE records SET state = 'draft', record_hash = NULL WHERE document_id = $1 AND state = 'locked'", [documentId]);
        if (moved.rowCount !== 1) return false;
        await c.query('DELETE FROM record_locks WHERE document_id = $1', [documentId]);
        await c.query('UPDATE signatures SET voided_at = $1 WHERE document_id = $2 AND voided_at IS NULL', [at, documentId]);
        return true;
      }),
    addSignature: (s, completes) =>
      tx(async (c) => {
        const locked = (await c.query("SELECT record_hash FROM records WHERE document_id = $1 AND state = 'locked' FOR UPDATE", [s.documentId])).rows[0];
        if (locked?.record_hash !== s.recordHash) return false;
        const inserted = await c.query(
          `INSERT INTO signatures (id, document_id, party, participant_id, record_hash, statement, signature, public_key, received_at, voided_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
          [s.id, s.documentId, s.party, s.participantId, s.recordHash, s.statement, s.signature, s.publicKey, s.receivedAt, s.voidedAt],
        );
        // Another signature for the party got there first: the unique index says so.
        if (inserted.rowCount !== 1) return false;
        if (completes) await c.query("UPDATE records SET state = 'signed' WHERE document_id = $1 AND state = 'locked'", [s.documentId]);
        return true;
      }),
    async listSignatures(documentId) {
      return (await pool.query('SELECT * FROM signatures WHERE document_id = $1 ORDER BY received_at, position', [documentId])).rows.map(toSignature);
    },
    enrolPartyKey: (k) =>
      tx(async (c) => {
        await c.query('UPDATE party_keys SET replaced_at = $1 WHERE meeting_id = $2 AND party = $3 AND replaced_at IS NULL', [
          k.enrolledAt,
          k.meetingId,
          k.party,
        ]);
        await c.query(
          'INSERT INTO party_keys (meeting_id, party, public_key, fingerprint, enrolled_by, enrolled_at, replaced_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)',
          [k.meetingId, k.party, k.publicKey, k.fingerprint, k.enrolledBy, k.enrolledAt],
        );
      }),
    async listPartyKeys(meetingId) {
      const rows = (await pool.query('SELECT * FROM party_keys WHERE meeting_id = $1 AND replaced_at IS NULL ORDER BY party', [meetingId])).rows;
      return rows.map((r) => ({
        meetingId: r.meeting_id,
        party: r.party,
        publicKey: r.public_key,
        fingerprint: r.fingerprint,
        enrolledBy: r.enrolled_by,
        enrolledAt: r.enrolled_at,
        replacedAt: r.replaced_at,
      }));
    },
    addAmendment: (previous, next, initialState) =>
      tx(async (c) => {
        const moved = await c.query(
          `UPDATE meetings SET current_document_id = $1 WHERE id = $2 AND current_document_id = $3
           AND EXISTS (SELECT 1 FROM records WHERE document_id = $3 AND state = 'signed')`,
          [next.documentId, previous.meetingId, previous.documentId],
        );
        if (moved.rowCount !== 1) return false;
        await c.query(
          'INSERT INTO records (document_id, meeting_id, version, state, record_hash, created_at, snapshot, snapshot_seq, snapshot_state_vector) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)',
          [
            next.documentId,
            next.meetingId,
            next.version,
            next.state,
            next.recordHash,
            next.createdAt,
            Buffer.from(initialState),
            Buffer.from(stateVectorOf(initialState)),
          ],
        );
        return true;
      }),
    async listRecords(meetingId) {
      return (
        await pool.query('SELECT document_id, meeting_id, version, state, record_hash, created_at FROM records WHERE meeting_id = $1 ORDER BY version', [
          meetingId,
        ])
      ).rows.map(toRecord);
    },
  };
}
