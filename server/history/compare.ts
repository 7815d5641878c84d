// Comparing two versions of a record, cell by cell: the text the later one added (named by
// the participant who claimed the Yjs client id it was written under) and the text it no
// longer has (named by the participant whose stored update deleted it). The later
// version holds every item the earlier one did, deleted or not, so one walk over it in
// document order gives each cell's insertions and deletions in place.
import * as Y from 'yjs';
import { actionPoints, agenda, minutes, segmentCells } from '../../shared/record/schema';
import type { ClientClaim, EditAuthor, EditRow } from '../storage/storage';
import type { CellDiff, Comparison, DiffRun } from '../../shared/history-requests';

export type { Comparison };

interface Cell {
  kind: CellDiff['kind'];
  id: string;
  agendaItemId?: string;
  language: string;
  type: Y.AbstractType<unknown>;
}

function cellsOf(doc: Y.Doc): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const add = (kind: Cell['kind'], id: string, texts: Y.Map<unknown> | undefined, agendaItemId?: string) =>
    texts?.forEach((type, language) => {
      if (type instanceof Y.AbstractType) cells.set(`${kind}/${id}/${language}`, { kind, id, language, type, ...(agendaItemId ? { agendaItemId } : {}) });
    });
  for (const item of agenda(doc)) add('agenda-item', String(item.get('id')), item.get('title') as Y.Map<unknown>);
  for (const [itemId, segments] of minutes(doc))
    for (const segment of segments) add('segment', String(segment.get('id')), segmentCells(segment) as Y.Map<unknown>, itemId);
  for (const point of actionPoints(doc)) add('action-point', String(point.get('id')), point.get('text') as Y.Map<unknown>);
  return cells;
}

/** Every character-bearing item of a cell in order, deleted ones included, with paragraph breaks. */
function* pieces(type: Y.AbstractType<unknown>): Generator<{ item: Y.Item } | { paragraph: true }> {
  let first = true;
  for (let item = type._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentString || item.content instanceof Y.ContentDeleted) yield { item };
    else if (item.content instanceof Y.ContentType) {
      if (!first && !item.deleted && item.content.type instanceof Y.XmlElement) yield { paragraph: true };
      first = false;
      yield* pieces(item.content.type as Y.AbstractType<unknown>);
    }
  }
}

/** The text a cell shows. */
function shownText(type: Y.AbstractType<unknown>): string {
  let text = '';
  for (const piece of pieces(type)) if ('item' in piece && !piece.item.deleted && piece.item.content instanceof Y.ContentString) text += piece.item.content.str;
  return text;
}

/** Who deleted what: per client id, the deleted ranges sorted by clock, with their author. */
function deletionIndex(edits: EditRow[]): (client: number, clock: number) => EditAuthor | null {
  const byClient = new Map<number, [number, number, EditAuthor][]>();
  for (const edit of edits)
    for (const [client, clock, len] of edit.deletes) {
      const list = byClient.get(client) ?? [];
      list.push([clock, len, { participantId: edit.participantId, party: edit.party, name: edit.name }]);
      byClient.set(client, list);
    }
  for (const list of byClient.values()) list.sort((a, b) => a[0] - b[0]);
  return (client, clock) => {
    const list = byClient.get(client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let found: EditAuthor | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, len, author] = list[mid]!;
      if (clock < start) hi = mid - 1;
      else {
        if (clock < start + len) found = author;
        lo = mid + 1;
      }
    }
    return found;
  };
}

export function compareStates(from: Uint8Array, to: Uint8Array, claims: ClientClaim[], edits: EditRow[]): Comparison {
  const before = new Y.Doc({ gc: false });
  const after = new Y.Doc({ gc: false });
  Y.applyUpdate(before, from);
  Y.applyUpdate(after, to);
  const owner = new Map<number, EditAuthor>(claims.map((c) => [c.clientId, { participantId: c.participantId, party: c.party, name: c.name }]));
  const deleter = deletionIndex(edits);
  const tally = new Map<string, EditAuthor & { inserted: number; deleted: number }>();
  const count = (by: EditAuthor | null, change: 'inserted' | 'deleted', n: number) => {
    if (!by) return;
    const entry = tally.get(by.participantId) ?? { ...by, inserted: 0, deleted: 0 };
    entry[change] += n;
    tally.set(by.participantId, entry);
  };

  // Whether a character showed in the earlier version, and what it was: from its state and
  // delete set, without listing every character (a long record has hundreds of thousands).
  const known = Y.decodeStateVector(Y.encodeStateVector(before));
  const deletedBefore = Y.createDeleteSetFromStructStore(before.store);
  const shownBefore = (client: number, clock: number) => clock < (known.get(client) ?? 0) && !Y.isDeleted(deletedBefore, Y.createID(client, clock));
  const charBefore = (client: number, clock: number) => {
    const item = Y.getItem(before.store, Y.createID(client, clock));
    return item instanceof Y.Item && item.content instanceof Y.ContentString ? item.content.str[clock - item.id.clock]! : '';
  };

  const beforeCells = cellsOf(before);
  const afterCells = cellsOf(after);
  const cells: CellDiff[] = [];
  for (const cell of afterCells.values()) {
    const runs: DiffRun[] = [];
    const push = (change: DiffRun['change'], text: string, by: EditAuthor | null) => {
      if (text.length === 0) return;
      const last = runs[runs.length - 1];
      if (last && last.change === change && last.by?.participantId === by?.participantId) last.text += text;
      else runs.push({ change, text, by });
      if (change !== 'same') count(by, change, text.length);
    };
    for (const piece of pieces(cell.type)) {
      if ('paragraph' in piece) {
        push('same', '\n', null);
        continue;
      }
      const { item } = piece;
      const { client, clock } = item.id;
      if (!item.deleted) {
        // Still shown: what the earlier version already had (below its state for this client) is the same, the rest inserted.
        const str = (item.content as Y.ContentString).str;
        const split = Math.max(0, Math.min(str.length, (known.get(client) ?? 0) - clock));
        push('same', str.slice(0, split), null);
        push('inserted', str.slice(split), owner.get(client) ?? null);
      } else {
        for (let i = 0; i < item.length; i++) if (shownBefore(client, clock + i)) push('deleted', charBefore(client, clock + i), deleter(client, clock + i));
      }
    }
    if (runs.some((r) => r.change !== 'same')) cells.push(diffOf(cell, runs));
  }
  // Cells the later version no longer has at all (their item was removed): all deleted.
  for (const [key, cell] of beforeCells) {
    if (afterCells.has(key)) continue;
    const text = shownText(cell.type);
    if (text.length === 0) continue;
    const first = cell.type._item?.id;
    const by = first ? deleter(first.client, first.clock) : null;
    count(by, 'deleted', text.length);
    cells.push(diffOf(cell, [{ change: 'deleted', text, by }]));
  }
  before.destroy();
  after.destroy();
  return { cells, authors: [...tally.values()] };
}

const diffOf = (cell: Cell, runs: DiffRun[]): CellDiff => ({
  kind: cell.kind,
  id: cell.id,
  ...(cell.agendaItemId ? { agendaItemId: cell.agendaItemId } : {}),
  language: cell.language,
  runs,
});
