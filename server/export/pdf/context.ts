// What every part of a PDF original is drawn with: the canvas, the page flow, the original
// (alternat order, state, hash), the sizes, and the columns of the working languages.
import { leadingOf } from '../fonts';
import { labelsFor, type Labels } from '../labels';
import type { Original } from '../original';
import type { StyledText } from '../script-runs';
import type { Canvas } from './canvas';
import { type Flow, gap, type Column, type PageBox, type Piece } from './flow';
import { paragraph, plain, type TextStyle } from './text-pieces';

export const SIZE = { body: 9.5, small: 7.8, heading: 10.5, title: 12.5, footer: 7 } as const;
export const GUTTER = 14;
export const INK = '#111111';
export const MUTED = '#555555';
export const DRAFT_RED = '#9b1c1c';

export type ColumnMaker = (language: string, width: number, labels: Labels) => Piece[];

export interface Ctx {
  canvas: Canvas;
  flow: Flow;
  original: Original;
  /** The words of the original's first language. */
  own: Labels;
  /** Headings waiting for the row they head, so that they never end a page alone. */
  headings: ColumnMaker[];
}

// Three columns fit an A4 page upright; more languages turn the page.
export function pageGeometry(languages: number): { box: PageBox; layout: 'portrait' | 'landscape' } {
  const landscape = languages > 3;
  const [width, height] = landscape ? [841.89, 595.28] : [595.28, 841.89];
  return { box: { width, height, top: 58, bottom: height - 62, left: 50, right: 50 }, layout: landscape ? 'landscape' : 'portrait' };
}

/** The columns of the working languages, in the original's order. */
function languageColumns(ctx: Ctx): { language: string; x: number; width: number }[] {
  const { flow, original } = ctx;
  const count = original.languages.length;
  const width = (flow.contentWidth - GUTTER * (count - 1)) / count;
  return original.languages.map((language, i) => ({ language, x: flow.box.left + i * (width + GUTTER), width }));
}

/** One row of the parallel columns: each language's pieces side by side, under any waiting headings. */
export function parallel(ctx: Ctx, make: ColumnMaker, options: { keepTogether?: boolean } = {}): void {
  const headings = ctx.headings.splice(0);
  const columns: Column[] = languageColumns(ctx).map(({ language, x, width }) => {
    const labels = labelsFor(language);
    return { x, width, pieces: [...headings.flatMap((h) => h(language, width, labels)), ...make(language, width, labels)] };
  });
  ctx.flow.row(columns, options);
}

/** A heading in every column; it is set with the row that follows it. */
export function parallelHeading(ctx: Ctx, text: (labels: Labels, language: string) => string, options: { size?: number; number?: number } = {}): void {
  const size = options.size ?? SIZE.heading;
  const numbered = options.number === undefined ? {} : { indent: size * 1.7, marker: `${options.number}.` };
  const minLeading = Math.max(...ctx.original.languages.map(leadingOf));
  ctx.headings.push((language, width, labels) => [
    ...paragraph(ctx.canvas, plain(text(labels, language)), language, width, { size, bold: true, heading: true, color: INK, minLeading, ...numbered }),
    { ...gap(size * 0.4), keepWithNext: true },
  ]);
}

/** Sets waiting headings that no row followed, with room for what comes after them. */
export function flushHeadings(ctx: Ctx): void {
  if (ctx.headings.length === 0) return;
  ctx.flow.ensure(SIZE.heading * 7);
  parallel(ctx, () => []);
}

/** Full-width text in one language. */
export function fullWidth(ctx: Ctx, spans: StyledText[], language: string, style: TextStyle): Piece[] {
  return paragraph(ctx.canvas, spans, language, ctx.flow.contentWidth, style);
}

export function rule(ctx: Ctx, color = '#bbbbbb', height = 10): Piece {
  return {
    height,
    draw: (x, top, width) => {
      const y = top + height / 2;
      ctx.canvas.doc
        .save()
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(0.5)
        .strokeColor(color)
        .stroke()
        .restore();
    },
  };
}
