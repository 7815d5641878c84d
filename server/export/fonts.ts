// The faces the originals are set in, all from npm: Sarabun for Thai (the open release of
// the Thai government's TH Sarabun New), Noto Sans for Lao, Khmer, Myanmar and Latin text.
// Fontsource splits each family into files by Unicode subset; which file holds a character
// is read from the package's own unicode.json, so a character is set in the file that has it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff';

export type Weight = 400 | 700;
export type Slant = 'normal' | 'italic';

export interface Face {
  /** Names the file: `sarabun-thai-700-normal`. */
  key: string;
  /** The family name, as a word processor knows it. */
  family: string;
  /** Line height as a multiple of the size: scripts that stack marks need more room. */
  leading: number;
  /** Scripts whose glyphs do not map one to one onto characters (mark reordering, decomposition). */
  complex: boolean;
  /** The characters this file holds, as Unicode ranges. */
  ranges: [number, number][];
  file: string;
}

interface Family {
  name: string;
  slug: string;
  italic: boolean;
  /** Subsets in the order they are tried; each with its Unicode ranges. */
  subsets: { name: string; ranges: [number, number][] }[];
}

const require = createRequire(import.meta.url);

// How much vertical room a line needs: Thai and Lao stack vowels and tone marks above and
// below the consonant; Khmer and Myanmar stack deeper still.
const LEADING: Record<string, number> = { thai: 1.58, lao: 1.55, khmer: 1.85, myanmar: 1.95 };
const LATIN_LEADING = 1.38;

function family(slug: string, name: string, italic: boolean, preferred: string[]): Family {
  const unicode = JSON.parse(readFileSync(require.resolve(`@fontsource/${slug}/unicode.json`), 'utf8')) as Record<string, string>;
  const order = [...preferred.filter((s) => s in unicode), ...Object.keys(unicode).filter((s) => !preferred.includes(s))];
  return { name, slug, italic, subsets: order.map((subset) => ({ name: subset, ranges: parseRanges(unicode[subset]!) })) };
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!, 16);
    return [start, to ? parseInt(to, 16) : start];
  });
}

const FAMILIES = {
  sarabun: family('sarabun', 'Sarabun', true, ['thai', 'latin', 'latin-ext', 'vietnamese']),
  notoSans: family('noto-sans', 'Noto Sans', true, ['latin', 'latin-ext', 'vietnamese', 'greek', 'cyrillic']),
  notoSansLao: family('noto-sans-lao', 'Noto Sans Lao', false, ['lao', 'latin', 'latin-ext']),
  notoSansKhmer: family('noto-sans-khmer', 'Noto Sans Khmer', false, ['khmer', 'latin', 'latin-ext']),
  notoSansMyanmar: family('noto-sans-myanmar', 'Noto Sans Myanmar', false, ['myanmar', 'latin', 'latin-ext']),
};

/** The family a working language is set in; Latin scripts (English, Vietnamese, …) in Noto Sans. */
const FAMILY_OF_LANGUAGE: Record<string, Family> = {
  th: FAMILIES.sarabun,
  lo: FAMILIES.notoSansLao,
  km: FAMILIES.notoSansKhmer,
  my: FAMILIES.notoSansMyanmar,
};

// A character the language's own family lacks (Thai quoted in a Lao paragraph) is set in
// the first family that has it.
const FALLBACK_ORDER = [FAMILIES.notoSans, FAMILIES.sarabun, FAMILIES.notoSansLao, FAMILIES.notoSansKhmer, FAMILIES.notoSansMyanmar];

const baseLanguage = (language: string) => language.toLowerCase().split('-')[0] ?? language;

const familyOfLanguage = (language: string): Family => FAMILY_OF_LANGUAGE[baseLanguage(language)] ?? FAMILIES.notoSans;

/** The line height a language's own script needs, as a multiple of the size. */
export function leadingOf(language: string): number {
  const script = familyOfLanguage(language).subsets[0]?.name ?? 'latin';
  return LEADING[script] ?? LATIN_LEADING;
}

const covers = (ranges: [number, number][], codePoint: number) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

const faces = new Map<string, Face>();

function faceOf(fam: Family, subset: Family['subsets'][number], weight: Weight, slant: Slant): Face {
  const style = slant === 'italic' && fam.italic ? 'italic' : 'normal';
  const key = `${fam.slug}-${subset.name}-${weight}-${style}`;
  let face = faces.get(key);
  if (!face) {
    face = {
      key,
      family: fam.name,
      leading: LEADING[subset.name] ?? LATIN_LEADING,
      complex: subset.name in LEADING,
      ranges: subset.ranges,
      file: require.resolve(`@fontsource/${fam.slug}/files/${key}.woff`),
    };
    faces.set(key, face);
  }
  return face;
}

/** The face that sets this character in a text of this language. */
export function faceFor(codePoint: number, language: string, weight: Weight = 400, slant: Slant = 'normal'): Face {
  const own = familyOfLanguage(language);
  for (const fam of [own, ...FALLBACK_ORDER.filter((f) => f !== own)]) {
    const subset = fam.subsets.find((s) => covers(s.ranges, codePoint));
    if (subset) return faceOf(fam, subset, weight, slant);
  }
  // Nothing has it: the language's Latin face shows its empty box rather than failing the export.
  return faceOf(own, own.subsets.find((s) => s.name === 'latin') ?? own.subsets[0]!, weight, slant);
}

/** Whether a face can set this character itself (for neutral characters that join a run). */
export const faceCovers = (face: Face, codePoint: number): boolean => covers(face.ranges, codePoint);

/** Every code point a face's file declares. */
export function codePointsOf(face: Face): number[] {
  const points: number[] = [];
  for (const [from, to] of face.ranges) for (let cp = from; cp <= to; cp++) points.push(cp);
  return points;
}

const files = new Map<string, Buffer>();

/** The face's font as TrueType, read and unpacked once per process. */
export function fontFile(face: Face): Buffer {
  let bytes = files.get(face.key);
  if (!bytes) {
    bytes = woffToSfnt(readFileSync(face.file));
    files.set(face.key, bytes);
  }
  return bytes;
}
