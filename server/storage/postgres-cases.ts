// The case annexes on PostgreSQL, call for call as on SQLite (sqlite-cases.ts). Each write
// takes the record's row lock (the one appends and the lock take) and checks it is a draft.
import type pg from 'pg';
import type { CaseEntry } from '../../shared/cases/case';
import { changeOnSave } from '../../shared/cases/case-register';
import type { RecordState } from '../../shared/roles';
import type { CaseStorage, CaseWrite, StoredAnnex } from './case-rows';
import type { Tx } from './postgres';
import { toAgreement, toCaseChange, toDismissal } from './sqlite-cases';

type Row = Record<string, unknown>;
type Queryable = Pick<pg.Pool, 'query'> | Tx;

/** The annex of one record, read with `c` (inside the lock's transaction when it calls). */
export async function readPostgresAnnex(c: Queryable, documentId: string): Promise<StoredAnnex> {
  const rows = async (sql: string) => (await c.query(sql, [documentId])).rows as Row[];
  return {
    cases: (await rows('SELECT body FROM case_entries WHERE document_id = $1 ORDER BY position')).map((r) => JSON.parse(r.body as string) as CaseEntry),
    agreements: (await rows('SELECT * FROM case_annex_agreements WHERE document_id = $1 ORDER BY seq')).map(toAgreement),
    dismissals: (await rows('SELECT * FROM finding_dismissals WHERE document_id = $1 ORDER BY at, finding_key')).map(toDismissal),
  };
}

/** Keeps the annex the lock sealed (or, locked without cases, none), inside the lock's transaction. */
export async function sealPostgresAnnex(c: Queryable, documentId: string, recordHash: string, annexText: string | undefined): Promise<void> {
  await c.query('DELETE FROM sealed_case_annexes WHERE document_id = $1', [documentId]);
  if (annexText !== undefined)
    await c.query('INSERT INTO sealed_case_annexes (document_id, record_hash, body) VALUES ($1, $2, $3)', [documentId, recordHash, annexText]);
}

export function postgresCases(pool: pg.Pool, tx: <T>(work: (client: Tx) => Promise<T>) => Promise<T>): CaseStorage {
  const whileDraft = <T>(documentId: string, work: (c: Tx) => Promise<T>): Promise<CaseWrite<T>> =>
    tx(async (c) => {
      const state = (await c.query('SELECT state FROM records WHERE document_id = $1 FOR UPDATE', [documentId])).rows[0]?.state as RecordState | undefined;
      if (state !== 'draft') return { ok: false as const, state: state ?? 'signed' };
      return { ok: true as const, value: await work(c) };
    });

  return {
    async listCases(documentId) {
      return (await readPostgresAnnex(pool, documentId)).cases;
    },
    saveCase: (meetingId, documentId, entry, by, at) =>
      whileDraft(documentId, async (c) => {
        const stored = (await c.query('SELECT position, body FROM case_entries WHERE document_id = $1 AND case_id = $2', [documentId, entry.id])).rows[0] as
          | Row
          | undefined;
        const before = stored ? (JSON.parse(stored.body as string) as CaseEntry) : undefined;
        const position = stored
          ? Number(stored.position)
          : Number((await c.query('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM case_entries WHERE document_id = $1', [documentId])).rows[0].p);
        await c.query(
          'INSERT INTO case_entries (document_id, case_id, position, body) VALUES ($1, $2, $3, $4) ON CONFLICT (document_id, case_id) DO UPDATE SET body = EXCLUDED.body',
          [documentId, entry.id, position, JSON.stringify(entry)],
        );
        const change = changeOnSave(before, entry);
        if (!change) return null;
        const inserted = await c.query(
          `INSERT INTO case_changes (meeting_id, document_id, case_id, thread_meeting_id, thread_case_id, from_stage, to_stage, kind, by_actor, by_name, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
          [
            meetingId,
            documentId,
            entry.id,
            entry.thread.meetingId,
            entry.thread.caseId,
            change.from,
            entry.stage,
            change.kind,
            by?.actor ?? null,
            by?.name ?? null,
            at,
          ],
        );
        return toCaseChange(inserted.rows[0] as Row);
      }),
    removeCase: (documentId, caseId) =>
      whileDraft(
        documentId,
        async (c) => (await c.query('DELETE FROM case_entries WHERE document_id = $1 AND case_id = $2', [documentId, caseId])).rowCount === 1,
      ),
    async listCaseChanges(meetingIds) {
      if (meetingIds.length === 0) return [];
      return ((await pool.query('SELECT * FROM case_changes WHERE meeting_id = ANY($1) ORDER BY seq', [meetingIds])).rows as Row[]).map(toCaseChange);
    },
    agreeCaseAnnex: (documentId, a) =>
      whileDraft(documentId, async (c) => {
        await c.query('INSERT INTO case_annex_agreements (document_id, party, digest, by_actor, at) VALUES ($1, $2, $3, $4, $5)', [
          documentId,
          a.party,
          a.digest,
          a.by,
          a.at,
        ]);
        return true as const;
      }),
    async listCaseAgreements(documentId) {
      return (await readPostgresAnnex(pool, documentId)).agreements;
    },
    dismissFinding: (documentId, d) =>
      whileDraft(documentId, async (c) => {
        await c.query('INSERT INTO finding_dismissals (document_id, finding_key, by_actor, by_name, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
          documentId,
          d.key,
          d.byActor,
          d.byName,
          d.at,
        ]);
        return true as const;
      }),
    async listFindingDismissals(documentId) {
      return (await readPostgresAnnex(pool, documentId)).dismissals;
    },
    async copyCases(fromDocumentId, toDocumentId) {
      await pool.query(
        'INSERT INTO case_entries (document_id, case_id, position, body) SELECT $1, case_id, position, body FROM case_entries WHERE document_id = $2',
        [toDocumentId, fromDocumentId],
      );
    },
    async sealedCaseAnnex(documentId) {
      const row = (await pool.query('SELECT body FROM sealed_case_annexes WHERE document_id = $1', [documentId])).rows[0] as Row | undefined;
      return row ? (row.body as string) : null;
    },
  };
}
