// Every script is drawn as HarfBuzz shapes it: the glyphs written into the PDF, mapped back
// from the embedded subset to the font's own glyph ids, and their positions, are exactly what
// HarfBuzz (harfbuzzjs, called here directly) answers for the same text and font; and a
// reader's copy (pdftotext) gives back the text as typed, in logical order.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontFile } from '../../server/export/fonts';
import { Canvas, newDocument } from '../../server/export/pdf/canvas';
import { setParagraph } from '../../server/export/typeset';
import { pdfPages, renderPages } from '../helpers/export-tools';
import { launchChromium, ARTIFACTS_DIR } from '../e2e/helpers/browser';

const SAMPLES: [language: string, text: string][] = [
  // Vowel sign E before its consonant, medial ra around its own, ha + u, stacked consonants.
  ['my', 'မြန်မာ ပြည်ထောင်စု ပြန်လည် ဆွေးနွေးပွဲ ရေး'],
  ['my', 'နှုတ်ခွန်းဆက် ကမ္ဘာ့ ဗုဒ္ဓ သတ္တဝါ'],
  // Coeng subscripts, pre-base and split vowels.
  ['km', 'ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី កិច្ចប្រជុំ ស៊ើបអង្កេត'],
  // Stacked marks above and below.
  ['th', 'ผู้ใหญ่ ปี่ กำ ญี่ปุ่น ฏุ ฐู'],
  ['lo', 'ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ ຫຼວງ'],
  // Stacked diacritics, precomposed and typed as letter and marks.
  ['vi', 'Cộng hòa Xã hội Chủ nghĩa Việt Nam, Trần Thị Thu Hằng'],
  ['vi', 'Vie\u0323\u0302t Nam'],
  // Observers' names.
  ['zh', '王小明'],
  ['ja', '田中 花子'],
];

const SIZE = 20;

// fontkit, as pdfkit uses it (it ships no types).
const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Buffer): { layout(text: string): { glyphs: { id: number }[] } } };

interface Drawn {
  glyph: number;
  x: number;
  y: number;
}

/** The glyphs HarfBuzz gives a run, placed from (x, y), in points. */
function harfbuzz(face: Parameters<typeof fontFile>[0], text: string, language: string, x: number, y: number): Drawn[] {
  const hbFace = new hb.Face(new hb.Blob(fontFile(face)));
  const font = new hb.Font(hbFace);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  buffer.setLanguage(language);
  hb.shape(font, buffer);
  const scale = SIZE / hbFace.upem;
  let pen = x;
  return buffer.getGlyphInfosAndPositions().map((g) => {
    const drawn = { glyph: g.codepoint, x: pen + (g.xOffset ?? 0) * scale, y: y + (g.yOffset ?? 0) * scale };
    pen += (g.xAdvance ?? 0) * scale;
    return drawn;
  });
}

/** What the content stream draws: each run (from one Tf to the next) with each glyph's id in the embedded subset and its place. */
function drawnGlyphs(content: string, widthsOf: (font: string) => number[]): { font: string; glyphs: Drawn[] }[] {
  const out: { font: string; glyphs: Drawn[] }[] = [];
  let x = 0;
  let y = 0;
  // Text objects only: the lines' ActualText, outside them, is UTF-16 that may hold any byte.
  const objects = (content.match(/\nBT\n[\s\S]*?\nET/g) ?? []).join('\n');
  for (const op of objects.matchAll(/\/(F\d+) [\d.]+ Tf|1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm|\[([^\]]*)\] TJ/g)) {
    if (op[1] !== undefined) {
      out.push({ font: op[1], glyphs: [] });
    } else if (op[2] !== undefined) {
      x = Number(op[2]);
      y = Number(op[3]);
    } else {
      const run = out[out.length - 1]!;
      const widths = widthsOf(run.font);
      for (const item of op[4]!.match(/<[0-9a-f]+>|-?[\d.]+/g) ?? []) {
        if (item.startsWith('<')) {
          const gid = parseInt(item.slice(1, -1), 16);
          run.glyphs.push({ glyph: gid, x, y });
          x += (widths[gid]! / 1000) * SIZE;
        } else {
          x -= (Number(item) / 1000) * SIZE;
        }
      }
    }
  }
  return out;
}

describe('text shaped by HarfBuzz, every script', () => {
  it('draws the glyphs and positions HarfBuzz gives, and pdftotext gives the text as typed', async () => {
    const doc = newDocument({ compress: false, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.addPage({ size: 'A4', margin: 0 });
    const canvas = new Canvas(doc);
    const expected: { font: string; glyphs: Drawn[] }[] = [];
    const subsets = new Map<string, { glyphs: number[]; widths: number[] }>();
    SAMPLES.forEach(([language, text], i) => {
      const [line] = setParagraph([{ text }], { language, width: 10_000, size: SIZE });
      const baseline = 60 + i * 44;
      canvas.drawLine(line!, 40, baseline, SIZE, { language });
      let x = 40;
      for (const run of line!.runs) {
        const font = canvas.embedded(run.face);
        subsets.set(font.id, { glyphs: font.subset.glyphs, widths: font.widths });
        // pdfkit's page space is flipped: a baseline b from the top is 841.89 - b from the bottom.
        expected.push({ font: font.id, glyphs: harfbuzz(run.face, run.text, language, x, 841.89 - baseline) });
        x += run.width;
      }
    });
    doc.end();
    await ended;
    const pdf = Buffer.concat(chunks);
    writeFileSync(join(ARTIFACTS_DIR, 'export', 'shaping.pdf'), pdf);

    const content = pdf.toString('latin1');
    const drawn = drawnGlyphs(content.slice(content.indexOf('stream'), content.indexOf('endstream')), (font) => subsets.get(font)!.widths);
    expect(drawn.length).toBe(expected.length);
    drawn.forEach((run, i) => {
      const want = expected[i]!;
      expect(run.font).toBe(want.font);
      // Subset ids back to the font's own glyph ids.
      const ids = run.glyphs.map((g) => subsets.get(run.font)!.glyphs[g.glyph]);
      expect(ids, `run ${i}`).toEqual(want.glyphs.map((g) => g.glyph));
      run.glyphs.forEach((g, k) => {
        expect(g.x).toBeCloseTo(want.glyphs[k]!.x, 2);
        expect(g.y).toBeCloseTo(want.glyphs[k]!.y, 2);
      });
    });

    const [page] = await pdfPages(pdf);
    expect(page!.trim().split('\n')).toEqual(SAMPLES.map(([, text]) => text));
    expect((await renderPages(pdf, 'shaping', 110)).length).toBe(1);
  });

  it('differs from fontkit where fontkit does not reorder: Myanmar ေ and ြ (the bug this fixes)', () => {
    const [line] = setParagraph([{ text: 'မြန်မာ ရေး' }], { language: 'my', width: 10_000, size: SIZE });
    const run = line!.runs[0]!;
    const fontkitGlyphs = fontkit
      .create(fontFile(run.face))
      .layout(run.text)
      .glyphs.map((g) => g.id);
    const harfbuzzGlyphs = harfbuzz(run.face, run.text, 'my', 0, 0).map((g) => g.glyph);
    expect(run.glyphs.map((g) => g.id)).toEqual(harfbuzzGlyphs);
    expect(fontkitGlyphs).not.toEqual(harfbuzzGlyphs);
  });

  it('renders the same strings in headless Chromium (HarfBuzz too), with the same fonts, for people to compare', async () => {
    const faces = new Map<string, string>();
    const lines = SAMPLES.map(([language, text]) => {
      const [line] = setParagraph([{ text }], { language, width: 10_000, size: SIZE });
      const families = line!.runs.map((run) => {
        faces.set(run.face.key, fontFile(run.face).toString('base64'));
        return `'${run.face.key}'`;
      });
      return `<p lang="${language}" style="font-family: ${[...new Set(families)].join(', ')}">${text}</p>`;
    });
    const css = [...faces].map(([key, data]) => `@font-face { font-family: '${key}'; src: url(data:font/ttf;base64,${data}); }`).join('\n');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 520 } });
      await page.setContent(`<style>${css} body { margin: 30px 40px; font-size: ${SIZE}px; } p { margin: 0; line-height: 44px; }</style>${lines.join('')}`);
      await page.evaluate(() => document.fonts.ready);
      const png = await page.screenshot();
      writeFileSync(join(ARTIFACTS_DIR, 'export', 'shaping-chromium.png'), png);
      expect(png.length).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
