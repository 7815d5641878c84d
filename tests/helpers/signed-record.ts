// A signed bundle made without a server, for tests of what is made from one (originals,
// verification): the meeting laid into a record as the server lays it, its canonical record,
// and each head's statement signed with an Ed25519 key made from a fixed seed, so the same
// fixture always gives the same bundle, and so the same original.
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { annexDigest, annexText } from '../../shared/cases/annex';
import type { CaseEntry } from '../../shared/cases/case';
import { canonicalRecord, canonicalText } from '../../shared/record/canonical';
import { layRecord } from '../../shared/record/lay-record';
import { meetingInput } from '../../shared/record/meeting-input';
import type { Participant } from '../../shared/record/schema';
import { makeBundle, type SignedBundle } from '../../shared/signing/bundle';
import { encodeBase64Url } from '../../shared/signing/base64';
import { sha256Hex } from '../../shared/signing/fingerprint';
import { STATEMENT_FORMAT, statementText, type SignatureStatement } from '../../shared/signing/statement';

// PKCS #8 wrapping of a raw 32-byte Ed25519 seed.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A fixture under tests/fixtures/originals, or the shared reference meetings. */
export function originalsFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/originals/${name}.json`, import.meta.url), 'utf8'));
}

export interface SignedFixture {
  bundle: SignedBundle;
  /** Each party's key, to sign again (a forged statement) or to compare. */
  keys: Map<string, ReturnType<typeof createPrivateKey>>;
}

/** `cases`: a case annex sealed with the record, as the lock seals it (docs/cases.md). */
export function signedFixture(input: unknown, options: { signers?: string[]; signedAt?: string; meetingId?: string; cases?: CaseEntry[] } = {}): SignedFixture {
  const meeting = meetingInput.parse(input);
  const cases = options.cases ?? [];
  const identity = {
    meetingId: options.meetingId ?? 'fixture-meeting',
    version: 1,
    previousRecordHash: null,
    ...(cases.length > 0 ? { caseAnnex: { cases: cases.length, digest: annexDigest(cases) } } : {}),
  };
  const doc = new Y.Doc();
  let next = 0;
  const roster: Participant[] = meeting.participants.map((p, i) => ({ id: `p${i + 1}`, ...p }));
  layRecord(doc, meeting, identity, roster, () => `id${++next}`);
  const record = canonicalRecord(doc, identity);
  const text = canonicalText(record);
  const recordHash = sha256Hex(new TextEncoder().encode(text));
  const keys = new Map<string, ReturnType<typeof createPrivateKey>>();
  const signers = options.signers ?? record.parties.map((p) => p.code);
  const signatures = signers.map((party, i) => {
    const seed = createHash('sha256').update(`accord test key ${party}`).digest();
    const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
    keys.set(party, key);
    const head = record.participants.find((p) => p.party === party && p.role === 'head')!;
    const statement: SignatureStatement = {
      format: STATEMENT_FORMAT,
      recordHash,
      meetingId: identity.meetingId,
      version: 1,
      party,
      signerName: head.name,
      signerTitle: head.title,
      signedAt: options.signedAt ?? `${record.meeting.endDate}T${String(8 + i).padStart(2, '0')}:30:00.000Z`,
    };
    const statementTextValue = statementText(statement);
    const raw = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
    return {
      party,
      statementText: statementTextValue,
      signature: encodeBase64Url(sign(null, Buffer.from(statementTextValue, 'utf8'), key)),
      publicKey: encodeBase64Url(raw),
    };
  });
  return { bundle: makeBundle(text, recordHash, signatures, cases.length > 0 ? annexText(cases) : null), keys };
}
