// The edits a writer makes to the structure of the record: agenda items, the aligned
// segments of the minutes, and action points. Each is one Yjs transaction, so a peer sees
// it whole. Yjs arrays cannot move an element, so a move re-inserts a copy under the same
// id; agreement marks are keyed by id and sealed to the text, so they survive a move and
// lapse on any change of words, on every client alike.
import * as Y from 'yjs';
import { ACTION_STATUSES, type ActionStatus } from './action-status';
import { newSegment } from './lay-record';
import {
  actionPoints,
  agenda,
  agendaItemId,
  agendaItemTitle,
  localizedYText,
  minutes,
  parties,
  readMeetingFacts,
  segmentCells,
  segmentId,
  type ActionPointMap,
  type AgendaItemMap,
  type LocalizedText,
  type SegmentMap,
} from './schema';
import { BRACKET_MARK } from './brackets';
import { cutFragment, type SplitPoint } from './fragment-cuts';

export type { SplitPoint };

export class RecordEditError extends Error {
  constructor(
    readonly code: 'unknown-agenda-item' | 'unknown-segment' | 'no-next-segment' | 'unknown-action-point' | 'invalid-terms',
    message: string,
  ) {
    super(message);
  }
}

// ——— agenda ———

/** Adds an agenda item with a title in every working language, and its empty minutes. */
export function addAgendaItem(doc: Y.Doc, id: string, titles: LocalizedText = {}, index?: number): void {
  const { languages } = readMeetingFacts(doc);
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    item.set('id', id);
    item.set('title', localizedYText(Object.fromEntries(languages.map((l) => [l, titles[l] ?? '']))));
    const items = agenda(doc);
    items.insert(clampIndex(index ?? items.length, items.length), [item]);
    // Created with the item, so two writers adding the first segments at once add to one
    // list instead of racing to create it.
    minutes(doc).set(id, new Y.Array<SegmentMap>());
  });
}

/** Replaces one language's title, keeping the characters both versions share. */
export function renameAgendaItem(doc: Y.Doc, itemId: string, language: string, title: string): void {
  const titles = agendaItemTitle(findAgendaItem(doc, itemId).item);
  doc.transact(() => {
    const text = titles.get(language);
    if (text) editText(text, title);
    else titles.set(language, new Y.Text(title));
  });
}

export function moveAgendaItem(doc: Y.Doc, itemId: string, toIndex: number): void {
  const { index } = findAgendaItem(doc, itemId);
  doc.transact(() => moveWithin(agenda(doc), index, toIndex));
}

/** Removes the item and its minutes. */
export function removeAgendaItem(doc: Y.Doc, itemId: string): void {
  const { index } = findAgendaItem(doc, itemId);
  doc.transact(() => {
    agenda(doc).delete(index, 1);
    minutes(doc).delete(itemId);
  });
}

// ——— segments ———

/** Adds an empty segment (one cell per working language) at `index`, by default last. */
export function addSegment(doc: Y.Doc, itemId: string, id: string, index?: number): void {
  const { languages } = readMeetingFacts(doc);
  doc.transact(() => {
    const segments = segmentListOf(doc, itemId);
    segments.insert(clampIndex(index ?? segments.length, segments.length), [newSegment(id, languages)]);
  });
}

/**
 * Cuts a segment in two: in each language given a point, what follows it moves to a new
 * segment inserted after; a language without a point keeps all its text in the first.
 */
export function splitSegment(doc: Y.Doc, itemId: string, id: string, newId: string, points: Record<string, SplitPoint>): void {
  const { languages } = readMeetingFacts(doc);
  const { segments, index, segment } = findSegment(doc, itemId, id);
  doc.transact(() => {
    const cells = segmentCells(segment);
    const next = newSegment(newId, languages);
    const moved = new Map<string, Y.XmlElement[]>();
    for (const language of languages) {
      const point = points[language];
      const cell = cells.get(language);
      if (point && cell) moved.set(language, cutFragment(cell, point));
    }
    segments.insert(index + 1, [next]);
    // A new Y.Map shows its entries only once it is part of the document.
    const nextCells = segmentCells(next);
    for (const [language, blocks] of moved) if (blocks.length > 0) nextCells.get(language)!.insert(0, blocks);
  });
}

/** Joins a segment with the one after it: each language's blocks, in order, in one cell. */
export function mergeWithNext(doc: Y.Doc, itemId: string, id: string): void {
  const { segments, index, segment } = findSegment(doc, itemId, id);
  if (index + 1 >= segments.length) throw new RecordEditError('no-next-segment', `segment ${id} is the last of its item`);
  doc.transact(() => {
    const cells = segmentCells(segment);
    segmentCells(segments.get(index + 1)).forEach((fragment, language) => {
      const blocks = fragment.toArray().map((b) => b.clone() as Y.XmlElement);
      const cell = cells.get(language);
      if (!cell) {
        const copy = new Y.XmlFragment();
        copy.insert(0, blocks);
        cells.set(language, copy);
      } else if (blocks.length > 0) {
        cell.insert(cell.length, blocks);
      }
    });
    segments.delete(index + 1, 1);
  });
}

export function moveSegment(doc: Y.Doc, itemId: string, id: string, toIndex: number): void {
  const { segments, index } = findSegment(doc, itemId, id);
  doc.transact(() => moveWithin(segments, index, toIndex));
}

export function deleteSegment(doc: Y.Doc, itemId: string, id: string): void {
  const { segments, index } = findSegment(doc, itemId, id);
  doc.transact(() => segments.delete(index, 1));
}

// ——— action points ———

export interface ActionPointTerms {
  party: string;
  agency: string;
  /** YYYY-MM-DD, or null when no date is set. */
  due: string | null;
  status: ActionStatus;
}

export function addActionPoint(doc: Y.Doc, id: string, terms: Partial<ActionPointTerms> & { party: string }, text: LocalizedText = {}, index?: number): void {
  const full: ActionPointTerms = { agency: '', due: null, status: 'open', ...terms };
  checkTerms(doc, full);
  const { languages } = readMeetingFacts(doc);
  doc.transact(() => {
    const point = new Y.Map<unknown>();
    point.set('id', id);
    point.set('text', localizedYText(Object.fromEntries(languages.map((l) => [l, text[l] ?? '']))));
    for (const [key, value] of Object.entries(full)) point.set(key, value);
    const points = actionPoints(doc);
    points.insert(clampIndex(index ?? points.length, points.length), [point]);
  });
}

/** Changes the terms given; the ones left out stay as they are. */
export function setActionPointTerms(doc: Y.Doc, id: string, terms: Partial<ActionPointTerms>): void {
  const { point } = findActionPoint(doc, id);
  checkTerms(doc, terms);
  doc.transact(() => {
    for (const [key, value] of Object.entries(terms)) if (value !== undefined && point.get(key) !== value) point.set(key, value);
  });
}

/** Replaces one language's text of an action point, keeping what both versions share. */
export function setActionPointText(doc: Y.Doc, id: string, language: string, value: string): void {
  const texts = findActionPoint(doc, id).point.get('text') as Y.Map<Y.Text>;
  doc.transact(() => {
    const text = texts.get(language);
    if (text) editText(text, value);
    else texts.set(language, new Y.Text(value));
  });
}

export function moveActionPoint(doc: Y.Doc, id: string, toIndex: number): void {
  const { index } = findActionPoint(doc, id);
  doc.transact(() => moveWithin(actionPoints(doc), index, toIndex));
}

function checkTerms(doc: Y.Doc, terms: Partial<ActionPointTerms>): void {
  const problems: string[] = [];
  if (
    terms.party !== undefined &&
    !parties(doc)
      .toArray()
      .some((p) => p.code === terms.party)
  )
    problems.push(`${terms.party} is not a party of this meeting`);
  if (terms.due != null && !/^\d{4}-\d{2}-\d{2}$/.test(terms.due)) problems.push('the due date is written YYYY-MM-DD');
  if (terms.status !== undefined && !ACTION_STATUSES.includes(terms.status)) problems.push(`${terms.status} is not a status`);
  if (terms.agency !== undefined && terms.agency.length > 300) problems.push('the agency is at most 300 characters');
  if (problems.length > 0) throw new RecordEditError('invalid-terms', problems.join('; '));
}

// ——— text ———

/**
 * Turns `text` into `next` by one deletion and one insertion around the part both share,
 * so a peer's concurrent typing elsewhere in the text, and brackets on untouched words,
 * are kept.
 */
export function editText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const shortest = Math.min(current.length, next.length);
  while (start < shortest && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  const removed = current.length - start - end;
  const inserted = next.slice(start, next.length - end);
  const run = () => {
    if (removed > 0) text.delete(start, removed);
    if (inserted.length > 0) text.insert(start, inserted);
  };
  if (text.doc) text.doc.transact(run);
  else run();
}

/** Brackets a run of an action point's text as under discussion, or lifts the bracket. */
export function setBracket(text: Y.Text, index: number, length: number, bracketed: boolean): void {
  if (length <= 0) return;
  text.format(index, length, { [BRACKET_MARK]: bracketed ? true : null });
}

// ——— finding things ———

function findAgendaItem(doc: Y.Doc, itemId: string): { item: AgendaItemMap; index: number } {
  const index = agenda(doc)
    .toArray()
    .findIndex((item) => agendaItemId(item) === itemId);
  if (index < 0) throw new RecordEditError('unknown-agenda-item', `there is no agenda item ${itemId}`);
  return { item: agenda(doc).get(index), index };
}

/** The item's segments, made on first use for items laid out without minutes. */
function segmentListOf(doc: Y.Doc, itemId: string): Y.Array<SegmentMap> {
  findAgendaItem(doc, itemId);
  const existing = minutes(doc).get(itemId);
  if (existing) return existing;
  const created = new Y.Array<SegmentMap>();
  minutes(doc).set(itemId, created);
  return created;
}

function findSegment(doc: Y.Doc, itemId: string, id: string) {
  const segments = minutes(doc).get(itemId);
  const index = segments ? segments.toArray().findIndex((s) => segmentId(s) === id) : -1;
  if (!segments || index < 0) throw new RecordEditError('unknown-segment', `there is no segment ${id} under agenda item ${itemId}`);
  return { segments, index, segment: segments.get(index) };
}

function findActionPoint(doc: Y.Doc, id: string): { point: ActionPointMap; index: number } {
  const index = actionPoints(doc)
    .toArray()
    .findIndex((p) => p.get('id') === id);
  if (index < 0) throw new RecordEditError('unknown-action-point', `there is no action point ${id}`);
  return { point: actionPoints(doc).get(index), index };
}

// ——— helpers ———

const clampIndex = (index: number, length: number) => Math.max(0, Math.min(length, Math.trunc(index)));

/** Moves element `from` so that it ends up at index `to`, as a copy under the same id. */
function moveWithin<T extends Y.Map<unknown>>(array: Y.Array<T>, from: number, to: number): void {
  const target = clampIndex(to, array.length - 1);
  if (target === from) return;
  const copy = array.get(from).clone() as T;
  array.delete(from, 1);
  array.insert(target, [copy]);
}
