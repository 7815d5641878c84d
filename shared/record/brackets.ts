// Text under discussion is bracketed, as in intergovernmental drafting. In the record a
// bracket is a formatting mark (attribute `bracket`) on a run of text, shown as [ … ];
// each unbroken run is one open bracket.
import * as Y from 'yjs';

export const BRACKET_MARK = 'bracket';

interface DeltaOp {
  insert: unknown;
  attributes?: Record<string, unknown>;
}

export function countBrackets(node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.Text): number {
  if (node instanceof Y.XmlText || node instanceof Y.Text) return runsIn(node.toDelta() as DeltaOp[]);
  let n = 0;
  node.forEach((child) => {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) n += countBrackets(child);
  });
  return n;
}

function runsIn(delta: DeltaOp[]): number {
  let runs = 0;
  let inside = false;
  for (const op of delta) {
    const bracketed = Boolean(op.attributes?.[BRACKET_MARK]);
    if (bracketed && !inside) runs++;
    inside = bracketed;
  }
  return runs;
}
