// What a record must hold before it can be locked, beyond every party's agreement: a text in
// every authentic language wherever the record speaks (segments, agenda titles, action
// points), a head of delegation for every party, since each must sign, and the fixed words
// of every working language, so that no original prints English in an authentic text.
import type * as Y from 'yjs';
import { hasWording } from '../wording/languages';
import { noMemo, type TargetMemo } from './target-memo';
import { plainText } from './rich-text';
import { actionPoints, agenda, agendaItemId, agendaItemTitle, minutes, parties, participants, readMeetingFacts, segmentCells, segmentId } from './schema';

export type ReadinessBlocker =
  | { kind: 'segment'; id: string; agendaItemId: string; emptyLanguages: string[] }
  | { kind: 'agendaItem'; id: string; emptyLanguages: string[] }
  | { kind: 'actionPoint'; id: string; emptyLanguages: string[] }
  | { kind: 'party'; id: string; problem: 'no-head' }
  | { kind: 'language'; id: string; problem: 'no-wording' };

/** `memo` keeps a segment's or action point's empty languages while it is unchanged (see lockBlockers). */
export function readinessBlockers(doc: Y.Doc, memo: TargetMemo = noMemo): ReadinessBlocker[] {
  const facts = readMeetingFacts(doc);
  const authentic = facts.authenticLanguages ?? [];
  const blockers: ReadinessBlocker[] = [];
  const emptyIn = (text: (language: string) => string) => authentic.filter((language) => text(language).trim() === '');

  for (const item of agenda(doc)) {
    const id = agendaItemId(item);
    const title = agendaItemTitle(item);
    const emptyTitle = emptyIn((l) => title?.get(l)?.toString() ?? '');
    if (emptyTitle.length > 0) blockers.push({ kind: 'agendaItem', id, emptyLanguages: emptyTitle });
    for (const segment of minutes(doc).get(id) ?? []) {
      const empty = memo(segment, 'empty', () => {
        const cells = segmentCells(segment);
        return emptyIn((l) => {
          const cell = cells.get(l);
          return cell ? plainText(cell) : '';
        });
      });
      if (empty.length > 0) blockers.push({ kind: 'segment', id: segmentId(segment), agendaItemId: id, emptyLanguages: empty });
    }
  }
  for (const point of actionPoints(doc)) {
    const empty = memo(point, 'empty', () => {
      const texts = point.get('text') as Y.Map<Y.Text> | undefined;
      return emptyIn((l) => texts?.get(l)?.toString() ?? '');
    });
    if (empty.length > 0) blockers.push({ kind: 'actionPoint', id: String(point.get('id')), emptyLanguages: empty });
  }
  const people = participants(doc).toArray();
  for (const party of parties(doc)) {
    if (!people.some((p) => p.party === party.code && p.role === 'head')) blockers.push({ kind: 'party', id: party.code, problem: 'no-head' });
  }
  for (const language of facts.languages ?? []) if (!hasWording(language)) blockers.push({ kind: 'language', id: language, problem: 'no-wording' });
  return blockers;
}
