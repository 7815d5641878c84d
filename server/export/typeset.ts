// Sets a paragraph into lines no wider than its column: the text is cut into font runs,
// lines end only at break opportunities (word boundaries), each candidate line is measured
// as it will be drawn, run by run, and a word wider than the column alone is cut between
// graphemes rather than let out of the column.
import { breakOpportunities, graphemeBoundaries } from './line-breaks';
import { fontRuns, type FontRun, type StyledText } from './script-runs';
import { faceFor, type Face } from './fonts';

/** The advance of a text in a face, at size 1 (widths scale with the size). */
export type Measure = (text: string, face: Face) => number;

export interface SetRun {
  text: string;
  face: Face;
  width: number;
}

export interface SetLine {
  /** What the line says, with the space that ended it: what a reader copies. */
  text: string;
  runs: SetRun[];
  width: number;
  /** Line height as a multiple of the size, for the tallest script in the line. */
  leading: number;
}

export interface SetOptions {
  language: string;
  width: number;
  size: number;
  measure: Measure;
}

const TRAILING_SPACE = /\s+$/u;

export function setParagraph(spans: StyledText[], options: SetOptions): SetLine[] {
  const { text, runs } = fontRuns(spans, options.language);
  if (text.length === 0) return [emptyLine(options.language)];
  const lines: SetLine[] = [];
  // A hard break (a line break inside a paragraph) always ends the line.
  let from = 0;
  for (const hard of [...hardBreaks(text), text.length]) {
    lines.push(...setStretch(text, runs, from, hard, options));
    from = hard + 1;
  }
  return lines;
}

function hardBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}

function setStretch(text: string, runs: FontRun[], start: number, end: number, options: SetOptions): SetLine[] {
  if (start >= end) return [emptyLine(options.language)];
  const slice = text.slice(start, end);
  const stops = [...breakOpportunities(slice, options.language).map((i) => start + i), end];
  const lines: SetLine[] = [];
  let lineStart = start;
  let lineEnd = start;
  for (const stop of stops) {
    if (lineEnd > lineStart && widthOf(text, runs, lineStart, stop, options) > options.width) {
      lines.push(lineOf(text, runs, lineStart, lineEnd, options));
      lineStart = lineEnd;
    }
    lineEnd = stop;
    if (widthOf(text, runs, lineStart, lineEnd, options) > options.width) lineStart = cutOverlong(text, runs, lineStart, lineEnd, options, lines);
  }
  if (lineEnd > lineStart) lines.push(lineOf(text, runs, lineStart, lineEnd, options));
  return lines;
}

/** Sets the leading part of an over-wide word grapheme by grapheme; answers where the rest starts. */
function cutOverlong(text: string, runs: FontRun[], start: number, end: number, options: SetOptions, lines: SetLine[]): number {
  let lineStart = start;
  let lineEnd = start;
  for (const stop of [...graphemeBoundaries(text, start, end), end]) {
    if (lineEnd > lineStart && widthOf(text, runs, lineStart, stop, options) > options.width) {
      lines.push(lineOf(text, runs, lineStart, lineEnd, options));
      lineStart = lineEnd;
    }
    lineEnd = stop;
  }
  return lineStart;
}

function visibleEnd(text: string, start: number, end: number): number {
  const trailing = TRAILING_SPACE.exec(text.slice(start, end));
  return trailing ? end - trailing[0].length : end;
}

function runsWithin(text: string, runs: FontRun[], start: number, end: number, options: SetOptions): SetRun[] {
  const shown = visibleEnd(text, start, end);
  const out: SetRun[] = [];
  for (const run of runs) {
    const from = Math.max(run.start, start);
    const to = Math.min(run.end, shown);
    if (from >= to) continue;
    const piece = text.slice(from, to);
    out.push({ text: piece, face: run.face, width: options.measure(piece, run.face) * options.size });
  }
  return out;
}

function widthOf(text: string, runs: FontRun[], start: number, end: number, options: SetOptions): number {
  return runsWithin(text, runs, start, end, options).reduce((sum, run) => sum + run.width, 0);
}

function lineOf(text: string, runs: FontRun[], start: number, end: number, options: SetOptions): SetLine {
  const set = runsWithin(text, runs, start, end, options);
  return {
    text: text.slice(start, end),
    runs: set,
    width: set.reduce((sum, run) => sum + run.width, 0),
    leading: set.length > 0 ? Math.max(...set.map((r) => r.face.leading)) : faceFor(0x20, options.language).leading,
  };
}

function emptyLine(language: string): SetLine {
  return { text: '', runs: [], width: 0, leading: faceFor(0x20, language).leading };
}
