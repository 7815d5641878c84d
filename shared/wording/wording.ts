// The fixed words of an original, one catalog per language: headings, labels, the closing
// formula, the signature captions, the running head and the footer. An authentic text is
// printed in its own words only; a working language without a catalog here cannot be
// locked (shared/record/readiness.ts), rather than be printed in English.
import type { CaseStage } from '../cases/case';

export interface ClosingFacts {
  venue: string;
  date: string;
  originals: number;
  /** The working languages, in the original's order. */
  languages: string[];
  authentic: string[];
  prevailing: string | null;
}

export interface Wording {
  recordOfMeeting: string;
  meetingNumber: (n: number) => string;
  parties: string;
  agenda: string;
  minutes: string;
  actionPoints: string;
  responsible: string;
  due: string;
  noDue: string;
  status: string;
  statuses: Record<'open' | 'in progress' | 'done' | 'dropped', string>;
  annex: string;
  /** The case annex (docs/cases.md): its heading, its fields' labels and the stages' names. */
  cases: {
    annex: string;
    reference: string;
    stage: string;
    agency: string;
    nextStep: string;
    repatriatedOn: string;
    stages: Record<CaseStage, string>;
  };
  observers: string;
  name: string;
  position: string;
  agency: string;
  roles: Record<'head' | 'secretariat' | 'delegate' | 'observer', string>;
  forDelegation: (party: string) => string;
  /** `date` as formatDate writes it; `time` as clockTime writes it. */
  signedOn: (date: string, time: string) => string;
  /** "15:06 (UTC+07:00)": a wall-clock time and its zone's offset. */
  clockTime: (time: string, offset: string) => string;
  notSigned: string;
  key: string;
  signaturePage: string;
  recordHash: string;
  fingerprint: string;
  verifyAt: string;
  /** Numbers, or placeholders a word processor fills in. */
  page: (n: number | string, of: number | string) => string;
  draft: string;
  draftNotice: string;
  notLocked: string;
  originalOf: (party: string) => string;
  version: (n: number) => string;
  amends: string;
  statement: string;
  signature: string;
  /** How a reader checks the printed original: the verify page, the QR code, the attached bundle. */
  howToVerify: (page: string) => string;
  closing: (facts: ClosingFacts) => string;
  /** The name of a working language in this language: "ภาษาลาว", "Lao". */
  languageNames: Record<string, string>;
}

/** The languages of a closing formula, every one and only authentic ones: are they the same set? */
export const allAuthentic = (f: ClosingFacts) => f.authentic.length === f.languages.length && f.languages.every((l) => f.authentic.includes(l));

/** The name of a language in a catalog, for a language the catalog does not name: its code. */
export const nameIn = (wording: Pick<Wording, 'languageNames'>, code: string) => wording.languageNames[code.toLowerCase().split('-')[0] ?? code] ?? code;

/** "A, B and C" with the language's own separators. */
export function listOf(items: string[], separator: string, last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`;
}
