// What SQLite keeps of each record's content, and the one judge of writes to it: every
// append is checked, in the transaction that stores it, against the record's state and the
// claims on the client ids it writes under, and a lock reads what is stored and seals it in
// one transaction, so nothing lands in between.
import type Database from 'better-sqlite3';
import { commitAtTurnEnd } from '../turn-end';
import { coveringVector } from './coverage';
import { readSqliteAnnex, sealSqliteAnnex } from './sqlite-cases';
import { sqliteEditWriter } from './sqlite-history';
import { ClaimLedger, clientsOfAll } from './claim-ledger';
import { editFacts } from '../history/edit-facts';
import type { EditAuthor } from './history-rows';
import {
  ClientNotYours,
  CompactionWouldLose,
  RecordNotDraft,
  type RecordHead,
  type LockOutcome,
  type RecordRow,
  type Seal,
  type Storage,
  type StoredRecord,
} from './storage';

type RecordContent = Pick<Storage, 'loadRecord' | 'loadRecordSince' | 'recordHeads' | 'appendUpdates' | 'compactRecord' | 'lockRecord'>;

interface RecordDbRow {
  document_id: string;
  meeting_id: string;
  version: number;
  state: RecordRow['state'];
  record_hash: string | null;
  created_at: string;
}

export const toRecord = (r: RecordDbRow): RecordRow => ({
  documentId: r.document_id,
  meetingId: r.meeting_id,
  version: r.version,
  state: r.state,
  recordHash: r.record_hash,
  createdAt: r.created_at,
});

export interface SqliteRecords extends RecordContent {
  /** Writes the appends gathered so far; called before anything reads what they store. */
  flush(): void;
}

export function sqliteRecords(db: Database.Database): SqliteRecords {
  const q = {
    head: db.prepare<[string], { snapshot: Buffer | null; snapshot_seq: number; state: RecordRow['state'] }>(
      'SELECT snapshot, snapshot_seq, state FROM records WHERE document_id = ?',
    ),
    // Only columns stored before the snapshot: a column after it is reached by walking the
    // snapshot's overflow pages, and this is read for every record of every batch of appends.
    state: db.prepare<[string], { state: RecordRow['state'] }>('SELECT state FROM records WHERE document_id = ?'),
    snapshotSeq: db.prepare<[string], { snapshot_seq: number }>('SELECT snapshot_seq FROM records WHERE document_id = ?'),
    stored: db.prepare<[string], { snapshot: Buffer | null; snapshot_seq: number; snapshot_state_vector: Buffer | null }>(
      'SELECT snapshot, snapshot_seq, snapshot_state_vector FROM records WHERE document_id = ?',
    ),
    row: db.prepare<[string], RecordDbRow>('SELECT document_id, meeting_id, version, state, record_hash, created_at FROM records WHERE document_id = ?'),
    updatesAfter: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM record_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
    ),
    updatesThrough: db.prepare<[string, number], { data: Buffer }>('SELECT data FROM record_updates WHERE document_id = ? AND seq <= ? ORDER BY seq'),
    lastSeq: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM record_updates WHERE document_id = ?'),
    insertUpdate: db.prepare('INSERT INTO record_updates (document_id, seq, data) VALUES (?, ?, ?)'),
    setSnapshot: db.prepare('UPDATE records SET snapshot = ?, snapshot_seq = ?, snapshot_state_vector = ? WHERE document_id = ?'),
    dropUpdates: db.prepare('DELETE FROM record_updates WHERE document_id = ? AND seq <= ?'),
    toLocked: db.prepare("UPDATE records SET state = 'locked', record_hash = ? WHERE document_id = ? AND state = 'draft'"),
    insertLock: db.prepare(
      `INSERT OR REPLACE INTO record_locks (document_id, record_hash, canonical, final_state, locked_at, locked_by)
       VALUES (@documentId, @recordHash, @canonical, @finalState, @lockedAt, @lockedBy)`,
    ),
  };

  const lastSeqOf = (documentId: string) => Math.max(q.lastSeq.get(documentId)?.seq ?? 0, q.snapshotSeq.get(documentId)?.snapshot_seq ?? 0);

  /** The stored record after `afterSeq` (everything, from 0). */
  const readSince = (documentId: string, afterSeq: number): StoredRecord => {
    const head = q.stored.get(documentId);
    if (!head) throw new Error(`no record ${documentId}`);
    const fromSnapshot = afterSeq < head.snapshot_seq || afterSeq === 0;
    const rows = q.updatesAfter.all(documentId, fromSnapshot ? head.snapshot_seq : afterSeq);
    const lastSeq = rows.length > 0 ? rows[rows.length - 1]!.seq : Math.max(head.snapshot_seq, fromSnapshot ? 0 : afterSeq);
    const snapshot = fromSnapshot ? head.snapshot : null;
    return { snapshot, snapshotStateVector: snapshot && head.snapshot_state_vector, updates: rows.map((r) => r.data), lastSeq };
  };

  // Sequence numbers continue from what is on disk; kept in memory per record so an
  // append is one INSERT, not a read and a write.
  const nextSeq = new Map<string, number>();

  // Group commit: every append asked for in one turn of the event loop is written in one
  // transaction at the end of the turn, and each caller is answered once it is committed,
  // in time for what it then sends to leave in the same turn (turn-end.ts). The appends
  // are judged and stored in call order, so each record's order holds: a record that is
  // no longer a draft stores nothing, and an append that writes under another
  // participant's client id is refused alone. Sequence numbers are handed out as updates
  // are stored, so a refused append leaves no gap.
  interface Append {
    documentId: string;
    updates: Uint8Array[];
    by: EditAuthor | null;
    resolve: (seq: number) => void;
    reject: (err: unknown) => void;
  }
  /** What became of an append: the last sequence number it took, or why it was refused. */
  type Outcome = number | RecordNotDraft | ClientNotYours;
  interface Batched {
    state: RecordRow['state'];
    lastSeq: number;
    claims: ClaimLedger;
  }
  let pending: Append[] | null = null;
  const history = sqliteEditWriter(db);
  const writeBatch = db.transaction((batch: Append[]): Outcome[] => {
    const records = new Map<string, Batched>();
    const recordOf = (documentId: string): Batched => {
      let record = records.get(documentId);
      if (!record) {
        const head = q.state.get(documentId);
        if (!head) throw new Error(`no record ${documentId}`);
        const lastSeq = nextSeq.get(documentId) ?? lastSeqOf(documentId);
        record = { state: head.state, lastSeq, claims: new ClaimLedger((client) => history.ownerOf(documentId, client)) };
        records.set(documentId, record);
      }
      return record;
    };
    const at = new Date().toISOString();
    const outcomes = batch.map(({ documentId, updates, by }): Outcome => {
      const record = recordOf(documentId);
      if (record.state !== 'draft') return new RecordNotDraft(documentId, record.state);
      const facts = by ? updates.map(editFacts) : [];
      const verdict = record.claims.judge(clientsOfAll(facts), by);
      if ('refused' in verdict) return new ClientNotYours(documentId, verdict.refused);
      updates.forEach((update, i) => {
        q.insertUpdate.run(documentId, ++record.lastSeq, update);
        if (by) history.noteEdit(documentId, record.lastSeq, facts[i]!, by, at);
      });
      if (by) history.claim(documentId, verdict.claims, by, at);
      return record.lastSeq;
    });
    for (const [documentId, { state, lastSeq }] of records) {
      if (state === 'draft') nextSeq.set(documentId, lastSeq);
      else nextSeq.delete(documentId);
    }
    return outcomes;
  });
  const flush = () => {
    const batch = pending;
    pending = null;
    if (!batch) return;
    let outcomes: Outcome[];
    try {
      outcomes = writeBatch(batch);
    } catch (err) {
      // Nothing of the batch is stored: its records' counters are read from disk again.
      for (const { documentId } of batch) nextSeq.delete(documentId);
      for (const a of batch) a.reject(err);
      return;
    }
    batch.forEach((a, i) => {
      const outcome = outcomes[i]!;
      if (typeof outcome === 'number') a.resolve(outcome);
      else a.reject(outcome);
    });
  };
  const append = (documentId: string, updates: Uint8Array[], by: EditAuthor | null = null): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      if (!pending) {
        pending = [];
        commitAtTurnEnd(flush);
      }
      pending.push({ documentId, updates, by, resolve, reject });
    });

  const compact = db.transaction((documentId: string, state: Uint8Array, uptoSeq: number) => {
    const head = q.head.get(documentId);
    if (!head || head.snapshot_seq >= uptoSeq) return;
    const replaced = [...(head.snapshot ? [head.snapshot] : []), ...q.updatesThrough.all(documentId, uptoSeq).map((r) => r.data)];
    const stateVector = coveringVector(state, replaced);
    if (!stateVector) throw new CompactionWouldLose(documentId);
    q.setSnapshot.run(state, uptoSeq, stateVector, documentId);
    q.dropUpdates.run(documentId, uptoSeq);
  });

  const lock = db.transaction((documentId: string, seal: Seal<unknown>) => {
    const row = q.row.get(documentId);
    if (!row) throw new Error(`no record ${documentId}`);
    const record = toRecord(row);
    const verdict = seal(readSince(documentId, 0), record, readSqliteAnnex(db, documentId));
    if ('refused' in verdict) return verdict;
    if (q.toLocked.run(verdict.lock.recordHash, documentId).changes !== 1) throw new Error(`record ${documentId} changed under its lock`);
    const { caseAnnex, ...kept } = verdict.lock;
    const sealed = { documentId, ...kept };
    q.insertLock.run(sealed);
    sealSqliteAnnex(db, documentId, sealed.recordHash, caseAnnex);
    return { locked: { ...record, state: 'locked' as const, recordHash: verdict.lock.recordHash }, lock: sealed };
  });

  return {
    flush,
    async loadRecord(documentId) {
      flush();
      const stored = readSince(documentId, 0);
      nextSeq.set(documentId, stored.lastSeq);
      return stored;
    },
    async loadRecordSince(documentId, afterSeq) {
      flush();
      return readSince(documentId, afterSeq);
    },
    async recordHeads(documentIds) {
      flush();
      const heads = new Map<string, RecordHead>();
      for (const documentId of documentIds) {
        const head = q.state.get(documentId);
        if (head) heads.set(documentId, { state: head.state, lastSeq: lastSeqOf(documentId) });
      }
      return heads;
    },
    appendUpdates: append,
    async compactRecord(documentId, state, uptoSeq) {
      flush();
      compact(documentId, state, uptoSeq);
    },
    async lockRecord<R>(documentId: string, seal: Seal<R>) {
      flush();
      return lock(documentId, seal) as LockOutcome<R>;
    },
  };
}
