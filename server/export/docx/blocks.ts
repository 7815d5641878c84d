// Word building blocks shared by the sections: paragraphs in one language, the minutes'
// rich text, and the borderless table that keeps the working languages side by side.
import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableRow, WidthType, type ParagraphChild } from 'docx';
import type { TextBlock } from '../../../shared/record/canonical-text';
import { digitsIn } from '../../../shared/dates';
import { spansOf } from '../record-spans';
import type { StyledText } from '../script-runs';
import { runs, type RunStyle } from './runs';

export const SIZE = { body: 10, small: 8, heading: 11, title: 13 } as const;
export const MUTED = '555555';
export const DRAFT_RED = '9B1C1C';

export interface ParagraphStyle extends RunStyle {
  align?: 'left' | 'center' | 'right';
  /** Twips of space after. */
  after?: number;
  indent?: number;
  /** A list's bullet or number, hanging in the indent. */
  marker?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export function para(spans: StyledText[], language: string, style: ParagraphStyle): Paragraph {
  const children: ParagraphChild[] = [];
  // A list's numbers in the column's own digits (Myanmar ၁., Khmer ១.).
  if (style.marker) children.push(...runs([{ text: `${digitsIn(language, style.marker)}\t` }], language, style));
  children.push(...runs(spans, language, style));
  const indent = style.indent ?? (style.marker ? 400 : 0);
  return new Paragraph({
    children,
    alignment: ALIGN[style.align ?? 'left'],
    spacing: { after: style.after ?? 80 },
    indent: indent ? { left: indent, hanging: style.marker ? 400 : undefined } : undefined,
    tabStops: style.marker ? [{ type: 'left', position: indent }] : undefined,
    keepNext: style.keepNext,
    pageBreakBefore: style.pageBreakBefore,
  });
}

export const text = (value: string, language: string, style: ParagraphStyle) => para([{ text: value }], language, style);

export function blockParagraphs(blocks: TextBlock[], language: string, style: ParagraphStyle): Paragraph[] {
  return blocks.flatMap((block, index): Paragraph[] => {
    const own = { ...style, marker: index === 0 ? style.marker : undefined };
    switch (block.type) {
      case 'paragraph':
        return [para(spansOf(block.runs), language, own)];
      case 'heading':
        return [para(spansOf(block.runs), language, { ...own, bold: true, size: style.size + Math.max(0, 3 - block.level), keepNext: true })];
      case 'bulletList':
      case 'orderedList': {
        const indent = (style.indent ?? 0) + 400;
        return block.items.flatMap((item, i) =>
          blockParagraphs(item, language, { ...style, indent, marker: block.type === 'bulletList' ? '•' : `${block.start + i}.` }),
        );
      }
      case 'blockquote':
        return blockParagraphs(block.blocks, language, { ...own, indent: (style.indent ?? 0) + 400 });
      case 'other':
        return 'runs' in block ? [para(spansOf(block.runs), language, own)] : blockParagraphs(block.blocks, language, own);
    }
  });
}

/** Cells side by side without borders; an empty cell still holds one paragraph, as Word requires. */
export function sideBySide(rows: Paragraph[][][], widths?: number[], options: { borders?: boolean } = {}): Table {
  const count = rows[0]?.length ?? 1;
  const share = widths ?? Array.from({ length: count }, () => 100 / count);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: options.borders ? undefined : TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: false,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: share[i] ?? 100 / count, type: WidthType.PERCENTAGE },
                margins: { top: 40, bottom: 40, left: 100, right: 100 },
                children: children.length > 0 ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}
