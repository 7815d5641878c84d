// A paragraph is cut into runs, each one face and one script, so that HarfBuzz shapes each
// by its own font's tables and its script's shaper, even when scripts mix in a line. The
// text is taken a letter with its marks at a time, so they always stay in one run;
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
// Marks, joiners and variation selectors belong to the letter before them.
const JOINS_PREVIOUS = /^[\p{M}\u200C\u200D\uFE00-\uFE0F]$/u;
const joinsPrevious = new Map<number, boolean>();

function isJoining(codePoint: number): boolean {
  let joins = joinsPrevious.get(codePoint);
  if (joins === undefined) joinsPrevious.set(codePoint, (joins = JOINS_PREVIOUS.test(String.fromCodePoint(codePoint))));
  return joins;
}

/** A letter with the marks after it: [start, end) of the cluster starting at `start`. */
function clusterEnd(text: string, start: number): number {
  let end = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
  while (end < text.length) {
    const next = text.codePointAt(end)!;
    if (!isJoining(next)) break;
    end += next > 0xffff ? 2 : 1;
  }
  return end;
}

export function fontRuns(spans: StyledText[], language: string): { text: string; runs: FontRun[] } {
  const text = spans.map((s) => s.text).join('');
  const runs: FontRun[] = [];
  // Runs holding only shared characters so far: they take the script of the next letter.
  const shared = new Set<FontRun>();
  const han: HanForms = language.toLowerCase().startsWith('ja') || KANA.test(text) ? 'ja' : 'zh';
  let spanStart = 0;
  for (const span of spans) {
    const weight: Weight = span.bold ? 700 : 400;
    const slant: Slant = span.italic ? 'italic' : 'normal';
    const spanEnd = spanStart + span.text.length;
    for (let at = spanStart; at < spanEnd; ) {
      const end = Math.min(clusterEnd(text, at), spanEnd);
      const cluster = text.slice(at, end);
      const script = scriptOf(cluster);
      const last = runs[runs.length - 1];
      const continues =
        last !== undefined &&
        last.end === at &&
        last.weight === weight &&
        last.slant === slant &&
        (script === null || script === last.script || shared.has(last));
      if (continues && coversAll(last.face, cluster)) {
        extend(last, end, script, shared);
      } else {
        const face = faceForCluster(cluster, language, weight, slant, han);
        if (continues && last.face.key === face.key) extend(last, end, script, shared);
        else {
          const run = { start: at, end, face, script: script ?? scriptOfLanguage(language), weight, slant };
          runs.push(run);
          if (script === null) shared.add(run);
        }
      }
      at = end;
    }
    spanStart = spanEnd;
  }
  return { text, runs };
}

function extend(run: FontRun, end: number, script: string | null, shared: Set<FontRun>): void {
  run.end = end;
  if (script !== null && shared.delete(run)) run.script = script;
}

function coversAll(face: Face, cluster: string): boolean {
  for (let i = 0; i < cluster.length; i++) {
    const codePoint = cluster.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    if (!faceCovers(face, codePoint)) return false;
  }
  return true;
}
