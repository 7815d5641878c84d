// The fixed words of an original, one catalog per language (./en and its siblings): headings,
// labels, the closing formula, the signature captions, the running head and the footer. An
// authentic text is printed in its own words only; a working language without a catalog here
// cannot be locked (shared/record/readiness.ts), rather than be printed in English.
//
// The catalogs are ICU MessageFormat, formatted by the interface's own formatter
// (shared/i18n/message-format), so counts follow each language's plural rules. The export
// asks through `Wording`, typed by what each sentence needs; it turns those facts into the
// messages' values (./parameters names them) in one place for every language: a number in
// the language's own digits, the names of languages, a list of them in the language's words.
import { CASE_STAGES, type CaseStage } from '../cases/case';
import { baseLanguage, digitsIn } from '../dates';
import { formatMessage, parseMessage } from '../i18n/message-format';
import { localeOf } from '../i18n/locale';
import { ACTION_STATUSES, type ActionStatus } from '../record/action-status';
import { ROLES, type Role } from '../roles';
import type { WordingCatalog, WordingKey } from './en';
import type { WordingValues } from './parameters';

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
  statuses: Record<ActionStatus, string>;
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
  roles: Record<Role, string>;
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
const allAuthentic = (f: ClosingFacts) => f.authentic.length === f.languages.length && f.languages.every((l) => f.authentic.includes(l));

// A party named by a state's style ("Kingdom of Thailand") takes the article in English
// ("For the Delegation of the Kingdom of Thailand"); every catalog is given `article`, and
// those of languages without articles leave it unused.
const STATE_STYLE = /^(Kingdom|Republic|Union|United|Socialist|People's|Lao People's|Democratic|Federal|State|Commonwealth|Principality|Sultanate|Islamic)\b/;
const articleOf = (party: string) => (STATE_STYLE.test(party) ? 'the' : 'none');

/** `messages` as the export asks for them, formatted for `language` (a catalog's own language). */
export function wordingIn(language: string, messages: WordingCatalog): Wording {
  const locale = localeOf(language);
  const parsed = new Map<WordingKey, ReturnType<typeof parseMessage>>();
  function say<K extends WordingKey>(key: K, ...values: WordingValues<K>): string {
    let parts = parsed.get(key);
    if (!parts) parsed.set(key, (parts = parseMessage(messages[key])));
    return formatMessage(parts, locale, values[0]);
  }
  // Myanmar and Khmer write numbers, clock times and offsets in their own digits; a value that is
  // already words (a name, a date formatDate wrote, an address) is given as it is.
  const digits = (value: number | string) => digitsIn(language, value);
  const languageNames = Object.fromEntries(
    (['th', 'lo', 'en', 'km', 'my', 'vi', 'zh', 'ja'] as const).map((code) => [code, say(`language.${code}`)]),
  ) as Record<string, string>;
  const nameOf = (code: string) => languageNames[baseLanguage(code)] ?? code;
  // "A, B and C" as the language lists: its first item, then each middle one, then the last.
  const listOf = (codes: string[]) => {
    const names = codes.map(nameOf);
    if (names.length <= 1) return names.join('');
    let list = names[0]!;
    for (const item of names.slice(1, -1)) list = say('list.middle', { list, item });
    return say('list.end', { list, item: names[names.length - 1]! });
  };
  const labels = <T extends string>(all: readonly T[], key: (value: T) => WordingKey) =>
    Object.fromEntries(all.map((value) => [value, say(key(value))])) as Record<T, string>;
  return {
    recordOfMeeting: say('recordOfMeeting'),
    meetingNumber: (n) => say('meetingNumber', { n: digits(n) }),
    parties: say('parties'),
    agenda: say('agenda'),
    minutes: say('minutes'),
    actionPoints: say('actionPoints'),
    responsible: say('responsible'),
    due: say('due'),
    noDue: say('noDue'),
    status: say('status'),
    statuses: labels(ACTION_STATUSES, (status) => `status.${status}`),
    annex: say('annex'),
    cases: {
      annex: say('cases.annex'),
      reference: say('cases.reference'),
      stage: say('cases.stage'),
      agency: say('cases.agency'),
      nextStep: say('cases.nextStep'),
      repatriatedOn: say('cases.repatriatedOn'),
      stages: labels(CASE_STAGES, (stage) => `stage.${stage}`),
    },
    observers: say('observers'),
    name: say('name'),
    position: say('position'),
    agency: say('agency'),
    roles: labels(ROLES, (role) => `role.${role}`),
    forDelegation: (party) => say('forDelegation', { party, article: articleOf(party) }),
    signedOn: (date, time) => say('signedOn', { date, time }),
    clockTime: (time, offset) => say('clockTime', { time: digits(time), offset: digits(offset) }),
    notSigned: say('notSigned'),
    key: say('key'),
    signaturePage: say('signaturePage'),
    recordHash: say('recordHash'),
    fingerprint: say('fingerprint'),
    verifyAt: say('verifyAt'),
    page: (n, of) => say('page', { n: digits(n), of: digits(of) }),
    draft: say('draft'),
    draftNotice: say('draftNotice'),
    notLocked: say('notLocked'),
    originalOf: (party) => say('originalOf', { party, article: articleOf(party) }),
    version: (n) => say('version', { n: digits(n) }),
    amends: say('amends'),
    statement: say('statement'),
    signature: say('signature'),
    howToVerify: (page) => say('howToVerify', { page }),
    closing: (f) =>
      say('closing', {
        venue: f.venue,
        date: f.date,
        originals: f.originals,
        languages: listOf(f.languages),
        languageCount: f.languages.length,
        authenticity: allAuthentic(f) ? 'all' : 'some',
        authentic: listOf(f.authentic),
        authenticCount: f.authentic.length,
        prevails: f.prevailing ? 'yes' : 'no',
        prevailing: f.prevailing ? nameOf(f.prevailing) : '',
      }),
    languageNames,
  };
}
