// A paragraph is set run by run: each run is one face, so that each is shaped by its own
// font's tables (Thai by Sarabun's, Lao by Noto Sans Lao's) even when scripts mix in a line.
// Marks always stay with the letter they sit on; spaces, digits and punctuation stay in the
// run around them when its face has them, so a Thai line is not cut into needless runs.
import { faceCovers, faceFor, type Face, type Slant, type Weight } from './fonts';

/** Text with the emphasis the record gives it. */
export interface StyledText {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A stretch of a paragraph's text, [start, end) in UTF-16 units, set in one face. */
export interface FontRun {
  start: number;
  end: number;
  face: Face;
  /** The emphasis asked for, which a face without italics cannot show itself. */
  weight: Weight;
  slant: Slant;
}

const JOINS_PREVIOUS = /^[\p{M}\u200C\u200D\uFE00-\uFE0F]$/u;
const NEUTRAL = /^[\p{Zs}\p{P}\p{S}\p{N}]$/u;

export function fontRuns(spans: StyledText[], language: string): { text: string; runs: FontRun[] } {
  let text = '';
  const runs: FontRun[] = [];
  for (const span of spans) {
    const weight: Weight = span.bold ? 700 : 400;
    const slant: Slant = span.italic ? 'italic' : 'normal';
    for (const char of span.text) {
      const codePoint = char.codePointAt(0)!;
      const start = text.length;
      text += char;
      const last = runs[runs.length - 1];
      if (last && JOINS_PREVIOUS.test(char)) {
        last.end = text.length;
        continue;
      }
      const sameStyle = last !== undefined && last.weight === weight && last.slant === slant;
      if (sameStyle && NEUTRAL.test(char) && faceCovers(last.face, codePoint)) {
        last.end = text.length;
        continue;
      }
      const face = faceFor(codePoint, language, weight, slant);
      if (sameStyle && last.face.key === face.key) last.end = text.length;
      else runs.push({ start, end: text.length, face, weight, slant });
    }
  }
  return { text, runs };
}
