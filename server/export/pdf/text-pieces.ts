// Text as pieces for the page flow: a paragraph becomes its lines, each line a piece as
// tall as its tallest script needs; minutes' rich text (headings, lists, quotes) becomes
// paragraphs with indents and list markers.
import type { TextBlock } from '../../../shared/record/canonical-text';
import { digitsIn } from '../../../shared/dates';
import { spansOf } from '../record-spans';
import type { StyledText } from '../script-runs';
import { setParagraph } from '../typeset';
import type { Canvas } from './canvas';
import { gap, type Piece } from './flow';

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  indent?: number;
  /** Drawn in the indent, before the first line: a list's bullet or number. */
  marker?: string;
  spaceAfter?: number;
  color?: string;
  /** A heading: kept on the page of whatever follows it. */
  heading?: boolean;
  /** Line height at least this multiple of the size, so that parallel headings share baselines. */
  minLeading?: number;
}

// The baseline sits so that marks above (Thai tone marks over upper vowels) and below (Lao
// subscripts, Thai lower vowels) both stay inside the line's own height.
const baselineIn = (lineHeight: number, size: number) => (lineHeight - size) / 2 + 0.8 * size;

export function paragraph(canvas: Canvas, spans: StyledText[], language: string, width: number, style: TextStyle): Piece[] {
  const indent = style.indent ?? 0;
  const styled = spans.map((s) => ({ text: s.text, bold: s.bold || style.bold, italic: s.italic || style.italic }));
  const lines = setParagraph(styled, { language, width: width - indent, size: style.size });
  // A list's numbers in the column's own digits (Myanmar ၁., Khmer ១.).
  const marker = style.marker
    ? setParagraph([{ text: digitsIn(language, style.marker), bold: style.bold }], { language, width: 1000, size: style.size })[0]
    : undefined;
  const pieces: Piece[] = lines.map((line, index) => {
    const height = style.size * Math.max(line.leading, style.minLeading ?? 0);
    return {
      height,
      keepWithNext: style.heading,
      draw: (x, top, columnWidth) => {
        const room = columnWidth - indent;
        const offset = style.align === 'center' ? (room - line.width) / 2 : style.align === 'right' ? room - line.width : 0;
        const baseline = top + baselineIn(height, style.size);
        if (index === 0 && marker)
          canvas.drawLine(marker, x + indent - marker.width - style.size * 0.35, baseline, style.size, { language, color: style.color });
        canvas.drawLine(line, x + indent + offset, baseline, style.size, { language, color: style.color });
      },
    };
  });
  if (style.spaceAfter) pieces.push({ ...gap(style.spaceAfter), keepWithNext: style.heading });
  return pieces;
}

export const plain = (text: string): StyledText[] => [{ text }];

const LIST_INDENT = 1.4;

export function blockPieces(canvas: Canvas, blocks: TextBlock[], language: string, width: number, style: TextStyle): Piece[] {
  const pieces: Piece[] = [];
  blocks.forEach((block, index) => {
    const marker = index === 0 ? style.marker : undefined;
    const own = { ...style, marker };
    switch (block.type) {
      case 'paragraph':
        pieces.push(...paragraph(canvas, spansOf(block.runs), language, width, own));
        break;
      case 'heading':
        pieces.push(
          ...paragraph(canvas, spansOf(block.runs), language, width, { ...own, bold: true, size: style.size + Math.max(0, 3 - block.level), heading: true }),
        );
        break;
      case 'bulletList':
      case 'orderedList': {
        const indent = (style.indent ?? 0) + style.size * LIST_INDENT;
        block.items.forEach((item, i) => {
          const itemMarker = block.type === 'bulletList' ? '•' : `${block.start + i}.`;
          pieces.push(...blockPieces(canvas, item, language, width, { ...style, indent, marker: itemMarker }));
        });
        break;
      }
      case 'blockquote':
        pieces.push(...blockPieces(canvas, block.blocks, language, width, { ...own, indent: (style.indent ?? 0) + style.size * LIST_INDENT }));
        break;
      case 'other':
        if ('runs' in block) pieces.push(...paragraph(canvas, spansOf(block.runs), language, width, own));
        else pieces.push(...blockPieces(canvas, block.blocks, language, width, own));
        break;
    }
  });
  return pieces;
}
