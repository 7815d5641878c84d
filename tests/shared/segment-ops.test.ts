import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixture } from '../helpers/server';
import { meetingInput } from '../../shared/record/meeting-input';
import { layRecord } from '../../shared/record/lay-record';
import {
  actionPoints,
  agenda,
  agendaItemId,
  agendaItemTitle,
  agreement,
  agreementKey,
  minutes,
  segmentCells,
  segmentId,
  type Participant,
} from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';
import { agreementOf, findTarget, lockBlockers, markFor } from '../../shared/record/agreement';
import {
  RecordEditError,
  addActionPoint,
  addAgendaItem,
  addSegment,
  deleteSegment,
  editText,
  mergeWithNext,
  moveActionPoint,
  moveAgendaItem,
  moveSegment,
  removeAgendaItem,
  renameAgendaItem,
  setActionPointTerms,
  setActionPointText,
  setBracket,
  splitSegment,
} from '../../shared/record/segment-ops';
import { countBrackets } from '../../shared/record/brackets';

/** The CMM 04 record as the server lays it out. */
function cmm04(): Y.Doc {
  const input = meetingInput.parse(fixture('cmm04-th-la'));
  let n = 0;
  const roster: Participant[] = input.participants.map((p, i) => ({ id: `p${i}`, ...p }));
  const doc = new Y.Doc();
  layRecord(doc, input, { meetingId: 'm1', version: 1, previousRecordHash: null }, roster, () => `id${++n}`);
  return doc;
}

const itemIds = (doc: Y.Doc) => agenda(doc).toArray().map(agendaItemId);
const titleOf = (doc: Y.Doc, i: number, lang: string) => agendaItemTitle(agenda(doc).get(i)).get(lang)!.toString();
const segmentsOf = (doc: Y.Doc, itemId: string) => minutes(doc).get(itemId)!.toArray();
const cellText = (doc: Y.Doc, itemId: string, i: number, lang: string) => plainText(segmentCells(segmentsOf(doc, itemId)[i]!).get(lang)!);
/** Agenda item 3 of CMM 04 carries one segment of minutes. */
const progressItem = (doc: Y.Doc) => itemIds(doc)[2]!;

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('agenda operations', () => {
  it('adds an item titled in every working language, with an empty list of minutes', () => {
    const doc = cmm04();
    addAgendaItem(doc, 'new', { th: 'วาระใหม่', en: 'New item' }, 1);
    expect(itemIds(doc)[1]).toBe('new');
    expect(titleOf(doc, 1, 'th')).toBe('วาระใหม่');
    expect(titleOf(doc, 1, 'lo')).toBe('');
    expect(minutes(doc).get('new')!.length).toBe(0);
  });

  it('renames one language and leaves the others', () => {
    const doc = cmm04();
    renameAgendaItem(doc, itemIds(doc)[0]!, 'lo', 'ພິທີເປີດ');
    expect(titleOf(doc, 0, 'lo')).toBe('ພິທີເປີດ');
    expect(titleOf(doc, 0, 'th')).toBe('พิธีเปิดการประชุม');
  });

  it('moves an item, keeping its id so its minutes stay with it', () => {
    const doc = cmm04();
    const before = itemIds(doc);
    moveAgendaItem(doc, before[2]!, 0);
    expect(itemIds(doc)).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
    expect(cellText(doc, before[2]!, 0, 'en')).toMatch(/^Both countries presented progress/);
    moveAgendaItem(doc, before[2]!, 99);
    expect(itemIds(doc).at(-1)).toBe(before[2]);
  });

  it('removes an item together with its minutes', () => {
    const doc = cmm04();
    const id = progressItem(doc);
    removeAgendaItem(doc, id);
    expect(itemIds(doc)).not.toContain(id);
    expect(minutes(doc).has(id)).toBe(false);
  });

  it('refuses an unknown item with a named error and changes nothing', () => {
    const doc = cmm04();
    const before = Y.encodeStateVector(doc);
    expect(() => moveAgendaItem(doc, 'nope', 0)).toThrow(RecordEditError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('two writers adding the first segments of a new item at once keep both', () => {
    const a = cmm04();
    const b = new Y.Doc();
    sync(a, b);
    addAgendaItem(a, 'fresh');
    sync(a, b);
    addSegment(a, 'fresh', 'from-a');
    addSegment(b, 'fresh', 'from-b');
    sync(a, b);
    expect(segmentsOf(a, 'fresh').map(segmentId).sort()).toEqual(['from-a', 'from-b']);
  });
});

describe('segment operations', () => {
  it('adds an empty segment with a cell for each working language', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    addSegment(doc, item, 's-new', 0);
    const cells = segmentCells(segmentsOf(doc, item)[0]!);
    expect([...cells.keys()].sort()).toEqual(['en', 'lo', 'th']);
    expect(segmentId(segmentsOf(doc, item)[1]!)).not.toBe('s-new');
  });

  it('splits at a point in each language; a language without a point keeps its text', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    const id = segmentId(segmentsOf(doc, item)[0]!);
    const thai = cellText(doc, item, 0, 'th');
    const english = cellText(doc, item, 0, 'en');
    splitSegment(doc, item, id, 's2', { th: { block: 0, offset: 10 }, en: { block: 0, offset: 14 } });
    expect(segmentsOf(doc, item).map(segmentId)).toEqual([id, 's2']);
    expect(cellText(doc, item, 0, 'th')).toBe(thai.slice(0, 10));
    expect(cellText(doc, item, 1, 'th')).toBe(thai.slice(10));
    expect(cellText(doc, item, 0, 'en')).toBe('Both countries');
    expect(cellText(doc, item, 1, 'en')).toBe(english.slice(14));
    expect(cellText(doc, item, 1, 'lo')).toBe('');
    expect(cellText(doc, item, 0, 'lo')).toMatch(/^ທັງສອງປະເທດ/);
  });

  it('keeps bold and brackets on the words that move in a split', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    const id = segmentId(segmentsOf(doc, item)[0]!);
    const text = (segmentCells(segmentsOf(doc, item)[0]!).get('en')!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 4, { bold: {} });
    text.format(15, 9, { bracket: {} });
    splitSegment(doc, item, id, 's2', { en: { block: 0, offset: 2 } });
    const tail = (segmentCells(segmentsOf(doc, item)[1]!).get('en')!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const delta = tail.toDelta() as { insert: string; attributes?: Record<string, unknown> }[];
    expect(delta[0]).toEqual({ insert: 'th', attributes: { bold: {} } });
    expect(delta.find((op) => op.attributes?.bracket)?.insert).toBe('presented');
    expect(countBrackets(segmentCells(segmentsOf(doc, item)[1]!).get('en')!)).toBe(1);
  });

  it('splits between paragraphs when the point is at the start of a block', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    addSegment(doc, item, 'two', 1);
    const cell = segmentCells(segmentsOf(doc, item)[1]!).get('th')!;
    for (const line of ['ย่อหน้าหนึ่ง', 'ย่อหน้าสอง']) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(line)]);
      cell.insert(cell.length, [p]);
    }
    splitSegment(doc, item, 'two', 'three', { th: { block: 1, offset: 0 } });
    expect(cellText(doc, item, 1, 'th')).toBe('ย่อหน้าหนึ่ง');
    expect(cellText(doc, item, 2, 'th')).toBe('ย่อหน้าสอง');
  });

  it('merges a segment with the next, each language in order, and refuses at the end', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    const id = segmentId(segmentsOf(doc, item)[0]!);
    const english = cellText(doc, item, 0, 'en');
    splitSegment(doc, item, id, 's2', { en: { block: 0, offset: 14 } });
    mergeWithNext(doc, item, id);
    expect(segmentsOf(doc, item).map(segmentId)).toEqual([id]);
    expect(cellText(doc, item, 0, 'en')).toBe(`Both countries\n${english.slice(14)}`);
    expect(() => mergeWithNext(doc, item, id)).toThrow(RecordEditError);
  });

  it('moves a segment under the same id, and a party’s agreement stays because the words did not change', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    const id = segmentId(segmentsOf(doc, item)[0]!);
    addSegment(doc, item, 'after', 1);
    const target = findTarget(doc, id)!;
    agreement(doc).set(agreementKey(id, 'TH'), markFor(doc, target, 'TH', 'p0', new Date('2025-03-12T03:00:00Z')));
    moveSegment(doc, item, id, 1);
    expect(segmentsOf(doc, item).map(segmentId)).toEqual(['after', id]);
    expect(agreementOf(doc, findTarget(doc, id)!)).toEqual({ TH: true, LA: false });
  });

  it('editing an agreed segment clears its agreement on its own', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    const id = segmentId(segmentsOf(doc, item)[0]!);
    for (const party of ['TH', 'LA']) agreement(doc).set(agreementKey(id, party), markFor(doc, findTarget(doc, id)!, party, 'x', new Date()));
    expect(agreementOf(doc, findTarget(doc, id)!)).toEqual({ TH: true, LA: true });
    const text = (segmentCells(segmentsOf(doc, item)[0]!).get('lo')!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'ແກ້ໄຂ ');
    expect(agreementOf(doc, findTarget(doc, id)!)).toEqual({ TH: false, LA: false });
  });

  it('deletes a segment', () => {
    const doc = cmm04();
    const item = progressItem(doc);
    const id = segmentId(segmentsOf(doc, item)[0]!);
    deleteSegment(doc, item, id);
    expect(segmentsOf(doc, item)).toHaveLength(0);
    expect(() => deleteSegment(doc, item, id)).toThrow(/no segment/);
  });
});

describe('action point operations', () => {
  const pointIds = (doc: Y.Doc) =>
    actionPoints(doc)
      .toArray()
      .map((p) => p.get('id'));

  it('adds a point with text in every language and default terms', () => {
    const doc = cmm04();
    addActionPoint(doc, 'ap', { party: 'LA', due: '2025-09-30' }, { lo: 'ສົ່ງລາຍງານ' });
    const point = actionPoints(doc).get(2);
    expect(point.get('status')).toBe('open');
    expect(point.get('due')).toBe('2025-09-30');
    expect((point.get('text') as Y.Map<Y.Text>).get('lo')!.toString()).toBe('ສົ່ງລາຍງານ');
    expect((point.get('text') as Y.Map<Y.Text>).get('th')!.toString()).toBe('');
  });

  it('refuses terms the record cannot hold, naming each problem, and stores nothing', () => {
    const doc = cmm04();
    const id = pointIds(doc)[0] as string;
    expect(() => setActionPointTerms(doc, id, { party: 'XX', due: '30/06/2025' })).toThrow(/XX is not a party.*YYYY-MM-DD/);
    expect(actionPoints(doc).get(0).get('party')).toBe('TH');
    expect(() => addActionPoint(doc, 'bad', { party: 'TH', status: 'maybe' as never })).toThrow(/not a status/);
    expect(pointIds(doc)).toHaveLength(2);
  });

  it('editing terms or text of an agreed action point clears its agreement', () => {
    const doc = cmm04();
    const id = pointIds(doc)[0] as string;
    agreement(doc).set(agreementKey(id, 'LA'), markFor(doc, findTarget(doc, id)!, 'LA', 'x', new Date()));
    expect(agreementOf(doc, findTarget(doc, id)!).LA).toBe(true);
    setActionPointTerms(doc, id, { status: 'in progress' });
    expect(agreementOf(doc, findTarget(doc, id)!).LA).toBe(false);
    agreement(doc).set(agreementKey(id, 'LA'), markFor(doc, findTarget(doc, id)!, 'LA', 'x', new Date()));
    setActionPointText(doc, id, 'en', 'The Thai side drafts the Phase 3 Action Plan.');
    expect(agreementOf(doc, findTarget(doc, id)!).LA).toBe(false);
  });

  it('reorders points', () => {
    const doc = cmm04();
    const [first, second] = pointIds(doc);
    moveActionPoint(doc, first as string, 1);
    expect(pointIds(doc)).toEqual([second, first]);
  });

  it('brackets a run of an action point as under discussion, and the record counts it', () => {
    const doc = cmm04();
    const id = pointIds(doc)[0] as string;
    const text = (actionPoints(doc).get(0).get('text') as Y.Map<Y.Text>).get('en')!;
    setBracket(text, 4, 10, true);
    setBracket(text, 30, 5, true);
    expect(lockBlockers(doc).find((b) => b.id === id)?.openBrackets).toBe(2);
    setBracket(text, 0, text.length, false);
    expect(lockBlockers(doc).find((b) => b.id === id)?.openBrackets).toBe(0);
  });
});

describe('editText', () => {
  it('changes only the differing middle, so a peer typing elsewhere keeps their words', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'ฝ่ายไทยยกร่างแผน');
    sync(a, b);
    editText(a.getText('t'), 'ฝ่ายไทยจะยกร่างแผน');
    b.getText('t').insert(b.getText('t').length, ' ระยะที่ 3');
    sync(a, b);
    expect(a.getText('t').toString()).toBe('ฝ่ายไทยจะยกร่างแผน ระยะที่ 3');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('keeps the bracket on words it does not touch', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'due by June');
    setBracket(text, 7, 4, true);
    editText(text, 'due by end of June');
    expect(countBrackets(text)).toBe(1);
    expect((text.toDelta() as { insert: string; attributes?: object }[]).find((op) => op.attributes)?.insert).toBe('June');
  });
});
