// Sets a paragraph into lines no wider than their column: the text is cut into runs of one
// face and one script, each shaped by HarfBuzz; lines end only at break opportunities (word
// boundaries), each candidate line is measured by the glyphs HarfBuzz gives it, and a word
// wider than the column alone is cut between graphemes rather than let out of the column.
import { breakOpportunities, graphemeBoundaries } from './line-breaks';
import { fontRuns, type StyledText } from './script-runs';
import { faceFor, type Face } from './fonts';
import { unitsPerEm, type Glyph } from './shaping/harfbuzz';
import { ShapedRun } from './shaping/shaped-run';

export interface SetRun {
  text: string;
  face: Face;
  script: string;
  /** The glyphs HarfBuzz gives the run's text, clusters counted from its start. */
  glyphs: readonly Glyph[];
  /** Font units per em: a glyph's advance times size / unitsPerEm is its width in points. */
  unitsPerEm: number;
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
}

const TRAILING_SPACE = /\s+$/u;

interface Shaped {
  text: string;
  runs: { start: number; end: number; shaped: ShapedRun }[];
}

export function setParagraph(spans: StyledText[], options: SetOptions): SetLine[] {
  const { text, runs } = fontRuns(spans, options.language);
  if (text.length === 0) return [emptyLine(options.language)];
  const paragraph: Shaped = {
    text,
    runs: runs.map((run) => ({
      start: run.start,
      end: run.end,
      shaped: new ShapedRun(text.slice(run.start, run.end), run.face, { script: run.script, language: options.language }),
    })),
  };
  const lines: SetLine[] = [];
  // A hard break (a line break inside a paragraph) always ends the line.
  let from = 0;
  for (const hard of [...hardBreaks(text), text.length]) {
    lines.push(...setStretch(paragraph, from, hard, options));
    from = hard + 1;
  }
  return lines;
}

function hardBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}

function setStretch(p: Shaped, start: number, end: number, options: SetOptions): SetLine[] {
  if (start >= end) return [emptyLine(options.language)];
  const stops = [...breakOpportunities(p.text.slice(start, end), options.language).map((i) => start + i), end];
  const lines: SetLine[] = [];
  let lineStart = start;
  let lineEnd = start;
  for (const stop of stops) {
    if (lineEnd > lineStart && widthOf(p, lineStart, stop, options) > options.width) {
      lines.push(lineOf(p, lineStart, lineEnd, options));
      lineStart = lineEnd;
    }
    lineEnd = stop;
    if (widthOf(p, lineStart, lineEnd, options) > options.width) lineStart = cutOverlong(p, lineStart, lineEnd, options, lines);
  }
  if (lineEnd > lineStart) lines.push(lineOf(p, lineStart, lineEnd, options));
  return lines;
}

/** Sets the leading part of an over-wide word grapheme by grapheme; answers where the rest starts. */
function cutOverlong(p: Shaped, start: number, end: number, options: SetOptions, lines: SetLine[]): number {
  let lineStart = start;
  let lineEnd = start;
  for (const stop of [...graphemeBoundaries(p.text, start, end), end]) {
    if (lineEnd > lineStart && widthOf(p, lineStart, stop, options) > options.width) {
      lines.push(lineOf(p, lineStart, lineEnd, options));
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

/** The pieces of each run within [start, end), trailing spaces left out. */
function piecesWithin(p: Shaped, start: number, end: number) {
  const shown = visibleEnd(p.text, start, end);
  return p.runs
    .map((run) => ({ run, from: Math.max(run.start, start) - run.start, to: Math.min(run.end, shown) - run.start }))
    .filter((piece) => piece.from < piece.to);
}

function widthOf(p: Shaped, start: number, end: number, options: SetOptions): number {
  return piecesWithin(p, start, end).reduce((sum, { run, from, to }) => sum + (run.shaped.advanceOf(from, to) * options.size) / unitsPerEm(run.shaped.face), 0);
}

function lineOf(p: Shaped, start: number, end: number, options: SetOptions): SetLine {
  const runs = piecesWithin(p, start, end).map(({ run, from, to }): SetRun => {
    const glyphs = run.shaped.glyphsOf(from, to);
    const upem = unitsPerEm(run.shaped.face);
    return {
      text: run.shaped.text.slice(from, to),
      face: run.shaped.face,
      script: run.shaped.props.script,
      glyphs,
      unitsPerEm: upem,
      width: (glyphs.reduce((sum, g) => sum + g.xAdvance, 0) * options.size) / upem,
    };
  });
  return {
    text: p.text.slice(start, end),
    runs,
    width: runs.reduce((sum, run) => sum + run.width, 0),
    leading: runs.length > 0 ? Math.max(...runs.map((r) => r.face.leading)) : faceFor(0x20, options.language).leading,
  };
}

function emptyLine(language: string): SetLine {
  return { text: '', runs: [], width: 0, leading: faceFor(0x20, language).leading };
}
