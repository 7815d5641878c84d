import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allBracketed, shiftIndex, type ChangeDelta, type ContentDelta } from '../../client/editor/text-delta';
import { setBracket } from '../../shared/record/segment-ops';

/** The delta Yjs reports to a field when a peer changes the text. */
function peerChange(initial: string, change: (text: Y.Text) => void): ChangeDelta {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: ChangeDelta = [];
  text.observe((event) => (delta = event.delta as ChangeDelta));
  change(text);
  return delta;
}

describe('the caret in a shared text field when a peer types', () => {
  it('moves on by what a peer inserts before it, and stays for what comes after', () => {
    const before = peerChange('ฝ่ายไทยยกร่าง', (t) => t.insert(0, 'ให้'));
    expect(shiftIndex(before, 7)).toBe(10);
    const after = peerChange('ฝ่ายไทยยกร่าง', (t) => t.insert(10, 'แผน'));
    expect(shiftIndex(after, 7)).toBe(7);
  });

  it('moves back by what a peer deletes before it, and never past the deletion', () => {
    const removed = peerChange('ກອງປະຊຸມຮັບຊາບ', (t) => t.delete(0, 8));
    expect(shiftIndex(removed, 11)).toBe(3);
    const around = peerChange('ກອງປະຊຸມຮັບຊາບ', (t) => t.delete(5, 6));
    expect(shiftIndex(around, 8)).toBe(5);
  });
});

describe('bracket toggling in a shared text field', () => {
  it('knows whether a selection is wholly bracketed', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'due by the end of June');
    setBracket(text, 7, 3, true);
    const content = text.toDelta() as ContentDelta;
    expect(allBracketed(content, 7, 10)).toBe(true);
    expect(allBracketed(content, 6, 10)).toBe(false);
    expect(allBracketed(content, 8, 9)).toBe(true);
  });
});
