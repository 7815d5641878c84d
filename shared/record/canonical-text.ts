// Minutes in the canonical record: each cell's rich text as plain JSON blocks and runs,
// read from the y-prosemirror layout. Runs with the same marks are merged, so the result
// depends only on what a reader sees, not on how the edits happened to split the text.
import * as Y from 'yjs';
import { wellFormed } from './jcs';

/** A run of text and the marks on it (bold, italic, bracket), sorted; absent when none. */
export interface TextRun {
  text: string;
  marks?: string[];
}

export type TextBlock =
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'heading'; level: number; runs: TextRun[] }
  | { type: 'bulletList'; items: TextBlock[][] }
  | { type: 'orderedList'; start: number; items: TextBlock[][] }
  | { type: 'blockquote'; blocks: TextBlock[] }
  /** Any other block the editor may add later: its text, or the blocks it holds. */
  | { type: 'other'; name: string; runs: TextRun[] }
  | { type: 'other'; name: string; blocks: TextBlock[] };

// Formatting that is no part of the text: y-prosemirror's change tracking.
const IGNORED_ATTRIBUTES = new Set(['ychange']);
const INLINE_BREAKS = new Set(['hardBreak']);

export function blocksOf(fragment: Y.XmlFragment | Y.XmlElement): TextBlock[] {
  const blocks: TextBlock[] = [];
  fragment.forEach((child) => {
    if (child instanceof Y.XmlText) blocks.push({ type: 'paragraph', runs: runsOf([child]) });
    else if (child instanceof Y.XmlElement) blocks.push(blockOf(child));
  });
  return blocks;
}

function blockOf(element: Y.XmlElement): TextBlock {
  switch (element.nodeName) {
    case 'paragraph':
      return { type: 'paragraph', runs: runsOf(element.toArray()) };
    case 'heading':
      return { type: 'heading', level: numberAttribute(element, 'level', 1), runs: runsOf(element.toArray()) };
    case 'bulletList':
      return { type: 'bulletList', items: itemsOf(element) };
    case 'orderedList':
      return { type: 'orderedList', start: numberAttribute(element, 'start', 1), items: itemsOf(element) };
    case 'blockquote':
      return { type: 'blockquote', blocks: blocksOf(element) };
    default: {
      const children = element.toArray();
      const inline = children.some((c) => c instanceof Y.XmlText);
      return inline ? { type: 'other', name: element.nodeName, runs: runsOf(children) } : { type: 'other', name: element.nodeName, blocks: blocksOf(element) };
    }
  }
}

function itemsOf(list: Y.XmlElement): TextBlock[][] {
  const items: TextBlock[][] = [];
  list.forEach((child) => {
    if (child instanceof Y.XmlElement) items.push(blocksOf(child));
  });
  return items;
}

function numberAttribute(element: Y.XmlElement, name: string, fallback: number): number {
  const value = Number(element.getAttribute(name) as unknown);
  return Number.isInteger(value) ? value : fallback;
}

interface DeltaOp {
  insert: unknown;
  attributes?: Record<string, unknown>;
}

function runsOf(children: (Y.XmlText | Y.XmlElement | Y.XmlHook)[]): TextRun[] {
  const runs: TextRun[] = [];
  const push = (text: string, marks: string[]) => {
    if (text.length === 0) return;
    const last = runs[runs.length - 1];
    if (last && sameMarks(last.marks ?? [], marks)) last.text += text;
    else runs.push(marks.length > 0 ? { text, marks } : { text });
  };
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as DeltaOp[]) {
        if (typeof op.insert === 'string') push(op.insert, marksOf(op.attributes));
      }
    } else if (child instanceof Y.XmlElement) {
      if (INLINE_BREAKS.has(child.nodeName)) push('\n', []);
      else for (const run of runsOf(child.toArray())) push(run.text, run.marks ?? []);
    }
  }
  for (const run of runs) run.text = wellFormed(run.text);
  return runs;
}

function marksOf(attributes: Record<string, unknown> | undefined): string[] {
  if (!attributes) return [];
  const names = new Set<string>();
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === false || value === undefined) continue;
    // Marks that may overlap are stored as `name--hash`; the record keeps the name.
    const name = key.replace(/--.*$/, '');
    if (!IGNORED_ATTRIBUTES.has(name)) names.add(name);
  }
  return [...names].sort();
}

function sameMarks(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** The plain text of blocks, for people and tests: blocks on separate lines. */
export function blocksText(blocks: TextBlock[]): string {
  return blocks
    .map((block) => {
      if ('runs' in block) return block.runs.map((r) => r.text).join('');
      if ('items' in block) return block.items.map((item) => blocksText(item)).join('\n');
      return blocksText(block.blocks);
    })
    .join('\n');
}
