// HarfBuzz (harfbuzzjs, the shaper of Chromium, LibreOffice and Pango) turns a run of text
// in one face, one script and one language into glyphs and their positions. Everything the
// originals print goes through here; pdfkit only places the glyphs this answers.
import * as hb from 'harfbuzzjs';
import { fontFile, type Face } from '../fonts';
import { directionOf } from './scripts';

/** A glyph as HarfBuzz places it, in font units. */
export interface Glyph {
  /** The glyph's id in the face's font file (not in any subset). */
  id: number;
  /** Where its cluster starts in the run's text, in UTF-16 units. */
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The text may not be cut before this glyph without shaping it again. */
  unsafeToBreak: boolean;
}

export interface ShapeProps {
  /** ISO 15924 tag: `Mymr`, `Thai`, `Latn`. */
  script: string;
  /** BCP 47 tag of the text: `my`, `th`, `vi`. */
  language: string;
}

interface LoadedFace {
  face: hb.Face;
  font: hb.Font;
  upem: number;
}

const loaded = new Map<string, LoadedFace>();

function load(face: Face): LoadedFace {
  let found = loaded.get(face.key);
  if (!found) {
    const hbFace = new hb.Face(new hb.Blob(fontFile(face)));
    found = { face: hbFace, font: new hb.Font(hbFace), upem: hbFace.upem };
    loaded.set(face.key, found);
  }
  return found;
}

/** Units per em of the face's font: glyph positions divided by this are in ems. */
export const unitsPerEm = (face: Face): number => load(face).upem;

// One buffer, reset for every run: harfbuzzjs frees buffers only when they are collected.
let buffer: hb.Buffer | null = null;

// The same words are shaped again and again (headings, labels, names, every page's footer);
// a paragraph's long runs are not, and are not kept.
const shaped = new Map<string, Glyph[]>();
const SHAPED_KEPT = 5_000;
const KEPT_LENGTH = 80;

/** The glyphs of a run; the array is shared between callers and must not be changed. */
export function shape(text: string, face: Face, props: ShapeProps): readonly Glyph[] {
  if (text.length === 0) return [];
  if (text.length > KEPT_LENGTH) return shapeNow(text, face, props);
  const key = `${face.key}\u0000${props.script}\u0000${props.language}\u0000${text}`;
  let glyphs = shaped.get(key);
  if (!glyphs) {
    if (shaped.size >= SHAPED_KEPT) shaped.clear();
    glyphs = shapeNow(text, face, props);
    shaped.set(key, glyphs);
  }
  return glyphs;
}

function shapeNow(text: string, face: Face, props: ShapeProps): Glyph[] {
  const { font } = load(face);
  buffer ??= new hb.Buffer();
  buffer.reset();
  buffer.addText(text);
  buffer.setDirection(directionOf(props.script) === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setScript(props.script);
  buffer.setLanguage(props.language);
  hb.shape(font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  return infos.map((info, i) => {
    const p = positions[i]!;
    return {
      id: info.codepoint,
      cluster: info.cluster,
      xAdvance: p.xAdvance,
      yAdvance: p.yAdvance,
      xOffset: p.xOffset,
      yOffset: p.yOffset,
      unsafeToBreak: (info.flags & hb.GlyphFlag.UNSAFE_TO_BREAK) !== 0,
    };
  });
}

const characters = new Map<string, Map<number, number>>();

/** The character whose own glyph this is in the face's character map, if any (what a copy maps it back to). */
export function characterOf(face: Face, glyphId: number): number | undefined {
  let map = characters.get(face.key);
  if (!map) {
    map = new Map();
    const { face: hbFace, font } = load(face);
    for (const codePoint of hbFace.collectUnicodes()) {
      const glyph = font.nominalGlyph(codePoint);
      if (glyph !== undefined && !map.has(glyph)) map.set(glyph, codePoint);
    }
    characters.set(face.key, map);
  }
  return map.get(glyphId);
}
