// The lifecycle's part of the SQLite storage: enrolled keys, signatures, unlocks, versions
// (the lock itself reads the record's content: sqlite-records.ts).
// Each method is one transaction whose guard (`WHERE state = …`) makes it a plain
// compare-and-set, portable as it is to PostgreSQL.
import type Database from 'better-sqlite3';
import type { PartyKeyRow, RecordRow, SignatureRow, Storage } from './storage';
import { toRecord } from './sqlite-records';
import { stateVectorOf } from './coverage';

type LifecycleStorage = Pick<
  Storage,
  'getRecordLock' | 'unlockRecord' | 'addSignature' | 'listSignatures' | 'enrolPartyKey' | 'listPartyKeys' | 'addAmendment' | 'listRecords'
>;

interface LockDbRow {
  document_id: string;
  record_hash: string;
  canonical: string;
  final_state: Buffer;
  locked_at: string;
  locked_by: string;
}

interface KeyDbRow {
  meeting_id: string;
  party: string;
  public_key: string;
  fingerprint: string;
  enrolled_by: string;
  enrolled_at: string;
  replaced_at: string | null;
}

interface SignatureDbRow {
  id: string;
  document_id: string;
  party: string;
  participant_id: string;
  record_hash: string;
  statement: string;
  signature: string;
  public_key: string;
  received_at: string;
  voided_at: string | null;
}

export function lifecycleStorage(db: Database.Database): LifecycleStorage {
  const q = {
    lock: db.prepare<[string], LockDbRow>('SELECT * FROM record_locks WHERE document_id = ?'),
    toDraft: db.prepare("UPDATE records SET state = 'draft', record_hash = NULL WHERE document_id = ? AND state = 'locked'"),
    dropLock: db.prepare('DELETE FROM record_locks WHERE document_id = ?'),
    voidSignatures: db.prepare('UPDATE signatures SET voided_at = ? WHERE document_id = ? AND voided_at IS NULL'),
    lockedHash: db.prepare<[string], { record_hash: string | null }>("SELECT record_hash FROM records WHERE document_id = ? AND state = 'locked'"),
    insertSignature: db.prepare(
      `INSERT INTO signatures (id, document_id, party, participant_id, record_hash, statement, signature, public_key, received_at, voided_at)
       VALUES (@id, @documentId, @party, @participantId, @recordHash, @statement, @signature, @publicKey, @receivedAt, @voidedAt)`,
    ),
    toSigned: db.prepare("UPDATE records SET state = 'signed' WHERE document_id = ? AND state = 'locked'"),
    signatures: db.prepare<[string], SignatureDbRow>('SELECT * FROM signatures WHERE document_id = ? ORDER BY received_at, rowid'),
    replaceKey: db.prepare('UPDATE party_keys SET replaced_at = ? WHERE meeting_id = ? AND party = ? AND replaced_at IS NULL'),
    insertKey: db.prepare(
      `INSERT INTO party_keys (meeting_id, party, public_key, fingerprint, enrolled_by, enrolled_at, replaced_at)
       VALUES (@meetingId, @party, @publicKey, @fingerprint, @enrolledBy, @enrolledAt, NULL)`,
    ),
    keys: db.prepare<[string], KeyDbRow>('SELECT * FROM party_keys WHERE meeting_id = ? AND replaced_at IS NULL ORDER BY party'),
    moveCurrent: db.prepare(
      `UPDATE meetings SET current_document_id = ? WHERE id = ? AND current_document_id = ?
       AND EXISTS (SELECT 1 FROM records WHERE document_id = ? AND state = 'signed')`,
    ),
    insertRecord: db.prepare(
      `INSERT INTO records (document_id, meeting_id, version, state, record_hash, created_at, snapshot, snapshot_seq, snapshot_state_vector)
       VALUES (@documentId, @meetingId, @version, @state, @recordHash, @createdAt, @snapshot, 0, @snapshotStateVector)`,
    ),
    records: db.prepare<[string], Parameters<typeof toRecord>[0]>(
      'SELECT document_id, meeting_id, version, state, record_hash, created_at FROM records WHERE meeting_id = ? ORDER BY version',
    ),
  };

  const unlock = db.transaction((documentId: string, at: string): boolean => {
    if (q.toDraft.run(documentId).changes !== 1) return false;
    q.dropLock.run(documentId);
    q.voidSignatures.run(at, documentId);
    return true;
  });

  const sign = db.transaction((s: SignatureRow, completes: boolean): boolean => {
    if (q.lockedHash.get(s.documentId)?.record_hash !== s.recordHash) return false;
    try {
      q.insertSignature.run(s);
    } catch (err) {
      // Another signature for the party got there first: the unique index says so.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw err;
    }
    if (completes) q.toSigned.run(s.documentId);
    return true;
  });

  const enrol = db.transaction((k: PartyKeyRow) => {
    q.replaceKey.run(k.enrolledAt, k.meetingId, k.party);
    q.insertKey.run(k);
  });

  const amend = db.transaction((previous: RecordRow, next: RecordRow, initialState: Uint8Array): boolean => {
    const moved = q.moveCurrent.run(next.documentId, previous.meetingId, previous.documentId, previous.documentId);
    if (moved.changes !== 1) return false;
    q.insertRecord.run({ ...next, snapshot: initialState, snapshotStateVector: stateVectorOf(initialState) });
    return true;
  });

  return {
    async getRecordLock(documentId) {
      const row = q.lock.get(documentId);
      return (
        row && {
          documentId: row.document_id,
          recordHash: row.record_hash,
          canonical: row.canonical,
          finalState: new Uint8Array(row.final_state),
          lockedAt: row.locked_at,
          lockedBy: row.locked_by,
        }
      );
    },
    async unlockRecord(documentId, at) {
      return unlock(documentId, at);
    },
    async addSignature(signature, completes) {
      return sign(signature, completes);
    },
    async listSignatures(documentId) {
      return q.signatures.all(documentId).map((r) => ({
        id: r.id,
        documentId: r.document_id,
        party: r.party,
        participantId: r.participant_id,
        recordHash: r.record_hash,
        statement: r.statement,
        signature: r.signature,
        publicKey: r.public_key,
        receivedAt: r.received_at,
        voidedAt: r.voided_at,
      }));
    },
    async enrolPartyKey(key) {
      enrol(key);
    },
    async listPartyKeys(meetingId) {
      return q.keys.all(meetingId).map((r) => ({
        meetingId: r.meeting_id,
        party: r.party,
        publicKey: r.public_key,
        fingerprint: r.fingerprint,
        enrolledBy: r.enrolled_by,
        enrolledAt: r.enrolled_at,
        replacedAt: r.replaced_at,
      }));
    },
    async addAmendment(previous, next, initialState) {
      return amend(previous, next, initialState);
    },
    async listRecords(meetingId) {
      return q.records.all(meetingId).map(toRecord);
    },
  };
}
