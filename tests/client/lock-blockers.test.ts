// What blocks the lock, as the workspace keeps it while people type: recomputed only for the
// segments and action points that changed, and always equal to judging the whole record anew.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { laidFixture } from '../helpers/laid-record';
import { findTarget, lockBlockers, markFor } from '../../shared/record/agreement';
import { proposals } from '../../shared/record/proposals';
import { actionPoints, agenda, agendaItemId, agreement, agreementKey, meta, minutes, segmentCells, segmentId } from '../../shared/record/schema';
import { addSegment, deleteSegment, moveSegment, setBracket } from '../../shared/record/segment-ops';
import { currentLockBlockers } from '../../client/record/lock-blockers';

const firstItem = (doc: Y.Doc) =>
  agendaItemId(
    agenda(doc)
      .toArray()
      .find((item) => (minutes(doc).get(agendaItemId(item))?.length ?? 0) > 0)!,
  );
const segmentAt = (doc: Y.Doc, i: number) => minutes(doc).get(firstItem(doc))!.get(i);
const textOf = (doc: Y.Doc, i: number, language: string) => {
  const cell = segmentCells(segmentAt(doc, i)).get(language)!;
  if (cell.length === 0) cell.insert(0, [new Y.XmlElement('paragraph')]);
  const paragraph = cell.get(0) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText('words')]);
  return paragraph.get(0) as Y.XmlText;
};

describe('what blocks the lock, kept up to date in the workspace', () => {
  it('equals the whole record judged anew after each kind of change, here or from a peer', () => {
    const doc = laidFixture();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(peer, update, 'peer'));
    peer.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(doc, update, 'peer'));
    const same = () => expect(currentLockBlockers(doc)).toEqual(lockBlockers(doc));
    const language = (meta(doc).get('languages') as string[])[0]!;
    // A second segment to work on besides the fixture's.
    addSegment(doc, firstItem(doc), 'second', 1);
    textOf(doc, 1, language);
    same();

    // Every party agrees the first segment: it stops blocking; typing into it blocks it again.
    const first = segmentId(segmentAt(doc, 0));
    for (const party of ['TH', 'LA']) agreement(doc).set(agreementKey(first, party), markFor(doc, findTarget(doc, first)!, party, 'x', new Date()));
    same();
    expect(currentLockBlockers(doc).some((b) => b.id === first)).toBe(false);
    textOf(peer, 0, language).insert(0, 'Typed by a peer. ');
    same();
    expect(currentLockBlockers(doc).find((b) => b.id === first)?.missingParties).toEqual(['TH', 'LA']);

    // Brackets, a cell emptied, an open proposal.
    setBracket(textOf(doc, 1, language) as unknown as Y.Text, 0, 4, true);
    same();
    const emptied = textOf(doc, 1, language);
    emptied.delete(0, emptied.length);
    same();
    const second = segmentId(segmentAt(doc, 1));
    proposals(peer).set('pr1', {
      id: 'pr1',
      segmentId: second,
      agendaItemId: firstItem(doc),
      language,
      text: 'Other words',
      baseText: '',
      by: 'p1',
      byName: 'Somchai',
      party: 'TH',
      at: '2025-03-12T03:00:00Z',
      state: 'open',
    });
    same();

    // Segments added, moved and deleted; an action point's text changed.
    addSegment(doc, firstItem(doc), 'new-segment', 0);
    same();
    moveSegment(peer, firstItem(peer), first, 2);
    same();
    deleteSegment(doc, firstItem(doc), second);
    same();
    (actionPoints(doc).get(0).get('text') as Y.Map<Y.Text>).get(language)!.insert(0, 'Now ');
    same();
    // Nothing changed: the same array, not a new one.
    expect(currentLockBlockers(doc)).toBe(currentLockBlockers(doc));
  });
});
