// Which script a character is written in, as HarfBuzz is told it (ISO 15924 tags), so that
// each run is shaped by its script's own shaper: Myanmar's reorders the vowel sign E before
// its consonant, Khmer's puts coeng subscripts under theirs, Thai's and Lao's stack marks.
// Spaces, digits and punctuation belong to no script: they join the run around them.

export type Direction = 'ltr' | 'rtl';

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Thai}/u, 'Thai'],
  [/\p{Script=Lao}/u, 'Laoo'],
  [/\p{Script=Myanmar}/u, 'Mymr'],
  [/\p{Script=Khmer}/u, 'Khmr'],
  [/\p{Script=Latin}/u, 'Latn'],
  [/\p{Script=Han}/u, 'Hani'],
  [/\p{Script=Hiragana}/u, 'Hira'],
  [/\p{Script=Katakana}/u, 'Kana'],
  [/\p{Script=Hangul}/u, 'Hang'],
  [/\p{Script=Greek}/u, 'Grek'],
  [/\p{Script=Cyrillic}/u, 'Cyrl'],
  [/\p{Script=Devanagari}/u, 'Deva'],
  [/\p{Script=Arabic}/u, 'Arab'],
  [/\p{Script=Hebrew}/u, 'Hebr'],
];

const RIGHT_TO_LEFT = new Set(['Arab', 'Hebr']);

const known = new Map<number, string | null>();

/** The script of a character (of a cluster's first), or null for one shared by all (Common, Inherited). */
export function scriptOf(char: string): string | null {
  const codePoint = char.codePointAt(0) ?? 0;
  let script = known.get(codePoint);
  if (script === undefined) {
    const first = String.fromCodePoint(codePoint);
    script = SCRIPTS.find(([pattern]) => pattern.test(first))?.[1] ?? null;
    known.set(codePoint, script);
  }
  return script;
}

/** The script a language is written in, for a run of shared characters only (digits, a date). */
const SCRIPT_OF_LANGUAGE: Record<string, string> = { th: 'Thai', lo: 'Laoo', my: 'Mymr', km: 'Khmr', zh: 'Hani', ja: 'Hani' };

export const scriptOfLanguage = (language: string): string => SCRIPT_OF_LANGUAGE[language.toLowerCase().split('-')[0] ?? ''] ?? 'Latn';

export const directionOf = (script: string): Direction => (RIGHT_TO_LEFT.has(script) ? 'rtl' : 'ltr');
