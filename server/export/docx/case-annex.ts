// The case annex in a Word original, where the PDF sets it: after the action points, before
// the closing formula, each case in parallel columns, one per language.
import type { Paragraph, Table } from 'docx';
import { annexCases, caseLines } from '../case-lines';
import { labelsFor } from '../labels';
import type { Original } from '../original';
import { MUTED, SIZE, para, sideBySide, text } from './blocks';

export function caseAnnex(o: Original): (Paragraph | Table)[] {
  const cases = annexCases(o);
  if (cases.length === 0) return [];
  const rows: Paragraph[][][] = [o.languages.map((l) => [text(labelsFor(l).cases.annex, l, { size: SIZE.title, bold: true, keepNext: true, after: 100 })])];
  cases.forEach((entry, i) => {
    rows.push(
      o.languages.map((l) => {
        const lines = caseLines(o, entry, l);
        return [
          text(lines.references, l, { size: SIZE.body, bold: true, marker: `${i + 1}.` }),
          ...lines.fields.map((f) =>
            para([{ text: `${f.label}: `, bold: true }, { text: f.value }], l, { size: SIZE.small, color: MUTED, indent: 400, after: 20 }),
          ),
        ];
      }),
    );
  });
  return [sideBySide(rows)];
}
