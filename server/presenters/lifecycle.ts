// What leaves the server about a record's lifecycle: the record as locked, its
// signatures (voided ones shown as such), the enrolled keys, the versions, the audit log.
import { partiesToSign } from '../../shared/lifecycle';
import { makeBundle, type SignedBundle } from '../../shared/signing/bundle';
import { decodeBase64Url } from '../../shared/signing/base64';
import { displayFingerprint, keyFingerprint } from '../../shared/signing/fingerprint';
import type { AccountRow, AuditEntry, InvitationRow, MeetingRow, PartyKeyRow, RecordRow } from '../storage/storage';
import type { AuditCheck } from '../storage/audit-chain';
import { officerActor } from '../auth/officer-access';
import { lifecycleOf, liveSignatures, statementOf, type RecordFacts } from '../commands/record-facts';

export const fingerprintOf = (hash: string | null) => (hash ? displayFingerprint(hash) : null);

export function presentKey(key: PartyKeyRow) {
  return {
    party: key.party,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    display: displayFingerprint(key.fingerprint),
    enrolledAt: key.enrolledAt,
  };
}

export function presentRecord(facts: RecordFacts, keys: PartyKeyRow[], now: Date) {
  const { record } = facts;
  return {
    meetingId: record.meetingId,
    documentId: record.documentId,
    version: record.version,
    state: record.state,
    isLatest: facts.isLatest,
    previousRecordHash: facts.previousRecordHash,
    recordHash: record.recordHash,
    fingerprint: fingerprintOf(record.recordHash),
    lockedAt: facts.lock?.lockedAt ?? null,
    record: facts.canonical,
    signatures: facts.signatures.map((s) => {
      const statement = statementOf(s);
      return {
        party: s.party,
        signerName: statement.signerName,
        signerTitle: statement.signerTitle,
        signedAt: statement.signedAt,
        receivedAt: s.receivedAt,
        recordHash: s.recordHash,
        keyFingerprint: keyFingerprint(decodeBase64Url(s.publicKey)),
        voided: s.voidedAt !== null,
        voidedAt: s.voidedAt,
      };
    }),
    partiesToSign: record.state === 'locked' ? partiesToSign(lifecycleOf(facts)) : [],
    keys: keys.map(presentKey),
    // A browser signs with the server's time, so a wrong device clock does not refuse it.
    serverTime: now.toISOString(),
  };
}

/** The signed bundle of a locked or signed version; null while it is a draft. */
export function bundleOf(facts: RecordFacts): SignedBundle | null {
  if (!facts.lock) return null;
  return makeBundle(
    facts.lock.canonical,
    facts.lock.recordHash,
    liveSignatures(facts.signatures).map((s) => ({
      party: s.party,
      statementText: s.statement,
      signature: s.signature,
      publicKey: s.publicKey,
    })),
    facts.sealedCaseAnnex,
  );
}

export function presentVersions(meeting: MeetingRow, records: RecordRow[]) {
  return {
    versions: records.map((r) => ({
      version: r.version,
      documentId: r.documentId,
      state: r.state,
      recordHash: r.recordHash,
      fingerprint: fingerprintOf(r.recordHash),
      createdAt: r.createdAt,
      current: r.documentId === meeting.currentDocumentId,
    })),
  };
}

/**
 * The audit log for people: each actor by name (a participant, or an officer at the
 * console), and the people an entry concerns (added, removed, given a new link) by name.
 */
export function presentAudit(entries: AuditEntry[], check: AuditCheck, invitations: InvitationRow[], accounts: AccountRow[] = []) {
  const names = new Map([...invitations.map((i) => [i.participantId, i.name] as const), ...accounts.map((a) => [officerActor(a), a.name] as const)]);
  const accountNames = new Map(accounts.map((a) => [a.id, a.name]));
  const subjectsOf = (detail: Record<string, unknown>) => {
    const ids = [detail.participantId, ...(Array.isArray(detail.participants) ? detail.participants : [])].filter((id): id is string => typeof id === 'string');
    const people = ids.map((id) => names.get(id) ?? id);
    if (typeof detail.accountId === 'string') people.push(accountNames.get(detail.accountId) ?? detail.accountId);
    return people;
  };
  return {
    intact: check.intact,
    firstBrokenSeq: check.firstBrokenSeq,
    problems: check.problems,
    head: check.head,
    anchors: check.anchors,
    entries: entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      actorName: names.get(e.actor) ?? null,
      subjects: subjectsOf(e.detail),
      action: e.action,
      detail: e.detail,
      prevHash: e.prevHash,
      hash: e.hash,
    })),
  };
}
