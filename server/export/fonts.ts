// The faces the originals are set in, all from npm: Sarabun for Thai (the open release of
// the Thai government's TH Sarabun New), Noto Sans for Lao, Khmer, Myanmar, Latin and
// Vietnamese text, Noto Sans SC and JP for Chinese and Japanese observers' names.
// Fontsource splits each family into files by Unicode subset; which file holds a character
// is read from the package's own unicode.json, so a letter and its marks are set in a file
// that has them all (Vietnamese "ệ" typed as e + two marks is set in the Vietnamese file,
// where HarfBuzz composes it; the Latin file has no such letter).
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
  /** The npm package the file is in. */
  slug: string;
  /** The package's subset the file holds: `thai`, `latin`, `[12]`. */
  subset: string;
  /** The family's own script's file (Sarabun's Thai, Noto Sans Lao's Lao): it keeps the family's name in Word. */
  primary: boolean;
  weight: Weight;
  italic: boolean;
  /** Line height as a multiple of the size: scripts that stack marks need more room. */
  leading: number;
  /** The characters this file holds, as Unicode ranges. */
  ranges: [number, number][];
  file: string;
}

interface Family {
  name: string;
  slug: string;
  italic: boolean;
  weights: Weight[];
  /** Subsets in the order they are tried; each with its Unicode ranges. */
  subsets: { name: string; ranges: [number, number][] }[];
}

const require = createRequire(import.meta.url);

// How much vertical room a line needs: Thai and Lao stack vowels and tone marks above and
// below the consonant; Khmer and Myanmar stack deeper still.
const LEADING: Record<string, number> = { thai: 1.58, lao: 1.55, khmer: 1.85, myanmar: 1.95, vietnamese: 1.45 };
const LATIN_LEADING = 1.38;
const CJK_LEADING = 1.45;

function family(slug: string, name: string, italic: boolean, preferred: string[]): Family {
  const unicode = JSON.parse(readFileSync(require.resolve(`@fontsource/${slug}/unicode.json`), 'utf8')) as Record<string, string>;
  const order = [...preferred.filter((s) => s in unicode), ...Object.keys(unicode).filter((s) => !preferred.includes(s))];
  return { name, slug, italic, weights: [400, 700], subsets: order.map((subset) => ({ name: subset, ranges: parseRanges(unicode[subset]!) })) };
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
  notoSansSC: family('noto-sans-sc', 'Noto Sans SC', false, []),
  notoSansJP: family('noto-sans-jp', 'Noto Sans JP', false, []),
};

/** The family a working language is set in; Latin scripts (English, Vietnamese, …) in Noto Sans. */
const FAMILY_OF_LANGUAGE: Record<string, Family> = {
  th: FAMILIES.sarabun,
  lo: FAMILIES.notoSansLao,
  km: FAMILIES.notoSansKhmer,
  my: FAMILIES.notoSansMyanmar,
  zh: FAMILIES.notoSansSC,
  ja: FAMILIES.notoSansJP,
};

// A character the language's own family lacks (Thai quoted in a Lao paragraph) is set in
// the first family that has it. Han characters are drawn in their Japanese forms in a
// Japanese text, or next to kana; in their Chinese forms otherwise.
const FALLBACK_ORDER = [FAMILIES.notoSans, FAMILIES.sarabun, FAMILIES.notoSansLao, FAMILIES.notoSansKhmer, FAMILIES.notoSansMyanmar];
const CJK = { zh: [FAMILIES.notoSansSC, FAMILIES.notoSansJP], ja: [FAMILIES.notoSansJP, FAMILIES.notoSansSC] };

export type HanForms = 'zh' | 'ja';

const baseLanguage = (language: string) => language.toLowerCase().split('-')[0] ?? language;

const familyOfLanguage = (language: string): Family => FAMILY_OF_LANGUAGE[baseLanguage(language)] ?? FAMILIES.notoSans;

/** The line height a language's own script needs, as a multiple of the size. */
export function leadingOf(language: string): number {
  const fam = familyOfLanguage(language);
  if (fam === FAMILIES.notoSansSC || fam === FAMILIES.notoSansJP) return CJK_LEADING;
  return LEADING[fam.subsets[0]?.name ?? 'latin'] ?? LATIN_LEADING;
}

const covers = (ranges: [number, number][], codePoint: number) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

// Characters no font draws by itself: joiners and variation selectors go with their neighbours.
const IGNORABLE = /^[\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]$/u;

const faces = new Map<string, Face>();

function faceOf(fam: Family, subset: Family['subsets'][number], weight: Weight, slant: Slant): Face {
  const style = slant === 'italic' && fam.italic ? 'italic' : 'normal';
  // Fontsource names the numbered subsets of a CJK family "[12]" and their files "…-12-…".
  const subsetName = subset.name.replace(/^\[(\d+)\]$/, '$1');
  const key = `${fam.slug}-${subsetName}-${weight}-${style}`;
  let face = faces.get(key);
  if (!face) {
    face = {
      key,
      family: fam.name,
      slug: fam.slug,
      subset: subset.name,
      primary: fam.subsets[0] === subset,
      weight,
      italic: style === 'italic',
      leading: fam === FAMILIES.notoSansSC || fam === FAMILIES.notoSansJP ? CJK_LEADING : (LEADING[subset.name] ?? LATIN_LEADING),
      ranges: subset.ranges,
      file: require.resolve(`@fontsource/${fam.slug}/files/${key}.woff`),
    };
    faces.set(key, face);
  }
  return face;
}

function families(language: string, han: HanForms): Family[] {
  const own = familyOfLanguage(language);
  return [own, ...FALLBACK_ORDER, ...CJK[han]].filter((f, i, all) => all.indexOf(f) === i);
}

/**
 * The face that sets a cluster (a letter with its marks, as code points) in a text of this
 * language: the first face of the language's family, then of the others, that has every
 * character of the cluster in its composed form.
 */
export function faceForCluster(cluster: string, language: string, weight: Weight = 400, slant: Slant = 'normal', han: HanForms = 'zh'): Face {
  const key = `${cluster}\u0000${language}\u0000${weight}\u0000${slant}\u0000${han}`;
  let face = chosen.get(key);
  if (!face) {
    if (chosen.size > 50_000) chosen.clear();
    face = chooseFace(cluster, language, weight, slant, han);
    chosen.set(key, face);
  }
  return face;
}

// A paragraph asks for the same letters again and again.
const chosen = new Map<string, Face>();

function chooseFace(cluster: string, language: string, weight: Weight, slant: Slant, han: HanForms): Face {
  const needed = [...cluster.normalize('NFC')].filter((c) => !IGNORABLE.test(c)).map((c) => c.codePointAt(0)!);
  const first = cluster.codePointAt(0) ?? 0x20;
  if (needed.length === 0) needed.push(first);
  const candidates = families(language, han);
  for (const fam of candidates) {
    const subset = fam.subsets.find((s) => needed.every((cp) => covers(s.ranges, cp)));
    if (subset) return faceOf(fam, subset, weight, slant);
  }
  // No one file has the whole cluster: its first letter decides.
  for (const fam of candidates) {
    const subset = fam.subsets.find((s) => covers(s.ranges, needed[0]!));
    if (subset) return faceOf(fam, subset, weight, slant);
  }
  // Nothing has it: the language's Latin face shows its empty box rather than failing the export.
  const own = candidates[0]!;
  return faceOf(own, own.subsets.find((s) => s.name === 'latin') ?? own.subsets[0]!, weight, slant);
}

/** The face that sets this character in a text of this language. */
export const faceFor = (codePoint: number, language: string, weight: Weight = 400, slant: Slant = 'normal'): Face =>
  faceForCluster(String.fromCodePoint(codePoint), language, weight, slant);

const coverage = new Map<string, Map<number, boolean>>();

/** Whether a face can set this character itself (for neutral characters that join a run). */
export function faceCovers(face: Face, codePoint: number): boolean {
  let known = coverage.get(face.key);
  if (!known) coverage.set(face.key, (known = new Map()));
  let covered = known.get(codePoint);
  if (covered === undefined) known.set(codePoint, (covered = covers(face.ranges, codePoint)));
  return covered;
}

const files = new Map<string, Buffer>();

/** Every face this process has set text in: the faces a document's fonts are named after. */
export const facesInUse = (): Face[] => [...faces.values()];

/** The same file in another weight and slant (what a word processor embeds beside it). */
export function variantOf(face: Face, weight: Weight, slant: Slant): Face | null {
  const fam = Object.values(FAMILIES).find((f) => f.slug === face.slug)!;
  if (slant === 'italic' && !fam.italic) return null;
  return faceOf(fam, fam.subsets.find((s) => s.name === face.subset)!, weight, slant);
}

/** The face's font as TrueType, read and unpacked once per process. */
export function fontFile(face: Face): Buffer {
  let bytes = files.get(face.key);
  if (!bytes) {
    bytes = woffToSfnt(readFileSync(face.file));
    files.set(face.key, bytes);
  }
  return bytes;
}
