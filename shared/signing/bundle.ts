// The signed bundle: everything needed to check a signed record offline, in one JSON
// file: the record, and for each party its statement, signature and public key. The record and each statement are given twice: as JSON to read, and as their
// exact canonical bytes (base64) for tools that cannot canonicalise JSON, OpenSSL among
// them. A verifier checks that the two agree. docs/record-format.md describes the file.
import { decodeBase64Url, encodeBase64 } from './base64';
import { keyFingerprint } from './fingerprint';
import type { SignatureStatement } from './statement';
import type { CanonicalRecord } from '../record/canonical';
import type { CanonicalCaseAnnex } from '../cases/annex';

export const BUNDLE_FORMAT = 'accord.signed-bundle/1';

export interface BundleSignature {
  party: string;
  statement: SignatureStatement;
  /** Base64 of the statement's canonical bytes: exactly what was signed. */
  statementBytes: string;
  /** Base64 of the 64-byte Ed25519 signature. */
  signature: string;
  /** Base64 of the raw 32-byte Ed25519 public key the party enrolled and signed with. */
  publicKey: string;
  /** SHA-256 of the raw public key, hex; shown to people as its first 32 digits. */
  keyFingerprint: string;
}

export interface SignedBundle {
  format: typeof BUNDLE_FORMAT;
  recordHash: string;
  record: CanonicalRecord;
  /** Base64 of the record's canonical bytes: SHA-256 of these is the record hash. */
  recordBytes: string;
  /**
   * The case annex as it was sealed at the lock, for a record that names one (docs/cases.md):
   * SHA-256 of `caseAnnexBytes` is the record's `caseAnnex.digest`. Absent otherwise, so a
   * record without cases makes the same bundle as before.
   */
  caseAnnex?: CanonicalCaseAnnex;
  /** Base64 of the annex's canonical bytes (RFC 8785). */
  caseAnnexBytes?: string;
  signatures: BundleSignature[];
}

/** A signature as the server keeps it: the statement's canonical text, base64url key and signature. */
export interface KeptSignature {
  party: string;
  statementText: string;
  signature: string;
  publicKey: string;
}

/** `caseAnnexText`: the annex's canonical text as sealed with the record, when it has one. */
export function makeBundle(canonicalText: string, recordHash: string, signatures: KeptSignature[], caseAnnexText: string | null = null): SignedBundle {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  return {
    format: BUNDLE_FORMAT,
    recordHash,
    record: JSON.parse(canonicalText) as CanonicalRecord,
    recordBytes: encodeBase64(utf8(canonicalText)),
    ...(caseAnnexText === null ? {} : { caseAnnex: JSON.parse(caseAnnexText) as CanonicalCaseAnnex, caseAnnexBytes: encodeBase64(utf8(caseAnnexText)) }),
    signatures: signatures.map((s) => {
      const key = decodeBase64Url(s.publicKey);
      return {
        party: s.party,
        statement: JSON.parse(s.statementText) as SignatureStatement,
        statementBytes: encodeBase64(utf8(s.statementText)),
        signature: encodeBase64(decodeBase64Url(s.signature)),
        publicKey: encodeBase64(key),
        keyFingerprint: keyFingerprint(key),
      };
    }),
  };
}

/** The bundle as a file: two-space indented, one field per line (the OpenSSL procedure relies on it). */
export const bundleFileText = (bundle: SignedBundle): string => `${JSON.stringify(bundle, null, 2)}\n`;
