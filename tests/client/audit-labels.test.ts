import { describe, expect, it } from 'vitest';
import { auditFacts, auditLabel, reasonKey } from '../../client/features/audit/audit-labels';
import { catalogs, UI_LANGUAGES } from '../../client/i18n/catalogs';
import type { MessageKey } from '../../client/i18n/en';
import { AUDIT_REASONS, MEETING_AUDIT_ACTION_NAMES } from '../../shared/audit-actions';

/** The words an action is shown with: its own sentence, or what was tried (a refused step). */
const actionKey = (action: string): MessageKey | null => {
  const label = auditLabel(action);
  return label.kind === 'done' ? label.key : label.kind === 'refused' ? label.what : null;
};

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

  it('puts every action a meeting’s log holds into words, in every interface language', () => {
    // The list is the server's own (shared/audit-actions.ts), refused steps spelled out.
    expect(MEETING_AUDIT_ACTION_NAMES).toContain('record.lock.refused');
    const unlabelled = MEETING_AUDIT_ACTION_NAMES.filter((action) => actionKey(action) === null);
    expect(unlabelled).toEqual([]);
    for (const language of UI_LANGUAGES)
      for (const action of MEETING_AUDIT_ACTION_NAMES) expect(catalogs[language][actionKey(action)!].trim(), `${language} ${action}`).not.toBe('');
  });

  it('puts every refusal reason the server records into words, in every interface language', () => {
    const unlabelled = AUDIT_REASONS.filter((reason) => reasonKey(reason) === null);
    expect(unlabelled).toEqual([]);
    for (const language of UI_LANGUAGES)
      for (const reason of AUDIT_REASONS) expect(catalogs[language][reasonKey(reason)!].trim(), `${language} ${reason}`).not.toBe('');
    expect(reasonKey('something-newer')).toBeNull();
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
