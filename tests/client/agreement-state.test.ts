import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { laidFixture } from '../helpers/laid-record';
import { actionPoints, agenda, agreement, agreementKey, minutes } from '../../shared/record/schema';
import { findTarget, markFor, type AgreementTarget } from '../../shared/record/agreement';
import { setActionPointTerms, setBracket } from '../../shared/record/segment-ops';
import { agreementState } from '../../client/features/agreement/agreement-state';

function cmm04() {
  const doc = laidFixture();
  const item = agenda(doc).get(2).get('id') as string;
  const segment = findTarget(doc, minutes(doc).get(item)!.get(0).get('id') as string)!;
  const point = findTarget(doc, actionPoints(doc).get(0).get('id') as string)!;
  return { doc, segment, point };
}

const agree = (doc: Y.Doc, target: AgreementTarget, party: string) =>
  agreement(doc).set(agreementKey(target.id, party), markFor(doc, target, party, 'head', new Date('2025-03-12T04:00:00Z')));

describe('agreement as the workspace shows it', () => {
  it('shows each party’s mark, in the meeting’s party order', () => {
    const { doc, segment } = cmm04();
    agree(doc, segment, 'LA');
    expect(agreementState(doc, segment, null, 'draft').parties).toEqual([
      { code: 'TH', agreed: false },
      { code: 'LA', agreed: true },
    ]);
  });

  it('gives a head of delegation one button, for their own party: agree, then withdraw', () => {
    const { doc, segment } = cmm04();
    const thaiHead = { role: 'head' as const, party: 'TH' };
    expect(agreementState(doc, segment, thaiHead, 'draft').action).toBe('agree');
    agree(doc, segment, 'TH');
    expect(agreementState(doc, segment, thaiHead, 'draft').action).toBe('withdraw');
  });

  it('gives no button to delegates, secretariats, observers, or anyone once the record is locked', () => {
    const { doc, segment } = cmm04();
    for (const role of ['delegate', 'secretariat'] as const) expect(agreementState(doc, segment, { role, party: 'LA' }, 'draft').action).toBeNull();
    expect(agreementState(doc, segment, { role: 'observer', party: 'OBS' }, 'draft').action).toBeNull();
    expect(agreementState(doc, segment, { role: 'head', party: 'LA' }, 'locked').action).toBeNull();
  });

  it('shows an action point’s agreement lapse when its terms change, and counts its brackets', () => {
    const { doc, point } = cmm04();
    agree(doc, point, 'TH');
    agree(doc, point, 'LA');
    expect(agreementState(doc, point, null, 'draft').parties.every((p) => p.agreed)).toBe(true);
    setActionPointTerms(doc, point.id, { due: '2025-07-31' });
    expect(agreementState(doc, point, null, 'draft').parties.some((p) => p.agreed)).toBe(false);
    const text = ((point.kind === 'actionPoint' ? point.point : null)!.get('text') as Y.Map<Y.Text>).get('th')!;
    setBracket(text, 0, 7, true);
    expect(agreementState(doc, point, null, 'draft').openBrackets).toBe(1);
  });
});
