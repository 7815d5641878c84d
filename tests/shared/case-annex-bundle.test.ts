// The case annex in the signed bundle: the record names it by its digest, the bundle carries
// it as sealed, and a verifier finds it changed or dropped without any server.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../shared/record/jcs';
import { encodeBase64 } from '../../shared/signing/base64';
import { bundleFileText, type SignedBundle } from '../../shared/signing/bundle';
import { reasonText } from '../../shared/signing/verdict';
import { verifyBundle } from '../../shared/signing/verify';
import { TH_LA_CASES } from '../helpers/case-annex';
import { signedFixture } from '../helpers/signed-record';

const cmm04 = JSON.parse(readFileSync(new URL('../../server/demo/cmm04-th-la.json', import.meta.url), 'utf8')) as unknown;
const withCases = () => structuredClone(signedFixture(cmm04, { cases: TH_LA_CASES }).bundle);
const codes = async (bundle: unknown) => (await verifyBundle(bundle)).reasons.map((r) => r.code);
const annexReasons = async (bundle: unknown) => (await verifyBundle(bundle)).reasons.filter((r) => r.code === 'case-annex-mismatch');

describe('the case annex in the signed bundle', () => {
  it('an untouched annex verifies, and its digest is the one the record names', async () => {
    const bundle = withCases();
    expect(bundle.record.caseAnnex).toEqual({ cases: 2, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(bundle.caseAnnex?.cases.map((c) => c.sides[0]!.reference)).toEqual(['TH-2025-0141', 'TH-2024-0892']);
    expect(await verifyBundle(JSON.parse(bundleFileText(bundle)))).toMatchObject({ valid: true, reasons: [] });
  });

  it('a changed annex is a mismatch, whether its bytes, its JSON or both were changed', async () => {
    const both = withCases();
    both.caseAnnex!.cases[0]!.stage = 'closed';
    both.caseAnnexBytes = encodeBase64(new TextEncoder().encode(canonicalize(both.caseAnnex)));
    expect(await annexReasons(both)).toEqual([{ code: 'case-annex-mismatch', how: 'changed' }]);

    const jsonOnly = withCases();
    jsonOnly.caseAnnex!.cases[1]!.nextStep.th = 'ปิดกรณี';
    expect(await annexReasons(jsonOnly)).toEqual([{ code: 'case-annex-mismatch', how: 'changed' }]);

    const oneCaseDropped = withCases();
    oneCaseDropped.caseAnnex!.cases.pop();
    oneCaseDropped.caseAnnexBytes = encodeBase64(new TextEncoder().encode(canonicalize(oneCaseDropped.caseAnnex)));
    expect(await codes(oneCaseDropped)).toEqual(['case-annex-mismatch']);
  });

  it('a removed annex is a mismatch that says so, and so is an annex given to a record without one', async () => {
    const removed: Partial<SignedBundle> = withCases();
    delete removed.caseAnnex;
    delete removed.caseAnnexBytes;
    const [reason] = await annexReasons(removed);
    expect(reason).toEqual({ code: 'case-annex-mismatch', how: 'missing' });
    expect(reasonText(reason!)).toMatch(/annex was removed/);

    const plain = structuredClone(signedFixture(cmm04).bundle);
    expect(await codes(plain)).toEqual([]);
    const grafted = { ...plain, caseAnnex: withCases().caseAnnex, caseAnnexBytes: withCases().caseAnnexBytes };
    expect(await codes(grafted)).toEqual(['case-annex-mismatch']);
  });

  it('a record without cases makes the same bundle as before: no annex field at all', () => {
    const plain = signedFixture(cmm04).bundle;
    expect(Object.keys(plain)).toEqual(['format', 'recordHash', 'record', 'recordBytes', 'signatures']);
    expect(plain.record).not.toHaveProperty('caseAnnex');
  });
});
