import { describe, expect, it } from 'vitest';
import { statementFor } from '../../client/features/signing/statement-for';
import type { RecordDetails } from '../../client/connection/lifecycle-api';
import { exportPublicKey, newSigningKey, signStatement, verifySignature } from '../../shared/signing/keys';
import { statementBytes, signatureStatement } from '../../shared/signing/statement';
import { decodeBase64Url } from '../../shared/signing/base64';
import type { CanonicalRecord } from '../../shared/record/canonical';

const HASH = '3f2a91c05b7e0d44a1c29e0377b1c850'.repeat(2);

function locked(overrides: Partial<RecordDetails> = {}): RecordDetails {
  const record = {
    participants: [
      { id: 'p1', party: 'TH', role: 'head', name: 'Jatuporn Rojanapanich', title: 'Deputy Permanent Secretary', agency: 'MSDHS' },
      { id: 'p2', party: 'TH', role: 'delegate', name: 'Anan Thongdee', title: 'Superintendent', agency: 'RTP' },
    ],
  } as unknown as CanonicalRecord;
  return {
    meetingId: 'kQ2x',
    documentId: 'd1',
    version: 2,
    state: 'locked',
    isLatest: true,
    previousRecordHash: null,
    recordHash: HASH,
    fingerprint: null,
    lockedAt: null,
    record,
    signatures: [],
    partiesToSign: ['TH'],
    keys: [],
    serverTime: '2025-03-12T09:40:00.000Z',
    ...overrides,
  };
}

describe('the statement a head’s browser signs', () => {
  it('names the record as locked, the head as the record lists them, and the server’s time', () => {
    const statement = statementFor(locked(), 'TH');
    expect(statement).toEqual({
      format: 'accord.signature-statement/1',
      recordHash: HASH,
      meetingId: 'kQ2x',
      version: 2,
      party: 'TH',
      signerName: 'Jatuporn Rojanapanich',
      signerTitle: 'Deputy Permanent Secretary',
      signedAt: '2025-03-12T09:40:00.000Z',
    });
    // Exactly the shape the server takes, and nothing more.
    expect(signatureStatement.safeParse(statement).success).toBe(true);
  });

  it('is made only for a locked record whose party has a head', () => {
    expect(statementFor(locked({ state: 'draft', record: null, recordHash: null }), 'TH')).toBe('not-locked');
    expect(statementFor(locked(), 'LA')).toBe('no-head');
  });

  it('signed with a key made as the browser makes it, verifies over its canonical bytes', async () => {
    const statement = statementFor(locked(), 'TH');
    if (typeof statement === 'string') throw new Error(statement);
    const keys = await newSigningKey();
    const signature = await signStatement(keys.privateKey, statement);
    const publicKey = decodeBase64Url(await exportPublicKey(keys.publicKey));
    expect(await verifySignature(publicKey, decodeBase64Url(signature), statementBytes(statement))).toBe(true);
    expect(await verifySignature(publicKey, decodeBase64Url(signature), statementBytes({ ...statement, version: 1 }))).toBe(false);
  });
});
