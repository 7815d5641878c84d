// The case annex of a meeting's current record as its readers see it: the cases, the annex
// digest, each party's agreement of it, and what the detector finds in it and in the record
// (so the workspace can show what will block the lock). Read from storage; the findings need
// the record's participants, read from the record as the room holds it.
import { annexAgreement, annexDigest } from '../../../shared/cases/annex';
import type { CaseEntry } from '../../../shared/cases/case';
import { recordFindings, type PlacedFinding } from '../../../shared/record/personal-data-blockers';
import { parties } from '../../../shared/record/schema';
import type { Services } from '../../services';
import type { RecordRow } from '../../storage/storage';

export interface CaseAnnexView {
  documentId: string;
  version: number;
  state: RecordRow['state'];
  cases: CaseEntry[];
  digest: string;
  agreement: Record<string, boolean>;
  findings: (PlacedFinding & { dismissed: boolean })[];
}

export async function readCaseAnnex(services: Services, record: RecordRow): Promise<CaseAnnexView> {
  const { storage } = services;
  const [cases, agreements, dismissals] = await Promise.all([
    storage.listCases(record.documentId),
    storage.listCaseAgreements(record.documentId),
    storage.listFindingDismissals(record.documentId),
  ]);
  const { partyCodes, findings } = await services.rooms.read(record, (doc) => ({
    partyCodes: parties(doc)
      .toArray()
      .map((p) => p.code),
    findings: recordFindings(doc, cases),
  }));
  const dismissed = new Set(dismissals.map((d) => d.key));
  return {
    documentId: record.documentId,
    version: record.version,
    state: record.state,
    cases,
    digest: annexDigest(cases),
    agreement: annexAgreement(cases, agreements, partyCodes),
    findings: findings.map((f) => ({ ...f, dismissed: dismissed.has(f.key) })),
  };
}
