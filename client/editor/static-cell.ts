// A cell's text drawn without an editor: the cell's Y.XmlFragment read into the editor's own
// schema and serialised to DOM the way the editor draws it (same tags, same bracket spans),
// so that a cell far from the screen costs a few elements and no ProseMirror view. Reading
// only: unlike the editor's binding, nothing here ever writes to the record.
import { getSchema } from '@tiptap/core';
import { DOMSerializer, Fragment, type Mark, type Node, type Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { cellFormatting } from './extensions';

let schema: Schema | null = null;
let serializer: DOMSerializer | null = null;

function nodeOf(el: Y.XmlElement, s: Schema): Node | null {
  const children: Node[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = nodeOf(child, s);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown; attributes?: Record<string, Record<string, unknown>> }[]) {
        if (typeof op.insert !== 'string' || op.insert === '') continue;
        let marks: readonly Mark[] = [];
        // The binding names a mark that is on twice `name--hash`.
        for (const [name, attrs] of Object.entries(op.attributes ?? {})) {
          const type = s.marks[name.split('--')[0]!];
          if (type) marks = type.create(attrs).addToSet(marks);
        }
        children.push(s.text(op.insert, marks));
      }
    }
  }
  try {
    return s.node(el.nodeName, el.getAttributes(), children);
  } catch {
    return null;
  }
}

/** Replaces the children of `into` with the cell's text as the editor would show it. */
export function drawCell(fragment: Y.XmlFragment, into: HTMLElement): void {
  schema ??= getSchema(cellFormatting());
  serializer ??= DOMSerializer.fromSchema(schema);
  const s = schema;
  const blocks = fragment
    .toArray()
    .flatMap((t) => (t instanceof Y.XmlElement ? [nodeOf(t, s)] : []))
    .filter((n): n is Node => n !== null);
  const drawn = serializer.serializeFragment(Fragment.fromArray(blocks), { document: into.ownerDocument });
  // An empty paragraph keeps its line, as ProseMirror's trailing break keeps it in the editor.
  for (const block of drawn.querySelectorAll('p, h2, h3')) if (!block.hasChildNodes()) block.appendChild(into.ownerDocument.createElement('br'));
  into.replaceChildren(drawn);
}
