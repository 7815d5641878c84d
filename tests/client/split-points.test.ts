import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alignedSplitPoints } from '../../client/features/minutes/split-points';
import { writePlainParagraphs } from '../../shared/record/rich-text';

function cellsWith(paragraphs: Record<string, string>): Y.Map<Y.XmlFragment> {
  const doc = new Y.Doc();
  const cells = doc.getMap<Y.XmlFragment>('cells');
  for (const [language, text] of Object.entries(paragraphs)) {
    const fragment = new Y.XmlFragment();
    cells.set(language, fragment);
    writePlainParagraphs(fragment, text);
  }
  return cells;
}

describe('where a split at the caret cuts each language', () => {
  const cells = cellsWith({ th: 'หนึ่ง\nสอง\nสาม', lo: 'ໜຶ່ງ\nສອງ\nສາມ', en: 'One' });

  it('inside a paragraph, only the caret’s language is cut', () => {
    expect(alignedSplitPoints(cells, 'th', { block: 1, offset: 2 }, false)).toEqual({ th: { block: 1, offset: 2 } });
  });

  it('between paragraphs, every language with that many paragraphs is cut at the same boundary', () => {
    expect(alignedSplitPoints(cells, 'lo', { block: 2, offset: 0 }, true)).toEqual({
      lo: { block: 2, offset: 0 },
      th: { block: 2, offset: 0 },
    });
  });
});
