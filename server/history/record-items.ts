// The structures a record is removed and restored by: an agenda item (with its minutes),
// a segment, an action point. Found by id in a document (the live record, or a version of
// it), told as plain text for the audit log, and copied back as new content.
import * as Y from 'yjs';
import { actionPoints, agenda, minutes, segmentCells, type LocalizedText } from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';

import { ITEM_KINDS } from '../../shared/history-requests';

export { ITEM_KINDS };
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface FoundItem {
  kind: ItemKind;
  id: string;
  map: Y.Map<unknown>;
  /** The array it stands in, and where. */
  list: Y.Array<Y.Map<unknown>>;
  index: number;
  /** The agenda item a segment belongs to. */
  agendaItemId?: string;
}

export function findItem(doc: Y.Doc, kind: ItemKind, id: string): FoundItem | undefined {
  const within = (list: Y.Array<Y.Map<unknown>>, extra: Partial<FoundItem> = {}): FoundItem | undefined => {
    const index = list.toArray().findIndex((m) => m.get('id') === id);
    return index < 0 ? undefined : { kind, id, map: list.get(index), list, index, ...extra };
  };
  if (kind === 'agenda-item') return within(agenda(doc));
  if (kind === 'action-point') return within(actionPoints(doc));
  for (const [itemId, segments] of minutes(doc).entries()) {
    const found = within(segments, { agendaItemId: itemId });
    if (found) return found;
  }
  return undefined;
}

/** The Yjs client ids of every piece of content under the item, removed pieces included: who touched it. */
export function clientsWithin(found: FoundItem, doc: Y.Doc): Set<number> {
  const clients = new Set<number>();
  const walk = (type: Y.AbstractType<unknown>) => {
    if (type._item) clients.add(type._item.id.client);
    for (let item = type._start; item !== null; item = item.right) visit(item);
    for (const item of type._map.values()) for (let i: Y.Item | null = item; i !== null; i = i.left) visit(i);
  };
  const visit = (item: Y.Item) => {
    clients.add(item.id.client);
    if (item.content instanceof Y.ContentType) walk(item.content.type as Y.AbstractType<unknown>);
  };
  walk(found.map as unknown as Y.AbstractType<unknown>);
  if (found.kind === 'agenda-item') {
    const segments = minutes(doc).get(found.id);
    if (segments) walk(segments as unknown as Y.AbstractType<unknown>);
  }
  return clients;
}

/** Text per language of a map of cells (Y.Text or rich text). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function textsOf(map: Y.Map<any> | undefined): LocalizedText {
  const out: LocalizedText = {};
  map?.forEach((value: unknown, language: string) => {
    out[language] = value instanceof Y.XmlFragment ? plainText(value) : String(value);
  });
  return out;
}

/** What the item says, in every language, for the audit log and the history. */
export function describeItem(found: FoundItem, doc: Y.Doc): { title: LocalizedText; segments?: LocalizedText[] } {
  if (found.kind === 'segment') return { title: textsOf(segmentCells(found.map)) };
  if (found.kind === 'action-point') return { title: textsOf(found.map.get('text') as Y.Map<unknown>) };
  return {
    title: textsOf(found.map.get('title') as Y.Map<unknown>),
    segments: (minutes(doc).get(found.id)?.toArray() ?? []).map((segment) => textsOf(segmentCells(segment))),
  };
}

/** Removes the item (an agenda item with its minutes). */
export function removeItem(doc: Y.Doc, found: FoundItem): void {
  found.list.delete(found.index, 1);
  if (found.kind === 'agenda-item') minutes(doc).delete(found.id);
}

/**
 * Copies an item as it stood in `version` back into `doc`, after the item that preceded it
 * there if that one is still in the record, else first. Answers false when the item is in
 * the record already, or its agenda item is not (a segment).
 */
export function restoreItem(doc: Y.Doc, version: Y.Doc, found: FoundItem): boolean {
  if (findItem(doc, found.kind, found.id)) return false;
  const target = found.kind === 'segment' ? minutes(doc).get(found.agendaItemId!) : found.kind === 'agenda-item' ? agenda(doc) : actionPoints(doc);
  if (!target) return false;
  const before = found.index > 0 ? (found.list.get(found.index - 1).get('id') as string) : null;
  const at = before === null ? 0 : target.toArray().findIndex((m) => m.get('id') === before) + 1;
  target.insert(at, [found.map.clone() as Y.Map<unknown>]);
  if (found.kind === 'agenda-item') {
    const segments = new Y.Array<Y.Map<unknown>>();
    minutes(doc).set(found.id, segments);
    segments.insert(
      0,
      (minutes(version).get(found.id)?.toArray() ?? []).map((s) => s.clone() as Y.Map<unknown>),
    );
  }
  return true;
}
