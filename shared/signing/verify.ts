// Checks a signed bundle with nothing but the bundle: the same code runs in the server,
// the `accord verify` command and the /verify page. It never stops at the first fault, so
// the reader learns everything that is wrong.
import { z } from 'zod';
import { BUNDLE_FORMAT } from './bundle';
import { NotBase64, decodeBase64 } from './base64';
import { keyFingerprint, sha256Hex } from './fingerprint';
import { verifySignature } from './keys';
import { caseAnnexFaults } from './verify-case-annex';
import { recordHashText, signatureStatement, statementText, type SignatureStatement } from './statement';
import type { PartyVerdict, Verdict, VerdictReason } from './verdict';
import { NotCanonicalizable, canonicalize } from '../record/jcs';

const bundleShape = z.object({
  format: z.literal(BUNDLE_FORMAT),
  recordHash: recordHashText,
  record: z.looseObject({
    meetingId: z.string(),
    version: z.number().int(),
    parties: z.array(z.looseObject({ code: z.string() })),
    participants: z.array(z.looseObject({ party: z.string(), role: z.string(), name: z.string(), title: z.string() })),
    auditHead: z.object({ length: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
    caseAnnex: z.object({ cases: z.number().int().nonnegative(), digest: z.string() }).optional(),
  }),
  recordBytes: z.string(),
  caseAnnex: z.unknown().optional(),
  caseAnnexBytes: z.string().optional(),
  signatures: z.array(
    z.object({
      party: z.string(),
      statement: z.unknown(),
      statementBytes: z.string(),
      signature: z.string(),
      publicKey: z.string(),
      keyFingerprint: z.string(),
    }),
  ),
});
type BundleShape = z.infer<typeof bundleShape>;

export interface VerifyOptions {
  /** Key fingerprints the reader trusts, per party (hex, spaces allowed, at least 32 digits). */
  trustedKeys?: Record<string, string>;
}

export async function verifyBundle(input: unknown, options: VerifyOptions = {}): Promise<Verdict> {
  const shape = bundleShape.safeParse(input);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return malformed(`${where}${issue.message}`);
  }
  const bundle = shape.data;
  try {
    return await check(bundle, options);
  } catch (err) {
    if (err instanceof NotBase64 || err instanceof NotCanonicalizable) return malformed(err.message);
    throw err;
  }
}

async function check(bundle: BundleShape, options: VerifyOptions): Promise<Verdict> {
  const reasons: VerdictReason[] = [];
  const { record } = bundle;
  const canonical = canonicalize(record);
  const recordBytes = decodeBase64(bundle.recordBytes);
  if (new TextDecoder().decode(recordBytes) !== canonical) reasons.push({ code: 'record-bytes-mismatch' });
  const computed = sha256Hex(new TextEncoder().encode(canonical));
  if (computed !== bundle.recordHash) reasons.push({ code: 'record-hash-mismatch', stated: bundle.recordHash, computed });
  reasons.push(...caseAnnexFaults(bundle));

  const partyCodes = record.parties.map((p) => p.code);
  const keys = keysOf(bundle);
  const verdicts = new Map<string, PartyVerdict>();

  for (const entry of bundle.signatures) {
    const parsed = signatureStatement.safeParse(entry.statement);
    if (!parsed.success) {
      reasons.push({ code: 'malformed', detail: `the statement of ${entry.party} is not a signature statement` });
      continue;
    }
    const statement = parsed.data;
    const { party } = entry;
    const before = reasons.length;
    if (verdicts.has(party)) reasons.push({ code: 'duplicate-signature', party });
    const signed = decodeBase64(entry.statementBytes);
    if (new TextDecoder().decode(signed) !== statementText(statement)) reasons.push({ code: 'statement-bytes-mismatch', party });
    reasons.push(...statementFaults(party, statement, record.meetingId, record.version, computed));
    if (!partyCodes.includes(party)) reasons.push({ code: 'unknown-party', party });
    const head = record.participants.find((p) => p.party === party && p.role === 'head');
    if (!head || head.name !== statement.signerName || head.title !== statement.signerTitle)
      reasons.push({ code: 'signer-not-head', party, signerName: statement.signerName });
    const key = decodeBase64(entry.publicKey);
    const fingerprint = keyFingerprint(key);
    if (fingerprint !== entry.keyFingerprint) reasons.push({ code: 'fingerprint-mismatch', party });
    // One key given for two parties: it cannot be both heads' own.
    const sharer = bundle.signatures.find((o) => o.party !== party && keyFingerprint(decodeBase64(o.publicKey)) === fingerprint);
    if (sharer) reasons.push({ code: 'wrong-party-key', party, keyOf: sharer.party });
    reasons.push(...(await signatureFaults(party, decodeBase64(entry.signature), signed, key, fingerprint, keys, options)));
    if (reasons.length === before) {
      verdicts.set(party, {
        party,
        signed: true,
        signerName: statement.signerName,
        signerTitle: statement.signerTitle,
        signedAt: statement.signedAt,
        keyFingerprint: fingerprint,
      });
    }
  }

  const parties = partyCodes.map((party) => verdicts.get(party) ?? { party, signed: false });
  // A record of no party is signed by no one: "every party signed" must not hold vacuously.
  if (partyCodes.length === 0) reasons.push({ code: 'no-parties' });
  else if (bundle.signatures.length === 0) reasons.push({ code: 'unsigned' });
  for (const p of parties) if (!p.signed) reasons.push({ code: 'missing-party', party: p.party });
  const verdict: Verdict = { valid: reasons.length === 0, meetingId: record.meetingId, version: record.version, recordHash: computed, parties, reasons };
  return record.auditHead ? { ...verdict, auditHead: record.auditHead } : verdict;
}

/** Each party's public key as its signature entry gives it (the first, if there are two). */
function keysOf(bundle: BundleShape): Map<string, Uint8Array<ArrayBuffer>> {
  const keys = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const entry of bundle.signatures) if (!keys.has(entry.party)) keys.set(entry.party, decodeBase64(entry.publicKey));
  return keys;
}

function statementFaults(party: string, statement: SignatureStatement, meetingId: string, version: number, recordHash: string): VerdictReason[] {
  const faults: VerdictReason[] = [];
  const compare = (field: 'party' | 'recordHash' | 'version' | 'meetingId', expected: string, found: string) => {
    if (expected !== found) faults.push({ code: 'statement-mismatch', party, field, expected, found });
  };
  compare('party', party, statement.party);
  compare('recordHash', recordHash, statement.recordHash);
  compare('version', String(version), String(statement.version));
  compare('meetingId', meetingId, statement.meetingId);
  return faults;
}

async function signatureFaults(
  party: string,
  signature: Uint8Array<ArrayBuffer>,
  signed: Uint8Array<ArrayBuffer>,
  key: Uint8Array<ArrayBuffer>,
  fingerprint: string,
  keys: Map<string, Uint8Array<ArrayBuffer>>,
  options: VerifyOptions,
): Promise<VerdictReason[]> {
  const faults: VerdictReason[] = [];
  const trusted = options.trustedKeys?.[party];
  if (trusted !== undefined) {
    const expected = trusted.replace(/\s+/g, '').toLowerCase();
    if (expected.length < 32 || !fingerprint.startsWith(expected)) faults.push({ code: 'untrusted-key', party, expected, found: fingerprint });
  }
  if (await verifySignature(key, signature, signed)) return faults;
  for (const [other, otherKey] of keys) {
    if (other !== party && (await verifySignature(otherKey, signature, signed))) {
      return [...faults, { code: 'wrong-party-key', party, keyOf: other }];
    }
  }
  return [...faults, { code: 'bad-signature', party }];
}

function malformed(detail: string): Verdict {
  return { valid: false, meetingId: null, version: null, recordHash: null, parties: [], reasons: [{ code: 'malformed', detail }] };
}
