// Cutting a rich-text cell in two, as a split of a segment does: at a character offset
// inside a paragraph or heading, formatting kept on both sides, or between blocks.
import * as Y from 'yjs';

/** Where a cell is cut: a top-level block, and a character offset inside it. */
export interface SplitPoint {
  block: number;
  offset: number;
}

/**
 * Removes from `fragment` everything after `point` and answers it as new blocks. A cut
 * inside a paragraph or heading splits it; a cut inside a list or other nested block
 * falls after that block (offset > 0) or before it (offset 0).
 */
export function cutFragment(fragment: Y.XmlFragment, point: SplitPoint): Y.XmlElement[] {
  const blocks = fragment.toArray();
  if (point.block >= blocks.length) return [];
  const target = blocks[point.block];
  let moveFrom = point.block + (point.offset > 0 ? 1 : 0);
  let head: Y.XmlElement | null = null;
  if (target instanceof Y.XmlElement && point.offset > 0 && isTextblock(target) && point.offset < inlineLength(target)) {
    head = cutTextblock(target, point.offset);
    moveFrom = point.block + 1;
  }
  const tail = blocks.slice(moveFrom).map((b) => b.clone() as Y.XmlElement);
  if (moveFrom < blocks.length) fragment.delete(moveFrom, blocks.length - moveFrom);
  return head ? [head, ...tail] : tail;
}

const isTextblock = (element: Y.XmlElement) =>
  element.toArray().every((child) => child instanceof Y.XmlText || (child instanceof Y.XmlElement && child.length === 0));

/** Inline length as ProseMirror counts it: characters, and one for each inline node. */
const inlineLength = (element: Y.XmlElement) => element.toArray().reduce((n, child) => n + (child instanceof Y.XmlText ? child.length : 1), 0);

/** Cuts a textblock at `offset`: the block keeps the head, the answer holds the tail. */
function cutTextblock(element: Y.XmlElement, offset: number): Y.XmlElement {
  const tail = new Y.XmlElement(element.nodeName);
  for (const [key, value] of Object.entries(element.getAttributes())) tail.setAttribute(key, value as string);
  const children = element.toArray();
  const moved: (Y.XmlText | Y.XmlElement)[] = [];
  let position = 0;
  let keep = children.length;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const length = child instanceof Y.XmlText ? child.length : 1;
    if (position + length <= offset) {
      position += length;
      continue;
    }
    if (child instanceof Y.XmlText && offset > position) {
      const cut = offset - position;
      const rest = new Y.XmlText();
      rest.applyDelta(deltaFrom(child.toDelta() as DeltaOp[], cut));
      moved.push(rest);
      child.delete(cut, length - cut);
      keep = i + 1;
    } else {
      keep = i;
    }
    break;
  }
  moved.push(...children.slice(keep).map((c) => c.clone() as Y.XmlText | Y.XmlElement));
  if (keep < children.length) element.delete(keep, children.length - keep);
  tail.insert(0, moved);
  return tail;
}

interface DeltaOp {
  insert: string | object;
  attributes?: Record<string, unknown>;
}

/** The part of a text delta from character `from` on, formatting kept. */
function deltaFrom(delta: DeltaOp[], from: number): DeltaOp[] {
  const out: DeltaOp[] = [];
  let position = 0;
  for (const op of delta) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (position + length > from) {
      const insert = typeof op.insert === 'string' ? op.insert.slice(Math.max(0, from - position)) : op.insert;
      out.push(op.attributes ? { insert, attributes: op.attributes } : { insert });
    }
    position += length;
  }
  return out;
}
