// Which edit lapses which mark, found from the transaction alone: pure, without a server.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementTargets, markFor } from '../../shared/record/agreement';
import { lapses, newLapses, touchedTargets } from '../../shared/record/lapses';
import { agreement, agreementKey, meta, parties, segmentCells, type SegmentMap } from '../../shared/record/schema';
import { addAgendaItem, addSegment } from '../../shared/record/segment-ops';
import { writePlainParagraphs } from '../../shared/record/rich-text';

function record() {
  const doc = new Y.Doc();
  doc.transact(() => {
    meta(doc).set('languages', ['th', 'lo']);
    parties(doc).push([
      { code: 'TH', name: {}, language: 'th' },
      { code: 'LA', name: {}, language: 'lo' },
    ]);
  });
  addAgendaItem(doc, 'item-1');
  addSegment(doc, 'item-1', 'seg-1');
  addSegment(doc, 'item-1', 'seg-2');
  const [one, two] = agreementTargets(doc) as { id: string; segment: SegmentMap; kind: 'segment'; agendaItemId: string }[];
  writePlainParagraphs(segmentCells(one!.segment).get('lo')!, 'ຂໍ້ຄວາມ');
  return { doc, one: one!, two: two! };
}

const LAO = { participantId: 'p-la', name: 'Souksavanh', party: 'LA' };
const AT = new Date('2025-03-12T03:00:00Z');

function touched(doc: Y.Doc, change: () => void) {
  let found = new Map<string, Set<string>>();
  doc.once('afterTransaction', (tr: Y.Transaction) => (found = touchedTargets(tr)));
  doc.transact(change);
  return found;
}

describe('lapse notices', () => {
  it('an edit in a segment’s Lao cell touches that segment, in Lao, and nothing else', () => {
    const { doc, one } = record();
    const found = touched(doc, () => (segmentCells(one.segment).get('lo')!.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('x')]));
    expect([...found].map(([id, languages]) => [id, [...languages]])).toEqual([['seg-1', ['lo']]]);
  });

  it('the Thai mark on an edited segment lapses, named with who changed it; an unmarked segment says nothing', () => {
    const { doc, one, two } = record();
    agreement(doc).set(agreementKey(one.id, 'TH'), markFor(doc, one, 'TH', 'p-th-head', AT));
    const edit = touched(doc, () => {
      (segmentCells(one.segment).get('lo')!.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('x')]);
      writePlainParagraphs(segmentCells(two.segment).get('th')!, 'ใหม่');
    });
    const found = newLapses(doc, edit, LAO, AT);
    expect(found).toEqual([
      {
        targetId: 'seg-1',
        kind: 'segment',
        agendaItemId: 'item-1',
        party: 'TH',
        markAt: AT.toISOString(),
        changedBy: 'p-la',
        changedByName: 'Souksavanh',
        changedByParty: 'LA',
        languages: ['lo'],
        at: AT.toISOString(),
      },
    ]);
    // Noted once: the same lapsed mark is not noted again by a later edit.
    lapses(doc).set(agreementKey(one.id, 'TH'), found[0]!);
    const again = touched(doc, () => (segmentCells(one.segment).get('lo')!.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('y')]));
    expect(newLapses(doc, again, LAO, AT)).toEqual([]);
  });
});
