// SQLite's side of the record's history (history-rows.ts): edits and claims are judged and
// written by the append's own transaction (sqlite-records.ts calls `sqliteEditWriter`),
// versions here.
import type Database from 'better-sqlite3';
import type { EditFacts } from '../history/edit-facts';
import {
  EDITORS_SQL,
  VERSION_COLUMNS,
  toClaim,
  toEdit,
  toEditor,
  toVersion,
  type ClaimDbRow,
  type EditAuthor,
  type EditDbRow,
  type HistoryStorage,
  type VersionDbRow,
} from './history-rows';

/**
 * Who owns a record's client ids, and what an accepted append keeps with each of its
 * updates (its author, what it deleted) and of the client ids it claims first; call it
 * inside the append's transaction.
 */
export function sqliteEditWriter(db: Database.Database) {
  const insertEdit = db.prepare(
    'INSERT OR REPLACE INTO record_edits (document_id, seq, participant_id, party, name, at, deletes) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertClaim = db.prepare(
    'INSERT OR IGNORE INTO record_clients (document_id, client_id, participant_id, party, name, first_seen) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const owner = db.prepare<[string, number], { participant_id: string }>('SELECT participant_id FROM record_clients WHERE document_id = ? AND client_id = ?');
  return {
    ownerOf: (documentId: string, client: number): string | undefined => owner.get(documentId, client)?.participant_id,
    noteEdit(documentId: string, seq: number, facts: EditFacts, by: EditAuthor, at: string): void {
      insertEdit.run(documentId, seq, by.participantId, by.party, by.name, at, JSON.stringify(facts.deletes));
    },
    claim(documentId: string, clients: readonly number[], by: EditAuthor, at: string): void {
      for (const client of clients) insertClaim.run(documentId, client, by.participantId, by.party, by.name, at);
    },
  };
}

export function sqliteHistory(db: Database.Database, flush: () => void): HistoryStorage {
  const q = {
    claims: db.prepare<[string], ClaimDbRow>('SELECT client_id, participant_id, party, name, first_seen FROM record_clients WHERE document_id = ?'),
    claim: db.prepare<[string, number], ClaimDbRow>(
      'SELECT client_id, participant_id, party, name, first_seen FROM record_clients WHERE document_id = ? AND client_id = ?',
    ),
    edits: db.prepare<[string, number, number, number], EditDbRow>(
      "SELECT seq, participant_id, party, name, at, deletes FROM record_edits WHERE document_id = ? AND seq > ? AND seq <= ? AND (? = 0 OR deletes <> '[]') ORDER BY seq",
    ),
    editors: db.prepare<[string, number, number], Parameters<typeof toEditor>[0]>(EDITORS_SQL(() => '?')),
    insertVersion: db.prepare(
      `INSERT INTO record_versions (id, document_id, seq, kind, name, at, by_participant, by_party, by_name, state)
       VALUES (@id, @documentId, @seq, @kind, @name, @at, @byParticipant, @byParty, @byName, @state)`,
    ),
    versions: db.prepare<[string], VersionDbRow>(`SELECT ${VERSION_COLUMNS} FROM record_versions WHERE document_id = ? ORDER BY at, rowid`),
    lastAt: db.prepare<[string], { at: string | null }>('SELECT MAX(at) AS at FROM record_versions WHERE document_id = ?'),
    version: db.prepare<[string, string], VersionDbRow & { state: Buffer }>(
      `SELECT ${VERSION_COLUMNS}, state FROM record_versions WHERE document_id = ? AND id = ?`,
    ),
  };
  return {
    async clientClaims(documentId, clientIds) {
      flush();
      return clientIds.flatMap((id) => {
        const row = q.claim.get(documentId, id);
        return row ? [toClaim(row)] : [];
      });
    },
    async listClientClaims(documentId) {
      flush();
      return q.claims.all(documentId).map(toClaim);
    },
    async listEdits(documentId, afterSeq, uptoSeq, deletionsOnly = false) {
      flush();
      return q.edits.all(documentId, afterSeq, uptoSeq, deletionsOnly ? 1 : 0).map(toEdit);
    },
    async listEditors(documentId, afterSeq, uptoSeq) {
      flush();
      return q.editors.all(documentId, afterSeq, uptoSeq).map(toEditor);
    },
    async addVersion(v) {
      q.insertVersion.run({ ...v, byParticipant: v.by?.participantId ?? null, byParty: v.by?.party ?? null, byName: v.by?.name ?? null });
    },
    async listVersions(documentId) {
      return q.versions.all(documentId).map(toVersion);
    },
    async lastVersionAt(documentId) {
      return q.lastAt.get(documentId)?.at ?? null;
    },
    async versionState(documentId, versionId) {
      const row = q.version.get(documentId, versionId);
      return row && { version: toVersion(row), state: new Uint8Array(row.state) };
    },
  };
}
