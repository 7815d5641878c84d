// The case annex as pure code: what the next meeting carries, when an agreement holds, and
// how the register orders cases, given today's date.
import { describe, expect, it } from 'vitest';
import { annexAgreement, annexDigest } from '../../shared/cases/annex';
import { caseInput, type CaseEntry, type CaseStage } from '../../shared/cases/case';
import { buildCaseRegister, casesByStage, changeOnSave } from '../../shared/cases/case-register';
import { carryCases } from '../../shared/cases/carry';

const entry = (id: string, stage: CaseStage, due: string | null = null): CaseEntry => ({
  id,
  thread: { meetingId: 'm3', caseId: id },
  sides: [{ party: 'TH', reference: `TH-${id}`, agency: 'Police' }],
  stage,
  repatriatedOn: stage === 'repatriated' ? '2025-01-02' : null,
  nextStep: { en: 'Follow up' },
  due,
  carriedFrom: null,
});

describe('cases as pure code', () => {
  it('the next meeting carries exactly the open cases, as new copies on the same thread', () => {
    let n = 0;
    const carried = carryCases('m3', [entry('a', 'identified'), entry('b', 'closed'), entry('c', 'repatriated')], () => `new${++n}`);
    expect(carried.map((c) => [c.id, c.thread.caseId, c.carriedFrom])).toEqual([
      ['new1', 'a', 'm3'],
      ['new2', 'c', 'm3'],
    ]);
  });

  it('an agreement holds for the annex as agreed, and lapses when any case changes', () => {
    const cases = [entry('a', 'identified')];
    const agreements = [{ party: 'TH', digest: annexDigest(cases), by: 'h1', at: '2025-03-12T03:00:00Z' }];
    expect(annexAgreement(cases, agreements, ['TH', 'LA'])).toEqual({ TH: true, LA: false });
    expect(annexAgreement([entry('a', 'nationality-verified')], agreements, ['TH', 'LA'])).toEqual({ TH: false, LA: false });
    expect(annexAgreement([], [], ['TH'])).toEqual({ TH: true });
  });

  it('keeps a change for a new case and a new stage only', () => {
    expect(changeOnSave(undefined, entry('a', 'identified'))).toEqual({ kind: 'recorded', from: null });
    expect(changeOnSave(undefined, { ...entry('a', 'identified'), carriedFrom: 'm3' })).toEqual({ kind: 'carried', from: null });
    expect(changeOnSave(entry('a', 'identified'), entry('a', 'identified'))).toBeNull();
    expect(changeOnSave(entry('a', 'identified'), entry('a', 'closed'))).toEqual({ kind: 'changed', from: 'identified' });
  });

  it('orders the register overdue first, then open by due date, then closed; counts open cases by stage', () => {
    const meeting = { meetingId: 'm3', seriesId: 's', number: 3, code: 'CMM 03', series: {}, state: 'draft' as const };
    const rows = buildCaseRegister(
      [
        {
          ...meeting,
          cases: [
            entry('late', 'identified', '2025-01-01'),
            entry('soon', 'identified', '2025-06-01'),
            entry('done', 'closed'),
            entry('old', 'repatriated', '2024-12-01'),
          ],
        },
      ],
      [],
      '2025-03-12',
    );
    expect(rows.map((r) => [r.caseId, r.overdue])).toEqual([
      ['old', true],
      ['late', true],
      ['soon', false],
      ['done', false],
    ]);
    expect(casesByStage(rows.filter((r) => r.stage !== 'closed'))).toMatchObject({ identified: 2, repatriated: 1, closed: 0 });
  });

  it('refuses a name where a reference goes and a repatriated case without its date, naming each', () => {
    const bad = caseInput.safeParse({ sides: [{ party: 'TH', reference: 'Malee Jaidee' }], stage: 'repatriated' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['repatriatedOn', 'sides.0.reference']);
  });
});
