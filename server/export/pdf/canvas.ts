// The one place that talks to pdfkit about text: faces are registered when first used,
// widths are measured exactly as pdfkit (fontkit) shapes them, and each line is drawn run
// by run on a common baseline inside a marked-content span whose ActualText is the line as
// written, so copying or extracting it gives the record's own characters back, whatever
// glyphs the font's tables chose to draw them with.
import PDFDocument from 'pdfkit';
import { codePointsOf, fontFile, type Face } from '../fonts';
import type { SetLine } from '../typeset';

export type Doc = PDFKit.PDFDocument;

export class Canvas {
  private readonly registered = new Set<string>();
  private readonly widths = new Map<string, number>();

  constructor(readonly doc: Doc) {}

  /** Width of the text in the face at size 1. */
  readonly measure = (text: string, face: Face): number => {
    const key = `${face.key}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.use(face);
      width = this.doc.font(face.key).fontSize(1).widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  };

  drawLine(line: SetLine, x: number, baseline: number, size: number, options: { language: string; color?: string; opacity?: number }): void {
    if (line.runs.length === 0) return;
    this.doc.markContent('Span', { actual: line.text, lang: options.language } as PDFKit.Mixins.MarkingOptions);
    let at = x;
    for (const run of line.runs) {
      this.use(run.face);
      this.doc
        .font(run.face.key)
        .fontSize(size)
        .fillColor(options.color ?? '#000000', options.opacity ?? 1)
        .text(run.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
      at += run.width;
    }
    this.doc.endMarkedContent();
  }

  private use(face: Face): void {
    if (this.registered.has(face.key)) return;
    this.doc.registerFont(face.key, fontFile(face));
    this.registered.add(face.key);
    if (face.complex) nameGlyphs(this.doc, face);
  }
}

interface EmbeddedFontInternals {
  font?: { hasGlyphForCodePoint(cp: number): boolean; glyphForCodePoint(cp: number): { id: number; advanceWidth: number } };
  subset?: { includeGlyph(id: number): number };
  unicode?: number[][];
  widths?: number[];
  scale?: number;
}

// pdfkit names each glyph after the characters of its first use. Thai and Lao fonts draw
// SARA AM as two glyphs (nikhahit and sara aa) and credit both characters to the first, so
// a later plain sara aa would read back as nothing in viewers that ignore ActualText. Each
// glyph is named after its own character first; the ActualText spans still carry the words.
function nameGlyphs(doc: Doc, face: Face): void {
  doc.font(face.key);
  const embedded = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
  const { font, subset, unicode, widths, scale } = embedded ?? {};
  if (!font || !subset || !unicode || !widths || !scale) return;
  for (const codePoint of codePointsOf(face)) {
    if (!font.hasGlyphForCodePoint(codePoint) || codePoint === 0x25cc) continue;
    const glyph = font.glyphForCodePoint(codePoint);
    const id = subset.includeGlyph(glyph.id);
    unicode[id] ??= [codePoint];
    widths[id] ??= glyph.advanceWidth * scale;
  }
}

export function newDocument(options: PDFKit.PDFDocumentOptions): Doc {
  return new PDFDocument({ ...options, bufferPages: true, autoFirstPage: false });
}
