// Segment cells are Y.XmlFragments in the layout y-prosemirror (and so Tiptap) expects:
// block elements named after ProseMirror nodes, holding Y.XmlText runs.
import * as Y from 'yjs';

/** Fills an empty fragment with one paragraph per line of plain text. */
export function writePlainParagraphs(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text.split(/\n+/).filter((line) => line.length > 0);
  fragment.insert(
    0,
    paragraphs.map((line) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    }),
  );
}

/** The plain text of a fragment: blocks joined by newlines, marks dropped. */
export function plainText(node: Y.XmlFragment | Y.XmlElement): string {
  const blocks: string[] = [];
  node.forEach((child) => {
    if (child instanceof Y.XmlText) blocks.push(deltaText(child));
    else if (child instanceof Y.XmlElement) blocks.push(inlineText(child));
  });
  return blocks.join('\n');
}

function inlineText(element: Y.XmlElement): string {
  let out = '';
  element.forEach((child) => {
    if (child instanceof Y.XmlText) {
      out += deltaText(child);
    } else if (child instanceof Y.XmlElement) {
      out += child.nodeName === 'paragraph' || child.nodeName === 'heading' ? `${inlineText(child)}\n` : inlineText(child);
    }
  });
  return out.replace(/\n$/, '');
}

function deltaText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
  return out;
}
