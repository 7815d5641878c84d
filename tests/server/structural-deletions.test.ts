// Which client updates delete structure (an agenda item, its minutes, a segment) and must go
// through the remove command, and which are only editing: the check runs on every update a
// delegate sends, so an edit it takes for a removal is refused, and typing is lost from the
// record.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { removesStructure } from '../../server/history/structural-deletions';
import { addAgendaItem, addSegment, moveAgendaItem, removeAgendaItem } from '../../shared/record/segment-ops';
import { meta, minutes } from '../../shared/record/schema';

/** The server's copy and a client's, in step; `change` is made on the client and judged by the server. */
function judge(setUp: (doc: Y.Doc) => void, change: (doc: Y.Doc) => void): boolean {
  const server = new Y.Doc();
  const client = new Y.Doc();
  setUp(client);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  const before = Y.encodeStateVector(client);
  change(client);
  return removesStructure(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client, before)));
}

const twoItems = (doc: Y.Doc) => {
  meta(doc).set('languages', ['th', 'lo', 'en']);
  addAgendaItem(doc, 'item-1', { en: 'Opening' });
  addAgendaItem(doc, 'item-2', { en: 'Review of cases' });
  addSegment(doc, 'item-1', 'seg-1');
};

describe('structural deletions', () => {
  it('an agenda item removed by a raw update is structure', () => {
    expect(judge(twoItems, (doc) => removeAgendaItem(doc, 'item-2'))).toBe(true);
  });

  it('a whole item’s minutes deleted from the minutes map is structure', () => {
    expect(judge(twoItems, (doc) => minutes(doc).delete('item-1'))).toBe(true);
  });

  it('an item moved (the same id written again) is editing', () => {
    expect(judge(twoItems, (doc) => moveAgendaItem(doc, 'item-2', 0))).toBe(false);
  });

  it('text typed and taken back under a root of that name that is not the map is editing, not structure', () => {
    // A stock client may write a Y.Text where the record keeps its minutes map: what it deletes
    // there is no keyed entry, so it is judged as text (once, every such deletion was refused,
    // and the record kept every character a typist took back).
    const typed = (doc: Y.Doc) => doc.getText('minutes').insert(0, 'ກອງປະຊຸມ ประชุม');
    expect(judge(typed, (doc) => doc.getText('minutes').delete(0, 5))).toBe(false);
  });
});
