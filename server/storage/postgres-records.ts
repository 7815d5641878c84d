// What PostgreSQL keeps of each record's content, shared by every process, and the one
// judge of writes to it. The record's row lock orders everything that changes a record:
// each append takes it and checks, in that transaction, that the record is a draft and
// that no other participant claimed the client ids it writes under (claim-ledger.ts); a lock
// takes it, reads what is stored and seals it, so no append from any process lands in
// between. Appends to one record that arrive together are stored in one transaction.
import type pg from 'pg';
import { commitAtTurnEnd } from '../turn-end';
import { coveringVector } from './coverage';
import type { Tx } from './postgres';
import { readPostgresAnnex, sealPostgresAnnex } from './postgres-cases';
import { notePostgresEdits, type NotedEdit } from './postgres-history';
import { ClaimLedger, clientsOfAll } from './claim-ledger';
import { editFacts } from '../history/edit-facts';
import type { EditAuthor } from './history-rows';
import { ClientNotYours, CompactionWouldLose, RecordNotDraft, type RecordHead, type RecordRow, type Storage, type StoredRecord } from './storage';

type RecordContent = Pick<Storage, 'loadRecord' | 'loadRecordSince' | 'recordHeads' | 'appendUpdates' | 'compactRecord' | 'lockRecord'>;

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

interface Append {
  updates: Uint8Array[];
  by: EditAuthor | null;
  resolve: (lastSeq: number) => void;
  reject: (err: unknown) => void;
}

export function postgresRecords(
  pool: pg.Pool,
  tx: <T>(work: (client: Tx) => Promise<T>, isolation?: string) => Promise<T>,
  toRecord: (r: Record<string, unknown>) => RecordRow,
): RecordContent {
  /** The stored record after `afterSeq` (everything, from 0), read in `c`'s transaction. */
  async function readSince(
    c: Tx,
    documentId: string,
    afterSeq: number,
    head?: { snapshot: Buffer | null; snapshot_seq: string | number; snapshot_state_vector: Buffer | null },
  ): Promise<StoredRecord> {
    head ??= (await c.query('SELECT snapshot, snapshot_seq, snapshot_state_vector FROM records WHERE document_id = $1', [documentId])).rows[0];
    if (!head) throw new Error(`no record ${documentId}`);
    const snapshotSeq = Number(head.snapshot_seq);
    const fromSnapshot = afterSeq === 0 || afterSeq < snapshotSeq;
    const from = fromSnapshot ? snapshotSeq : afterSeq;
    const rows = (await c.query('SELECT seq, data FROM record_updates WHERE document_id = $1 AND seq > $2 ORDER BY seq', [documentId, from])).rows;
    const lastSeq = rows.length > 0 ? Number(rows[rows.length - 1].seq) : Math.max(snapshotSeq, fromSnapshot ? 0 : afterSeq);
    const snapshot = fromSnapshot && head.snapshot ? bytes(head.snapshot) : null;
    const snapshotStateVector = snapshot && head.snapshot_state_vector ? bytes(head.snapshot_state_vector) : null;
    return { snapshot, snapshotStateVector, updates: rows.map((r) => bytes(r.data)), lastSeq };
  }

  /**
   * One transaction for every update of a batch, under the record's row lock; answers, for
   * each append, the last sequence number it took or why it was refused.
   */
  const storeBatch = (documentId: string, appends: Append[]) =>
    tx(async (c): Promise<(number | ClientNotYours)[]> => {
      const head = (await c.query('SELECT state, snapshot_seq FROM records WHERE document_id = $1 FOR UPDATE', [documentId])).rows[0];
      if (!head) throw new Error(`no record ${documentId}`);
      if (head.state !== 'draft') throw new RecordNotDraft(documentId, head.state);
      const facts = appends.map((a) => (a.by ? a.updates.map(editFacts) : []));
      const clients = facts.map(clientsOfAll);
      // Read once the row lock is held: a statement that started before would not see the
      // appends, and the claims, committed by other processes while it waited for it.
      const now = (
        await c.query(
          `SELECT (SELECT MAX(seq) FROM record_updates WHERE document_id = $1) AS last,
             (SELECT json_agg(json_build_array(client_id, participant_id)) FROM record_clients WHERE document_id = $1 AND client_id = ANY($2::bigint[])) AS owners`,
          [documentId, [...new Set(clients.flat())]],
        )
      ).rows[0];
      const stored = new Map<number, string>(((now?.owners ?? []) as [number | string, string][]).map(([client, owner]) => [Number(client), owner]));
      const claims = new ClaimLedger((client) => stored.get(client));
      let seq = Math.max(Number(now?.last ?? 0), Number(head.snapshot_seq));
      const firstSeq = seq + 1;
      const kept: Uint8Array[] = [];
      const edits: NotedEdit[] = [];
      const claimed: [number, EditAuthor][] = [];
      const outcomes = appends.map(({ updates, by }, i) => {
        const verdict = claims.judge(clients[i]!, by);
        if ('refused' in verdict) return new ClientNotYours(documentId, verdict.refused);
        updates.forEach((update, j) => {
          kept.push(update);
          seq++;
          if (by) edits.push({ seq, by, facts: facts[i]![j]! });
        });
        if (by) for (const client of verdict.claims) claimed.push([client, by]);
        return seq;
      });
      if (kept.length > 0)
        await c.query('INSERT INTO record_updates (document_id, seq, data) SELECT $1, s, d FROM unnest($2::bigint[], $3::bytea[]) AS t(s, d)', [
          documentId,
          kept.map((_, i) => firstSeq + i),
          kept.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)),
        ]);
      await notePostgresEdits(c, documentId, edits, claimed);
      return outcomes;
    });

  // This process's appends to one record, in the order they were asked for: those asked in
  // one turn, or while the record's previous batch was being written, go in one
  // transaction. One refused for its client ids fails alone; one that follows an append
  // that failed otherwise fails with it, as its update may depend on the lost one.
  const waiting = new Map<string, Append[]>();
  async function drain(documentId: string): Promise<void> {
    for (let batch = waiting.get(documentId); batch && batch.length > 0; batch = waiting.get(documentId)) {
      waiting.set(documentId, []);
      try {
        const outcomes = await storeBatch(documentId, batch);
        batch.forEach((a, i) => {
          const outcome = outcomes[i]!;
          if (typeof outcome === 'number') a.resolve(outcome);
          else a.reject(outcome);
        });
      } catch (err) {
        const after = waiting.get(documentId) ?? [];
        waiting.set(documentId, []);
        for (const a of [...batch, ...after]) a.reject(err);
      }
    }
    waiting.delete(documentId);
  }

  return {
    loadRecord: (documentId) => tx((c) => readSince(c, documentId, 0), 'REPEATABLE READ'),
    loadRecordSince: (documentId, afterSeq) => tx((c) => readSince(c, documentId, afterSeq), 'REPEATABLE READ'),

    async recordHeads(documentIds) {
      const rows = (
        await pool.query(
          `SELECT r.document_id, r.state, GREATEST(r.snapshot_seq, COALESCE((SELECT MAX(seq) FROM record_updates u WHERE u.document_id = r.document_id), 0)) AS last_seq
           FROM records r WHERE r.document_id = ANY($1)`,
          [documentIds],
        )
      ).rows;
      return new Map<string, RecordHead>(rows.map((r) => [r.document_id as string, { state: r.state, lastSeq: Number(r.last_seq) }]));
    },

    appendUpdates(documentId, updates, by = null) {
      return new Promise<number>((resolve, reject) => {
        const queue = waiting.get(documentId);
        if (queue) return void queue.push({ updates, by, resolve, reject });
        waiting.set(documentId, [{ updates, by, resolve, reject }]);
        commitAtTurnEnd(() => void drain(documentId));
      });
    },

    compactRecord: (documentId, state, uptoSeq) =>
      tx(async (c) => {
        const head = (await c.query('SELECT snapshot, snapshot_seq FROM records WHERE document_id = $1 FOR UPDATE', [documentId])).rows[0];
        if (!head || Number(head.snapshot_seq) >= uptoSeq) return;
        const rows = (await c.query('SELECT data FROM record_updates WHERE document_id = $1 AND seq <= $2 ORDER BY seq', [documentId, uptoSeq])).rows;
        const replaced = [...(head.snapshot ? [bytes(head.snapshot)] : []), ...rows.map((r) => bytes(r.data))];
        const stateVector = coveringVector(state, replaced);
        if (!stateVector) throw new CompactionWouldLose(documentId);
        await c.query('UPDATE records SET snapshot = $2, snapshot_seq = $3, snapshot_state_vector = $4 WHERE document_id = $1', [
          documentId,
          Buffer.from(state),
          uptoSeq,
          Buffer.from(stateVector),
        ]);
        await c.query('DELETE FROM record_updates WHERE document_id = $1 AND seq <= $2', [documentId, uptoSeq]);
      }),

    lockRecord: (documentId, seal) =>
      tx(async (c) => {
        const row = (
          await c.query(
            'SELECT document_id, meeting_id, version, state, record_hash, created_at, snapshot, snapshot_seq, snapshot_state_vector FROM records WHERE document_id = $1 FOR UPDATE',
            [documentId],
          )
        ).rows[0];
        if (!row) throw new Error(`no record ${documentId}`);
        const record = toRecord(row);
        const verdict = seal(await readSince(c, documentId, 0, row), record, await readPostgresAnnex(c, documentId));
        if ('refused' in verdict) return verdict;
        const { caseAnnex, ...lock } = verdict.lock;
        const moved = await c.query("UPDATE records SET state = 'locked', record_hash = $1 WHERE document_id = $2 AND state = 'draft'", [
          lock.recordHash,
          documentId,
        ]);
        if (moved.rowCount !== 1) throw new Error(`record ${documentId} changed under its lock`);
        await c.query(
          `INSERT INTO record_locks (document_id, record_hash, canonical, final_state, locked_at, locked_by) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (document_id) DO UPDATE SET record_hash = EXCLUDED.record_hash, canonical = EXCLUDED.canonical,
             final_state = EXCLUDED.final_state, locked_at = EXCLUDED.locked_at, locked_by = EXCLUDED.locked_by`,
          [documentId, lock.recordHash, lock.canonical, Buffer.from(lock.finalState), lock.lockedAt, lock.lockedBy],
        );
        await sealPostgresAnnex(c, documentId, lock.recordHash, caseAnnex);
        return { locked: { ...record, state: 'locked' as const, recordHash: lock.recordHash }, lock: { documentId, ...lock } };
      }),
  };
}
