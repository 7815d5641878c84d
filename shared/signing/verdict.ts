// What a verification finds, as data (for the verify page, in the reader's language) and
// as one English sentence per reason (for the command line and the API).
import type { AuditHead } from '../record/canonical';

export type VerdictReason =
  | { code: 'malformed'; detail: string }
  | { code: 'record-bytes-mismatch' }
  | { code: 'record-hash-mismatch'; stated: string; computed: string }
  | { code: 'statement-bytes-mismatch'; party: string }
  | { code: 'statement-mismatch'; party: string; field: 'party' | 'recordHash' | 'version' | 'meetingId'; expected: string; found: string }
  | { code: 'unknown-party'; party: string }
  | { code: 'duplicate-signature'; party: string }
  | { code: 'signer-not-head'; party: string; signerName: string }
  | { code: 'fingerprint-mismatch'; party: string }
  | { code: 'bad-signature'; party: string }
  | { code: 'wrong-party-key'; party: string; keyOf: string }
  | { code: 'untrusted-key'; party: string; expected: string; found: string }
  | { code: 'missing-party'; party: string }
  | { code: 'no-parties' }
  | { code: 'unsigned' }
  | { code: 'case-annex-mismatch'; how: 'changed' | 'missing' }
  | { code: 'pages-differ'; how: 'appended' | 'changed'; at: number }
  | { code: 'pages-unchecked'; layout: string | null };

/**
 * What the pages of a PDF original were found to be: exactly the original its attached
 * bundle makes, or not; or not compared, for a file made by another layout version.
 */
export type PagesCheck = 'identical' | 'differ' | 'unchecked';

export interface PartyVerdict {
  party: string;
  signed: boolean;
  signerName?: string;
  signerTitle?: string;
  signedAt?: string;
  keyFingerprint?: string;
}

export interface Verdict {
  valid: boolean;
  meetingId: string | null;
  version: number | null;
  /** The hash of the record as it is in the bundle, computed, not as stated. */
  recordHash: string | null;
  parties: PartyVerdict[];
  reasons: VerdictReason[];
  /**
   * The audit log's head the record was locked with, which the signatures cover: compare it
   * with the meeting's audit log (GET /api/meetings/:id/audit). Absent for records locked
   * before Accord wrote it.
   */
  auditHead?: AuditHead;
  /** For a PDF original: whether its pages are the signed record's; absent for a bundle. */
  pages?: PagesCheck;
}

export function reasonText(reason: VerdictReason): string {
  switch (reason.code) {
    case 'malformed':
      return `The file is not a signed Accord bundle: ${reason.detail}.`;
    case 'record-bytes-mismatch':
      return 'The record as written in the bundle differs from its canonical bytes: one of them was changed.';
    case 'record-hash-mismatch':
      return `The record hash does not match the record: stated ${reason.stated}, computed ${reason.computed}. The record was changed after it was locked.`;
    case 'statement-bytes-mismatch':
      return `The signature statement of ${reason.party} differs from the bytes that were signed.`;
    case 'statement-mismatch':
      return `The signature statement of ${reason.party} is for another ${reason.field === 'recordHash' ? 'record hash' : reason.field === 'meetingId' ? 'meeting' : reason.field} (${reason.found}, not ${reason.expected}).`;
    case 'unknown-party':
      return `A signature is given for ${reason.party}, which is not a party to this record.`;
    case 'duplicate-signature':
      return `${reason.party} has more than one signature in the bundle.`;
    case 'signer-not-head':
      return `The signature for ${reason.party} names ${reason.signerName}, who is not that party's head of delegation in the record.`;
    case 'fingerprint-mismatch':
      return `The fingerprint given for ${reason.party}'s key is not the fingerprint of that key.`;
    case 'bad-signature':
      return `The signature of ${reason.party} does not verify: the statement or the signature was changed.`;
    case 'wrong-party-key':
      return `The signature of ${reason.party} was made with, or gives, the key of ${reason.keyOf}.`;
    case 'untrusted-key':
      return `${reason.party}'s key has fingerprint ${reason.found}, not the ${reason.expected} you expected.`;
    case 'missing-party':
      return `${reason.party} has no valid signature in this bundle.`;
    case 'no-parties':
      return 'The record names no party, so no one has signed it.';
    case 'unsigned':
      return 'The record is locked but not signed: no party has signed it yet.';
    case 'case-annex-mismatch':
      return reason.how === 'missing'
        ? 'The record names a case annex, but the bundle does not carry it: the annex was removed.'
        : 'The case annex in the bundle is not the one the record was signed with: it was changed.';
    case 'pages-differ':
      return reason.how === 'appended'
        ? `The pages differ from the signed record: ${reason.at} bytes were added after the end of the original (an incremental update, which can draw over a page or add a file), even though the attached bundle may be genuine.`
        : `The pages differ from the signed record: the file is not the original its attached bundle makes (it differs from byte ${reason.at} on), even though the attached bundle may be genuine.`;
    case 'pages-unchecked':
      return reason.layout
        ? `The pages were not compared with the signed record: this file was made by layout ${reason.layout}, which this verifier does not make. Only the attached bundle was checked.`
        : 'The pages were not compared with the signed record: this file was made before Accord bound the pages to the signature. Only the attached bundle was checked; export the original again.';
  }
}
