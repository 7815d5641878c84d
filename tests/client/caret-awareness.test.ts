// This browser's caret, as each cell's caret plugin says it: said once a frame, just after the
// paint, with the cell's last word; and a cell leaving the screen does not take away the caret
// of the cell being typed in, whichever cell spoke first.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { caretAwareness } from '../../client/editor/caret-awareness';

function record() {
  const doc = new Y.Doc();
  const cells = [doc.getXmlFragment('a'), doc.getXmlFragment('b')];
  for (const cell of cells) cell.insert(0, [new Y.XmlText('words')]);
  const awareness = new Awareness(doc);
  const at = (cell: Y.XmlFragment, index: number) => ({
    anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(cell.get(0) as Y.XmlText, index)),
  });
  return { doc, cells, awareness, at };
}

describe("this browser's caret", () => {
  it('is said once for all the moves of a frame, with the last of them', async () => {
    const { cells, awareness, at } = record();
    const says: unknown[] = [];
    awareness.on('change', () => says.push(awareness.getLocalState()?.cursor));
    const cell = caretAwareness(awareness, cells[0]!);
    for (let i = 1; i <= 4; i++) cell.setLocalStateField('cursor', at(cells[0]!, i));
    await vi.waitFor(() => expect(says).toHaveLength(1));
    expect(says[0]).toEqual(at(cells[0]!, 4));
    awareness.destroy();
  });

  it('stays in the cell typed in when another cell clears it, before or after the move', async () => {
    for (const clearFirst of [true, false]) {
      const { cells, awareness, at } = record();
      const [a, b] = cells.map((c) => caretAwareness(awareness, c));
      a!.setLocalStateField('cursor', at(cells[0]!, 1));
      await vi.waitFor(() => expect(awareness.getLocalState()?.cursor).toEqual(at(cells[0]!, 1)));
      // The caret moves to cell b; cell a, blurred, clears the caret it last saw.
      if (clearFirst) a!.setLocalStateField('cursor', null);
      b!.setLocalStateField('cursor', at(cells[1]!, 2));
      if (!clearFirst) a!.setLocalStateField('cursor', null);
      // Both are said in one task: what shows once it has run is where the caret ended up.
      await vi.waitFor(() => expect(awareness.getLocalState()?.cursor).toEqual(at(cells[1]!, 2)));
      awareness.destroy();
    }
  });
});
