// What Accord keeps of the case annexes, beside the records and never inside the shared
// document (observers receive that): each record version's cases, their stage changes
// across the series, each party's agreement of the annex, and the personal-data findings
// the secretariat dismissed. Part of the one Storage interface. Every write checks, in
// its transaction, that the record is still a draft; the lock reads all of it in its own.
import type { AnnexAgreementRow } from '../../shared/cases/annex';
import type { CaseEntry } from '../../shared/cases/case';
import type { CaseChange } from '../../shared/cases/case-register';
import type { RecordState } from '../../shared/roles';

export interface CaseChangeRow extends CaseChange {
  seq: number;
  documentId: string;
}

export interface FindingDismissalRow {
  /** Where the finding is and what it says: shared/record/personal-data-blockers.ts. */
  key: string;
  byActor: string;
  byName: string;
  at: string;
}

/** The annex as the lock reads it, in the transaction that takes the lock. */
export interface StoredAnnex {
  cases: CaseEntry[];
  agreements: AnnexAgreementRow[];
  dismissals: FindingDismissalRow[];
}

export type CaseWrite<T> = { ok: true; value: T } | { ok: false; state: RecordState };

export interface CaseStorage {
  listCases(documentId: string): Promise<CaseEntry[]>;
  /**
   * Stores the case (added at the end of the annex, or replaced where it stands) and, where
   * its stage is new or changed, a change in the history under `by`, in meeting `meetingId`.
   */
  saveCase(
    meetingId: string,
    documentId: string,
    entry: CaseEntry,
    by: { actor: string; name: string } | null,
    at: string,
  ): Promise<CaseWrite<CaseChangeRow | null>>;
  /** Takes a case out of a draft's annex (its history stays). */
  removeCase(documentId: string, caseId: string): Promise<CaseWrite<boolean>>;
  listCaseChanges(meetingIds: string[]): Promise<CaseChangeRow[]>;
  agreeCaseAnnex(documentId: string, agreement: AnnexAgreementRow): Promise<CaseWrite<true>>;
  listCaseAgreements(documentId: string): Promise<AnnexAgreementRow[]>;
  dismissFinding(documentId: string, dismissal: FindingDismissalRow): Promise<CaseWrite<true>>;
  listFindingDismissals(documentId: string): Promise<FindingDismissalRow[]>;
  /** Copies an annex into a new version (an amendment): the cases as they were signed. */
  copyCases(fromDocumentId: string, toDocumentId: string): Promise<void>;
  /**
   * The annex as the lock sealed it (its RFC 8785 text), kept apart from the cases so that
   * nothing done to them later changes what was signed; null for a version locked without cases.
   */
  sealedCaseAnnex(documentId: string): Promise<string | null>;
}
