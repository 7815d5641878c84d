import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { laidFixture } from '../helpers/laid-record';
import { lockBlockers } from '../../shared/record/agreement';
import { actionPoints, agenda } from '../../shared/record/schema';
import { openingWords, placeBlockers } from '../../client/features/lifecycle/blockers';

describe('what blocks a lock, as the secretariat finds it', () => {
  it('names each segment by its agenda item (number and title) and place, and each action point by number and words', () => {
    const doc = laidFixture();
    const placed = placeBlockers(doc, lockBlockers(doc));
    const segment = placed.find((b) => b.kind === 'segment')!;
    expect(segment).toMatchObject({ kind: 'segment', segmentNumber: 1, missingParties: ['TH', 'LA'] });
    expect(segment.kind === 'segment' && segment.itemNumber).toBeGreaterThan(0);
    const item = agenda(doc).get((segment.kind === 'segment' ? segment.itemNumber! : 1) - 1);
    expect(segment.kind === 'segment' && segment.agendaItemId).toBe(item.get('id'));
    expect(segment.kind === 'segment' && segment.itemTitle.en).toBeTruthy();

    const point = placed.find((b) => b.kind === 'actionPoint')!;
    expect(point).toMatchObject({ kind: 'actionPoint', pointNumber: 1 });
    expect(point.kind === 'actionPoint' && point.pointText.th).toBe((actionPoints(doc).get(0).get('text') as Y.Map<Y.Text>).get('th')!.toString());
  });

  it('still lists a blocker this browser no longer has (deleted meanwhile), without a place', () => {
    const doc = laidFixture();
    const [placed] = placeBlockers(doc, [{ kind: 'segment', id: 'gone', agendaItemId: 'gone-item', missingParties: ['LA'], openBrackets: 1 }]);
    expect(placed).toMatchObject({ kind: 'segment', itemNumber: null, segmentNumber: null, agendaItemId: 'gone-item', openBrackets: 1 });
  });

  it('shortens long action point texts at a word, whitespace folded', () => {
    expect(openingWords('The Thai side\n drafts   the list')).toBe('The Thai side drafts the list');
    expect(openingWords('x'.repeat(70), 60)).toBe(`${'x'.repeat(60)}…`);
  });
});
