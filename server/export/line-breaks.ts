// Where a line may end. Thai, Lao, Khmer and Myanmar write words without spaces, so the
// word boundaries come from Intl.Segmenter's dictionaries; elsewhere a line ends only after
// a space, so "prevention," or "(Phase 2)" never lose their punctuation to the next line.

const COMPLEX = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;
const SPACE = /^\s$/u;
// Mai yamok and paiyannoi belong to the word before them, even after a space.
const NEVER_STARTS_A_LINE = /^[\u0E46\u0E2F\u0EC6\u0EAF\p{M}]$/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  const key = `${language}/${granularity}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(safeLocale(language), { granularity });
    segmenters.set(key, found);
  }
  return found;
}

function safeLocale(language: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([language])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const charBefore = (text: string, index: number) => String.fromCodePoint(text.codePointAt(index - 1) ?? 0);
const charAt = (text: string, index: number) => String.fromCodePoint(text.codePointAt(index) ?? 0);

/** The indices at which a new line may begin, ascending, without 0 and the text's length. */
export function breakOpportunities(text: string, language: string): number[] {
  const breaks: number[] = [];
  for (const { index } of segmenter(language, 'word').segment(text)) {
    if (index === 0) continue;
    const before = charBefore(text, index);
    const after = charAt(text, index);
    if (SPACE.test(after) || NEVER_STARTS_A_LINE.test(after)) continue;
    if (SPACE.test(before) || (COMPLEX.test(before) && COMPLEX.test(after))) breaks.push(index);
  }
  return breaks;
}

/** Grapheme boundaries, for the rare word wider than its column (a long reference, a hash). */
export function graphemeBoundaries(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (const { index } of segmenter('en', 'grapheme').segment(text.slice(start, end))) if (index > 0) out.push(start + index);
  return out;
}
