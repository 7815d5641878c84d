// Agenda items, segments and action points leave the record through the server's remove
// command only (it checks whose text they hold and audits what it removed). A client
// update that deletes one is refused, except the deletions editing itself makes: a move
// (the same id inserted again in the same update) and a merge of segments (a segment whose
// text the update writes again elsewhere).
import * as Y from 'yjs';
import { Root } from '../../shared/record/schema';

/** An update decoded once, as the room judges it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export function removesStructure(doc: Y.Doc, { structs, ds }: DecodedUpdate): boolean {
  const agenda = doc.share.get(Root.agenda);
  const actionPoints = doc.share.get(Root.actionPoints);
  const minutes = doc.share.get(Root.minutes);
  if (!agenda && !actionPoints && !minutes) return false;
  if (ds.clients.size === 0) return false;

  const insertedIds = new Set<string>();
  const insertedMinutes = new Set<string>();
  let insertedText = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.parentSub === 'id' && struct.content instanceof Y.ContentAny) insertedIds.add(String(struct.content.getContent()[0]));
    if ((struct.parent as unknown) === Root.minutes && struct.parentSub) insertedMinutes.add(struct.parentSub);
    if (struct.content instanceof Y.ContentString) insertedText += struct.length;
  }

  let removedSegmentText = 0;
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      for (let at = clock; at < end; ) {
        const item = Y.getItem(doc.store, Y.createID(client, at));
        at = item.id.clock + item.length;
        if (!(item instanceof Y.Item) || item.deleted) continue;
        const parent = item.parent as Y.AbstractType<unknown> | null;
        if (parent === minutes && minutes) {
          // An item's minutes are a keyed entry of the map; anything else written there is not structure.
          if (item.parentSub !== null && !insertedMinutes.has(item.parentSub)) return true;
          continue;
        }
        const structure = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? item.content.type : null;
        if (!structure || item.parentSub !== null) continue;
        const id = String(structure.get('id'));
        if (parent === agenda || parent === actionPoints) {
          if (!insertedIds.has(id)) return true;
        } else if (parent?._item?.parent === minutes && !insertedIds.has(id)) {
          removedSegmentText += textLength(structure);
        }
      }
    }
  }
  return removedSegmentText > insertedText;
}

/** Characters of text anywhere under `type`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function textLength(type: Y.AbstractType<any>): number {
  let total = 0;
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentString) total += item.length;
    else if (item.content instanceof Y.ContentType) total += textLength(item.content.type);
  }
  if (type instanceof Y.Map) for (const value of type.values()) if (value instanceof Y.AbstractType) total += textLength(value);
  return total;
}
