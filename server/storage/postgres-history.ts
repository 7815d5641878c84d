// PostgreSQL's side of the record's history (history-rows.ts): edits and claims are judged
// and written in the append's own transaction (postgres-records.ts calls `notePostgresEdits`).
import type pg from 'pg';
import type { EditFacts } from '../history/edit-facts';
import { EDITORS_SQL, VERSION_COLUMNS, toClaim, toEdit, toEditor, toVersion, type EditAuthor, type HistoryStorage } from './history-rows';

/** One stored update's author and what it deleted, read from its bytes once. */
export interface NotedEdit {
  seq: number;
  by: EditAuthor;
  facts: EditFacts;
}

/** Keeps stored updates' authors and the client ids they claim first, inside the append's transaction. */
export async function notePostgresEdits(c: pg.PoolClient, documentId: string, edits: NotedEdit[], claims: [number, EditAuthor][]): Promise<void> {
  const at = new Date().toISOString();
  if (edits.length > 0)
    await c.query(
      `INSERT INTO record_edits (document_id, seq, participant_id, party, name, at, deletes)
       SELECT $1, s, p, y, n, $2, d FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(s, p, y, n, d)
       ON CONFLICT (document_id, seq) DO NOTHING`,
      [
        documentId,
        at,
        edits.map((e) => e.seq),
        edits.map((e) => e.by.participantId),
        edits.map((e) => e.by.party),
        edits.map((e) => e.by.name),
        edits.map((e) => JSON.stringify(e.facts.deletes)),
      ],
    );
  if (claims.length > 0)
    await c.query(
      `INSERT INTO record_clients (document_id, client_id, participant_id, party, name, first_seen)
       SELECT $1, i, p, y, n, $2 FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[]) AS t(i, p, y, n)
       ON CONFLICT (document_id, client_id) DO NOTHING`,
      [documentId, at, claims.map((l) => l[0]), claims.map((l) => l[1].participantId), claims.map((l) => l[1].party), claims.map((l) => l[1].name)],
    );
}

export function postgresHistory(pool: pg.Pool): HistoryStorage {
  const CLAIM = 'SELECT client_id, participant_id, party, name, first_seen FROM record_clients WHERE document_id = $1';
  return {
    async clientClaims(documentId, clientIds) {
      return (await pool.query(`${CLAIM} AND client_id = ANY($2::bigint[])`, [documentId, clientIds])).rows.map(toClaim);
    },
    async listClientClaims(documentId) {
      return (await pool.query(CLAIM, [documentId])).rows.map(toClaim);
    },
    async listEdits(documentId, afterSeq, uptoSeq, deletionsOnly = false) {
      const sql = `SELECT seq, participant_id, party, name, at, deletes FROM record_edits WHERE document_id = $1 AND seq > $2 AND seq <= $3${deletionsOnly ? " AND deletes <> '[]'" : ''} ORDER BY seq`;
      return (await pool.query(sql, [documentId, afterSeq, uptoSeq])).rows.map(toEdit);
    },
    async listEditors(documentId, afterSeq, uptoSeq) {
      return (
        await pool.query(
          EDITORS_SQL((n) => `$${n}`),
          [documentId, afterSeq, uptoSeq],
        )
      ).rows.map(toEditor);
    },
    async addVersion(v) {
      await pool.query(
        `INSERT INTO record_versions (id, document_id, seq, kind, name, at, by_participant, by_party, by_name, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [v.id, v.documentId, v.seq, v.kind, v.name, v.at, v.by?.participantId ?? null, v.by?.party ?? null, v.by?.name ?? null, Buffer.from(v.state)],
      );
    },
    async listVersions(documentId) {
      return (await pool.query(`SELECT ${VERSION_COLUMNS} FROM record_versions WHERE document_id = $1 ORDER BY at, id`, [documentId])).rows.map(toVersion);
    },
    async lastVersionAt(documentId) {
      return ((await pool.query('SELECT MAX(at) AS at FROM record_versions WHERE document_id = $1', [documentId])).rows[0]?.at as string | null) ?? null;
    },
    async versionState(documentId, versionId) {
      const row = (await pool.query(`SELECT ${VERSION_COLUMNS}, state FROM record_versions WHERE document_id = $1 AND id = $2`, [documentId, versionId]))
        .rows[0];
      return row && { version: toVersion(row), state: new Uint8Array(row.state as Buffer) };
    },
  };
}
