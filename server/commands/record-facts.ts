// What the lifecycle commands read about one version of a meeting's record, in one place.
import type { LifecycleRecord } from '../../shared/lifecycle';
import type { CanonicalRecord } from '../../shared/record/canonical';
import type { SignatureSummary } from '../../shared/protocol';
import type { SignatureStatement } from '../../shared/signing/statement';
import type { Services } from '../services';
import type { MeetingRow, RecordLock, RecordRow, SignatureRow } from '../storage/storage';

export interface RecordFacts {
  record: RecordRow;
  lock: RecordLock | undefined;
  /** The canonical record sealed by the lock; null in draft. */
  canonical: CanonicalRecord | null;
  /** The case annex sealed with the record (RFC 8785 text); null in draft or without cases. */
  sealedCaseAnnex: string | null;
  /** Every signature on this version, voided ones included. */
  signatures: SignatureRow[];
  isLatest: boolean;
  previousRecordHash: string | null;
}

export async function loadRecordFacts(services: Services, meeting: MeetingRow, record: RecordRow): Promise<RecordFacts> {
  const { storage } = services;
  const [lock, signatures, previousRecordHash, sealedCaseAnnex] = await Promise.all([
    storage.getRecordLock(record.documentId),
    storage.listSignatures(record.documentId),
    previousHashOf(services, record),
    storage.sealedCaseAnnex(record.documentId),
  ]);
  return {
    record,
    lock,
    canonical: lock ? (JSON.parse(lock.canonical) as CanonicalRecord) : null,
    sealedCaseAnnex: lock ? sealedCaseAnnex : null,
    signatures,
    isLatest: meeting.currentDocumentId === record.documentId,
    previousRecordHash,
  };
}

/** The record hash of the version before this one: what an amendment names. */
export async function previousHashOf(services: Services, record: RecordRow): Promise<string | null> {
  if (record.version === 1) return null;
  const versions = await services.storage.listRecords(record.meetingId);
  return versions.find((v) => v.version === record.version - 1)?.recordHash ?? null;
}

export const liveSignatures = (signatures: SignatureRow[]) => signatures.filter((s) => s.voidedAt === null);

export const statementOf = (signature: SignatureRow) => JSON.parse(signature.statement) as SignatureStatement;

export function lifecycleOf(facts: RecordFacts): LifecycleRecord {
  return {
    state: facts.record.state,
    version: facts.record.version,
    recordHash: facts.record.recordHash,
    previousRecordHash: facts.previousRecordHash,
    parties: facts.canonical?.parties.map((p) => p.code) ?? [],
    signatures: liveSignatures(facts.signatures).map((s) => ({
      party: s.party,
      recordHash: s.recordHash,
      signedAt: statementOf(s).signedAt,
    })),
    isLatest: facts.isLatest,
  };
}

/** Signatures as the sync layer tells them to subscribed clients. */
export function signatureSummaries(signatures: SignatureRow[]): SignatureSummary[] {
  return liveSignatures(signatures).map((s) => {
    const statement = statementOf(s);
    return { party: s.party, signerName: statement.signerName, signedAt: statement.signedAt };
  });
}
