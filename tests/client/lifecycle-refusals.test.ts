import { describe, expect, it } from 'vitest';
import { explainRefusal } from '../../client/features/lifecycle/refusals';
import { LifecycleFailure } from '../../client/connection/lifecycle-api';
import { NotSignable } from '../../client/features/signing/sign-record';
import { translate, UI_LANGUAGES } from '../../client/i18n/catalogs';

const refusal = (status: number, code: string, detail: Record<string, unknown> = {}) => new LifecycleFailure(status, code, 'English from the server', detail);

describe('a refused lifecycle step, in the reader’s words', () => {
  it('counts what blocks a lock', () => {
    const blockers = [
      { kind: 'segment', id: 's1', missingParties: ['LA'], openBrackets: 0 },
      { kind: 'actionPoint', id: 'a1', missingParties: [], openBrackets: 2 },
    ];
    const explained = explainRefusal('lock', refusal(409, 'not_agreed', { blockers }));
    expect(explained).toEqual({ key: 'refused.notAgreed', params: { count: 2 } });
    expect(translate('th', explained.key, explained.params)).toContain('2 รายการ');
  });

  it('says what each step needs when the record is in another state', () => {
    const wrong = refusal(409, 'wrong_state', { state: 'signed' });
    expect(explainRefusal('unlock', wrong).key).toBe('refused.wrongState.unlock');
    expect(explainRefusal('sign', wrong).key).toBe('refused.wrongState.sign');
    expect(explainRefusal('enrol', wrong).key).toBe('refused.wrongState.enrol');
    expect(explainRefusal('amend', wrong).key).toBe('refused.wrongState.amend');
  });

  it('tells a head and the secretariat apart when a step is not theirs', () => {
    expect(explainRefusal('sign', refusal(403, 'not_allowed')).key).toBe('refused.notAllowed.head');
    expect(explainRefusal('lock', refusal(403, 'not_allowed')).key).toBe('refused.notAllowed.secretariat');
  });

  it('explains every refusal the sign endpoint gives (record-format §8), and what this browser finds first', () => {
    const signing = ['stale_statement', 'already_signed', 'no_key', 'bad_signature', 'signer_mismatch', 'clock_skew', 'statement_mismatch', 'not_your_party'];
    const keys = signing.map((code) => explainRefusal('sign', refusal(409, code)).key);
    expect(keys).not.toContain('refused.other');
    expect(new Set(keys).size).toBe(signing.length);
    expect(explainRefusal('sign', new NotSignable('record-changed')).key).toBe('refused.recordChanged');
    expect(explainRefusal('sign', new NotSignable('not-locked')).key).toBe('refused.notLocked');
    expect(explainRefusal('enrol', 'store-unavailable').key).toBe('refused.storeUnavailable');
  });

  it('names an unknown code rather than hiding it, and never shows the server’s English', () => {
    const explained = explainRefusal('lock', refusal(500, 'internal'));
    expect(explained).toEqual({ key: 'refused.other', params: { code: 'internal' } });
    for (const language of UI_LANGUAGES) expect(translate(language, explained.key, explained.params)).not.toContain('English from the server');
    expect(explainRefusal('sign', refusal(0, 'unreachable')).key).toBe('refused.unreachable');
    expect(explainRefusal('sign', refusal(400, 'invalid_signature'))).toEqual({ key: 'refused.invalidBody', params: { code: 'invalid_signature' } });
  });
});
