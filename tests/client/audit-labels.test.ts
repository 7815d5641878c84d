import { describe, expect, it } from 'vitest';
import { auditFacts, auditLabel } from '../../client/features/audit/audit-labels';

describe('the audit log in the reader’s words', () => {
  it('has a sentence for each lifecycle step the server writes', () => {
    for (const action of ['key.enrolled', 'key.replaced', 'record.locked', 'record.unlocked', 'record.signed', 'record.amended', 'signature.voided']) {
      expect(auditLabel(action).kind, action).toBe('done');
    }
  });

  it('says what was tried when a step was refused, and shows a newer action by its name', () => {
    expect(auditLabel('record.lock.refused')).toEqual({ kind: 'refused', what: 'audit.tried.lock', action: 'record.lock' });
    expect(auditLabel('export.pdf.refused')).toEqual({ kind: 'refused', what: 'audit.tried.export', action: 'export.pdf' });
    expect(auditLabel('something.new.refused')).toEqual({ kind: 'refused', what: null, action: 'something.new' });
    expect(auditLabel('something.new')).toEqual({ kind: 'unknown', action: 'something.new' });
  });

  it('picks out the facts worth a glance and ignores the rest', () => {
    expect(auditFacts({ party: 'TH', version: 1, recordHash: 'ab', voidedSignatures: ['TH', 3], reason: 'typo', other: { x: 1 } })).toEqual({
      party: 'TH',
      version: 1,
      recordHash: 'ab',
      voided: ['TH'],
      reason: 'typo',
    });
    expect(auditFacts({ party: 5 })).toEqual({});
  });
});
