// The case annexes on SQLite (case-rows.ts): each write is one transaction that first reads
// the record's state, so no write lands on a record that is no longer a draft.
import type Database from 'better-sqlite3';
import type { AnnexAgreementRow } from '../../shared/cases/annex';
import type { CaseEntry, CaseStage } from '../../shared/cases/case';
import { changeOnSave, type CaseChangeKind } from '../../shared/cases/case-register';
import type { RecordState } from '../../shared/roles';
import type { CaseChangeRow, CaseStorage, FindingDismissalRow, StoredAnnex } from './case-rows';

type Row = Record<string, unknown>;

export const toCaseChange = (r: Row): CaseChangeRow => ({
  seq: Number(r.seq),
  meetingId: r.meeting_id as string,
  documentId: r.document_id as string,
  caseId: r.case_id as string,
  thread: { meetingId: r.thread_meeting_id as string, caseId: r.thread_case_id as string },
  from: (r.from_stage as CaseStage | null) ?? null,
  to: r.to_stage as CaseStage,
  kind: r.kind as CaseChangeKind,
  by: r.by_actor ? { actor: r.by_actor as string, name: (r.by_name as string) ?? '' } : null,
  at: r.at as string,
});
export const toAgreement = (r: Row): AnnexAgreementRow => ({
  party: r.party as string,
  digest: r.digest as string,
  by: r.by_actor as string,
  at: r.at as string,
});
export const toDismissal = (r: Row): FindingDismissalRow => ({
  key: r.finding_key as string,
  byActor: r.by_actor as string,
  byName: r.by_name as string,
  at: r.at as string,
});

/** The annex of one record, read with `db` (inside the lock's transaction when it calls). */
export function readSqliteAnnex(db: Database.Database, documentId: string): StoredAnnex {
  return {
    cases: (db.prepare('SELECT body FROM case_entries WHERE document_id = ? ORDER BY position').all(documentId) as Row[]).map(
      (r) => JSON.parse(r.body as string) as CaseEntry,
    ),
    agreements: (db.prepare('SELECT * FROM case_annex_agreements WHERE document_id = ? ORDER BY seq').all(documentId) as Row[]).map(toAgreement),
    dismissals: (db.prepare('SELECT * FROM finding_dismissals WHERE document_id = ? ORDER BY at, finding_key').all(documentId) as Row[]).map(toDismissal),
  };
}

/** Keeps the annex the lock sealed (or, locked without cases, none), inside the lock's transaction. */
export function sealSqliteAnnex(db: Database.Database, documentId: string, recordHash: string, annexText: string | undefined): void {
  db.prepare('DELETE FROM sealed_case_annexes WHERE document_id = ?').run(documentId);
  if (annexText !== undefined)
    db.prepare('INSERT INTO sealed_case_annexes (document_id, record_hash, body) VALUES (?, ?, ?)').run(documentId, recordHash, annexText);
}

export function sqliteCases(db: Database.Database): CaseStorage {
  const stateOf = (documentId: string) =>
    (db.prepare('SELECT state FROM records WHERE document_id = ?').get(documentId) as { state: RecordState } | undefined)?.state;
  /** Runs `work` in one transaction if the record is a draft. */
  const whileDraft = <T>(documentId: string, work: () => T) =>
    db.transaction(() => {
      const state = stateOf(documentId);
      if (state !== 'draft') return { ok: false as const, state: state ?? 'signed' };
      return { ok: true as const, value: work() };
    })();

  return {
    async listCases(documentId) {
      return readSqliteAnnex(db, documentId).cases;
    },
    async saveCase(meetingId, documentId, entry, by, at) {
      return whileDraft(documentId, () => {
        const stored = db.prepare('SELECT position, body FROM case_entries WHERE document_id = ? AND case_id = ?').get(documentId, entry.id) as Row | undefined;
        const before = stored ? (JSON.parse(stored.body as string) as CaseEntry) : undefined;
        const position = stored
          ? Number(stored.position)
          : Number((db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM case_entries WHERE document_id = ?').get(documentId) as Row).p);
        db.prepare(
          'INSERT INTO case_entries (document_id, case_id, position, body) VALUES (?, ?, ?, ?) ON CONFLICT (document_id, case_id) DO UPDATE SET body = excluded.body',
        ).run(documentId, entry.id, position, JSON.stringify(entry));
        const change = changeOnSave(before, entry);
        if (!change) return null;
        const inserted = db
          .prepare(
            `INSERT INTO case_changes (meeting_id, document_id, case_id, thread_meeting_id, thread_case_id, from_stage, to_stage, kind, by_actor, by_name, at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
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
          );
        return toCaseChange(db.prepare('SELECT * FROM case_changes WHERE seq = ?').get(inserted.lastInsertRowid) as Row);
      });
    },
    async removeCase(documentId, caseId) {
      return whileDraft(documentId, () => db.prepare('DELETE FROM case_entries WHERE document_id = ? AND case_id = ?').run(documentId, caseId).changes === 1);
    },
    async listCaseChanges(meetingIds) {
      if (meetingIds.length === 0) return [];
      const marks = meetingIds.map(() => '?').join(', ');
      return (db.prepare(`SELECT * FROM case_changes WHERE meeting_id IN (${marks}) ORDER BY seq`).all(...meetingIds) as Row[]).map(toCaseChange);
    },
    async agreeCaseAnnex(documentId, a) {
      return whileDraft(documentId, () => {
        db.prepare('INSERT INTO case_annex_agreements (document_id, party, digest, by_actor, at) VALUES (?, ?, ?, ?, ?)').run(
          documentId,
          a.party,
          a.digest,
          a.by,
          a.at,
        );
        return true as const;
      });
    },
    async listCaseAgreements(documentId) {
      return readSqliteAnnex(db, documentId).agreements;
    },
    async dismissFinding(documentId, d) {
      return whileDraft(documentId, () => {
        db.prepare('INSERT INTO finding_dismissals (document_id, finding_key, by_actor, by_name, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
          documentId,
          d.key,
          d.byActor,
          d.byName,
          d.at,
        );
        return true as const;
      });
    },
    async listFindingDismissals(documentId) {
      return readSqliteAnnex(db, documentId).dismissals;
    },
    async copyCases(fromDocumentId, toDocumentId) {
      db.prepare(
        'INSERT INTO case_entries (document_id, case_id, position, body) SELECT ?, case_id, position, body FROM case_entries WHERE document_id = ?',
      ).run(toDocumentId, fromDocumentId);
    },
    async sealedCaseAnnex(documentId) {
      const row = db.prepare('SELECT body FROM sealed_case_annexes WHERE document_id = ?').get(documentId) as Row | undefined;
      return row ? (row.body as string) : null;
    },
  };
}
