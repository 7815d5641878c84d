// A paragraph is cut into runs, each one face and one script, so that HarfBuzz shapes each
// by its own font's tables and its script's shaper, even when scripts mix in a line. The
// text is taken a grapheme at a time, so a letter and its marks always stay in one run;
// spaces, digits and punctuation stay in the run around them when its face has them, so a
// Thai line is not cut into needless runs.
import { faceCovers, faceForCluster, type Face, type HanForms, type Slant, type Weight } from './fonts';
import { scriptOf, scriptOfLanguage } from './shaping/scripts';

/** Text with the emphasis the record gives it. */
export interface StyledText {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A stretch of a paragraph's text, [start, end) in UTF-16 units, set in one face and one script. */
export interface FontRun {
  start: number;
  end: number;
  face: Face;
  /** ISO 15924 tag HarfBuzz shapes the run with. */
  script: string;
  /** The emphasis asked for, which a face without italics cannot show itself. */
  weight: Weight;
  slant: Slant;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function fontRuns(spans: StyledText[], language: string): { text: string; runs: FontRun[] } {
  let text = '';
  const runs: FontRun[] = [];
  // Runs holding only shared characters so far: they take the script of the next letter.
  const shared = new Set<FontRun>();
  const han: HanForms = language.toLowerCase().startsWith('ja') || KANA.test(spans.map((s) => s.text).join('')) ? 'ja' : 'zh';
  for (const span of spans) {
    const weight: Weight = span.bold ? 700 : 400;
    const slant: Slant = span.italic ? 'italic' : 'normal';
    for (const { segment } of graphemes.segment(span.text)) {
      text += segment;
      const script = scriptOf(segment);
      const last = runs[runs.length - 1];
      const joins =
        last !== undefined &&
        last.weight === weight &&
        last.slant === slant &&
        (script === null || script === last.script || shared.has(last)) &&
        [...segment].every((c) => faceCovers(last.face, c.codePointAt(0)!));
      if (joins) {
        last.end = text.length;
        if (script !== null && shared.delete(last)) last.script = script;
        continue;
      }
      const face = faceForCluster(segment, language, weight, slant, han);
      const sameRun = last !== undefined && last.face.key === face.key && last.weight === weight && last.slant === slant;
      if (sameRun && (script === null || script === last.script || shared.has(last))) {
        last.end = text.length;
        if (script !== null && shared.delete(last)) last.script = script;
        continue;
      }
      const run = { start: text.length - segment.length, end: text.length, face, script: script ?? scriptOfLanguage(language), weight, slant };
      runs.push(run);
      if (script === null) shared.add(run);
    }
  }
  return { text, runs };
}
