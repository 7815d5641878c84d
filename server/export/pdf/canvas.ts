// The one place that talks to pdfkit about text. pdfkit lays text out with fontkit, which
// does not reorder Myanmar or Khmer; so it is given no text at all: each line arrives shaped
// by HarfBuzz (typeset.ts), and its glyphs are written here, one text operator per run, into
// the subset of the face pdfkit embeds. Each line stands in a marked-content span whose
// ActualText is the line as written, so copying or extracting it gives the record's own
// characters back, in their logical order, whatever glyphs were drawn and wherever.
import PDFDocument from 'pdfkit';
import { fontFile, type Face } from '../fonts';
import { characterOf, type Glyph } from '../shaping/harfbuzz';
import type { SetLine, SetRun } from '../typeset';

export type Doc = PDFKit.PDFDocument;

/** What pdfkit keeps of an embedded font, which the glyphs are written against. */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  /** Per subset glyph: its advance in thousandths of the size (the PDF's /W). */
  widths: number[];
  /** Per subset glyph: the characters it stands for (the PDF's /ToUnicode). */
  unicode: number[][];
  font: { getGlyph(id: number): { advanceWidth: number }; unitsPerEm: number };
}

interface DocInternals {
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(data: string): Doc;
}

/** A number in a content stream: short, and the same on every machine. */
const num = (n: number) => String(Math.round(n * 1000) / 1000 || 0);

export class Canvas {
  private readonly registered = new Set<string>();

  constructor(readonly doc: Doc) {}

  drawLine(line: SetLine, x: number, baseline: number, size: number, options: { language: string; color?: string; opacity?: number }): void {
    if (line.runs.length === 0) return;
    const doc = this.doc as unknown as DocInternals;
    this.doc.markContent('Span', { actual: line.text, lang: options.language } as PDFKit.Mixins.MarkingOptions);
    this.doc.save().fillColor(options.color ?? '#000000', options.opacity ?? 1);
    // pdfkit draws with y pointing down; the text operators work in the PDF's own space.
    const y = doc.page.height - baseline;
    const out: string[] = [`1 0 0 -1 0 ${num(doc.page.height)} cm`, 'BT'];
    let at = x;
    for (const run of line.runs) {
      this.writeRun(out, run, at, y, size);
      at += run.width;
    }
    out.push('ET');
    doc.addContent(out.join('\n'));
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** The embedded font of a face, registered with pdfkit on first use. */
  embedded(face: Face): EmbeddedFont {
    if (!this.registered.has(face.key)) {
      this.doc.registerFont(face.key, fontFile(face));
      this.registered.add(face.key);
    }
    this.doc.font(face.key);
    return (this.doc as unknown as DocInternals)._font;
  }

  /** A run's glyphs as text operators, from (x, y) in the PDF's space: HarfBuzz's advances and offsets exactly. */
  private writeRun(out: string[], run: SetRun, x: number, y: number, size: number): void {
    if (run.glyphs.length === 0) return;
    const font = this.embedded(run.face);
    const doc = this.doc as unknown as DocInternals;
    doc.page.fonts[font.id] ??= font.ref();
    const ids = subsetIds(font, run);
    const scale = size / run.unitsPerEm;
    const toThousandths = 1000 / run.unitsPerEm;
    out.push(`/${font.id} ${num(size)} Tf`);
    let pen = x;
    let items = '';
    let placed = false;
    const flush = () => {
      if (items) out.push(`[${items}] TJ`);
      items = '';
    };
    run.glyphs.forEach((glyph, i) => {
      const gid = ids[i]!;
      // The PDF advances by the glyph's /W width; HarfBuzz's advance differs (a mark is
      // zero, a kerned pair closer), and TJ takes the difference in thousandths.
      const adjust = font.widths[gid]! - glyph.xAdvance * toThousandths;
      const item = `<${gid.toString(16).padStart(4, '0')}>${Math.abs(adjust) > 0.0005 ? `${num(adjust)} ` : ''}`;
      if (glyph.xOffset !== 0 || glyph.yOffset !== 0) {
        flush();
        out.push(`1 0 0 1 ${num(pen + glyph.xOffset * scale)} ${num(y + glyph.yOffset * scale)} Tm`);
        items = item;
        flush();
        placed = false;
      } else {
        if (!placed) {
          flush();
          out.push(`1 0 0 1 ${num(pen)} ${num(y)} Tm`);
          placed = true;
        }
        items += item;
      }
      pen += glyph.xAdvance * scale;
    });
    flush();
  }
}

/**
 * Each glyph's id in the subset pdfkit embeds, with its width and the characters a copy of
 * it gives: a glyph that is some character's own glyph gives that character; a glyph HarfBuzz
 * made from a whole cluster (a ligature, a reordered or contextual form) gives the cluster's
 * characters no other glyph of the cluster gave. The line's ActualText stays the authority.
 */
function subsetIds(font: EmbeddedFont, run: SetRun): number[] {
  return run.glyphs.map((glyph) => {
    const gid = font.subset.includeGlyph(glyph.id);
    if (font.widths[gid] == null) font.widths[gid] = Math.round(font.font.getGlyph(glyph.id).advanceWidth * (1000 / font.font.unitsPerEm));
    if (font.unicode[gid] == null) {
      const own = characterOf(run.face, glyph.id);
      font.unicode[gid] = own !== undefined ? [own] : clusterCharacters(run, glyph);
    }
    return gid;
  });
}

/** What a glyph made from a cluster gives a copy: the cluster's characters no sibling gives, on its first such glyph. */
function clusterCharacters(run: SetRun, glyph: Glyph): number[] {
  const siblings = run.glyphs.filter((g) => g.cluster === glyph.cluster);
  const next = run.glyphs.reduce((end, g) => (g.cluster > glyph.cluster && g.cluster < end ? g.cluster : end), run.text.length);
  if (siblings.find((g) => characterOf(run.face, g.id) === undefined) !== glyph) return [];
  const given = new Set(siblings.map((g) => characterOf(run.face, g.id)));
  return [...run.text.slice(glyph.cluster, next)].map((c) => c.codePointAt(0)!).filter((c) => !given.has(c));
}

export function newDocument(options: PDFKit.PDFDocumentOptions): Doc {
  return new PDFDocument({ ...options, bufferPages: true, autoFirstPage: false });
}
