import { describe, expect, it } from 'vitest';
import { reasonMessage } from '../../client/features/verify/reason-message';
import { catalogs, translate, UI_LANGUAGES } from '../../client/i18n/catalogs';
import type { VerdictReason } from '../../shared/signing/verdict';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

const EVERY_REASON: VerdictReason[] = [
  { code: 'malformed', detail: 'recordHash: a SHA-256 in lower-case hex' },
  { code: 'record-bytes-mismatch' },
  { code: 'record-hash-mismatch', stated: H1, computed: H2 },
  { code: 'statement-bytes-mismatch', party: 'TH' },
  { code: 'statement-mismatch', party: 'LA', field: 'version', expected: '2', found: '1' },
  { code: 'unknown-party', party: 'VN' },
  { code: 'duplicate-signature', party: 'TH' },
  { code: 'signer-not-head', party: 'TH', signerName: 'Anan Thongdee' },
  { code: 'fingerprint-mismatch', party: 'LA' },
  { code: 'bad-signature', party: 'LA' },
  { code: 'wrong-party-key', party: 'TH', keyOf: 'LA' },
  { code: 'untrusted-key', party: 'TH', expected: '3F2A91C0', found: H1 },
  { code: 'missing-party', party: 'LA' },
  { code: 'case-annex-mismatch', how: 'changed' },
  { code: 'case-annex-mismatch', how: 'missing' },
];

const names: Record<string, string> = { TH: 'ราชอาณาจักรไทย', LA: 'สปป. ลาว' };

describe('why a bundle is not valid, in the reader’s words', () => {
  it('has words for every reason the verifier gives, in every language, with nothing left unfilled', () => {
    for (const language of UI_LANGUAGES) {
      for (const reason of EVERY_REASON) {
        const message = reasonMessage(
          reason,
          (code) => names[code] ?? code,
          (key) => translate(language, key),
        );
        const text = translate(language, message.key, message.params);
        expect(catalogs[language][message.key], `${language} ${reason.code}`).toBeTruthy();
        expect(text, `${language} ${reason.code}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('names parties as the record does and shows hashes as fingerprints', () => {
    const hash = reasonMessage(
      EVERY_REASON[2]!,
      (c) => c,
      (k) => k,
    );
    expect(translate('en', hash.key, hash.params)).toContain('stated AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA, found BBBB');
    const version = reasonMessage(
      EVERY_REASON[4]!,
      (c) => names[c] ?? c,
      (k) => translate('th', k),
    );
    expect(translate('th', version.key, version.params)).toBe('การลงนามของสปป. ลาวเป็นของฉบับอื่น (1 ไม่ใช่ 2)');
  });
});
