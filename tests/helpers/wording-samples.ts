// Every word an original can print from shared/wording, with representative facts: each
// label, and each sentence for the numbers, names and languages that choose between its
// forms. tests/fixtures/wording/make-fixture.ts wrote what the catalog answered before its
// messages became ICU (tests/fixtures/wording/words.json); tests/shared/wording-unchanged.test.ts
// asks today's catalog the same and expects the same words, since an original is verified by
// making it again and comparing bytes.
import type { ClosingFacts, Wording } from '../../shared/wording/wording';

const PARTIES = [
  '',
  'Kingdom of Thailand',
  'Lao PDR',
  "Lao People's Democratic Republic",
  'Viet Nam',
  'Socialist Republic of Viet Nam',
  'Union of Myanmar',
  'Kingdom of Cambodia',
  'United Nations',
  'ราชอาณาจักรไทย',
  'ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ',
  'သမ္မတ မြန်မာနိုင်ငံတော်',
  'ព្រះរាជាណាចក្រកម្ពុជា',
  'Việt Nam',
  'Party 2 of 3',
];

const NUMBERS = [0, 1, 2, 4, 9, 10, 11, 12, 20, 21, 100, 999, 1000, 2025, 12345];

const LANGUAGE_LISTS: string[][] = [
  [],
  ['th'],
  ['en'],
  ['th', 'lo'],
  ['lo', 'th', 'en'],
  ['my', 'th', 'en'],
  ['vi', 'th', 'en'],
  ['km', 'th'],
  ['th', 'lo', 'my', 'km', 'vi', 'en', 'zh', 'ja'],
  ['th-TH', 'fr', 'EN'],
];

/** Closing facts: every count of originals, and for each list of languages every way its texts can be authentic and one prevail. */
function closingFacts(): ClosingFacts[] {
  const facts: ClosingFacts[] = [];
  for (const originals of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 1000])
    facts.push({ venue: 'Vientiane', date: '12 March 2025', originals, languages: ['lo', 'th', 'en'], authentic: ['lo', 'th', 'en'], prevailing: 'en' });
  for (const languages of LANGUAGE_LISTS) {
    const authentics = [languages, languages.slice(0, 1), languages.slice(0, 2), [...languages].reverse(), []];
    for (const authentic of authentics)
      for (const prevailing of [null, languages[0] ?? 'th', 'fr-CA'])
        facts.push({ venue: 'Chiang Mai', date: 'D', originals: Math.max(languages.length, 2), languages, authentic, prevailing });
  }
  facts.push({ venue: '', date: '', originals: 2, languages: ['th', 'my'], authentic: ['th', 'my'], prevailing: '' });
  return facts;
}

const closingName = (f: ClosingFacts) => `${f.venue}; ${f.date}; ${f.originals}; ${f.languages}; ${f.authentic}; ${f.prevailing}`;

/** What `wording` says for every key and every sample of its facts, by a name for each. */
export function wordingSamples(wording: Wording): Record<string, string> {
  const out: Record<string, string> = {};
  const say = (name: string, text: string) => {
    out[name] = text;
  };
  for (const key of ['recordOfMeeting', 'parties', 'agenda', 'minutes', 'actionPoints', 'responsible', 'due', 'noDue', 'status', 'annex'] as const)
    say(key, wording[key]);
  for (const key of ['observers', 'name', 'position', 'agency', 'notSigned', 'key', 'signaturePage', 'recordHash', 'fingerprint', 'verifyAt'] as const)
    say(key, wording[key]);
  for (const key of ['draft', 'draftNotice', 'notLocked', 'amends', 'statement', 'signature'] as const) say(key, wording[key]);
  for (const [status, text] of Object.entries(wording.statuses)) say(`statuses.${status}`, text);
  for (const [role, text] of Object.entries(wording.roles)) say(`roles.${role}`, text);
  const { stages, ...cases } = wording.cases;
  for (const [label, text] of Object.entries(cases)) say(`cases.${label}`, text);
  for (const [stage, text] of Object.entries(stages)) say(`cases.stages.${stage}`, text);
  for (const [code, text] of Object.entries(wording.languageNames)) say(`languageNames.${code}`, text);
  for (const n of NUMBERS) {
    say(`meetingNumber(${n})`, wording.meetingNumber(n));
    say(`version(${n})`, wording.version(n));
    say(`page(${n}, ${n + 1})`, wording.page(n, n + 1));
  }
  say('page(\\u0001, \\u0002)', wording.page('\u0001', '\u0002'));
  say('page(3, 12)', wording.page(3, 12));
  for (const party of PARTIES) {
    say(`forDelegation(${party})`, wording.forDelegation(party));
    say(`originalOf(${party})`, wording.originalOf(party));
  }
  for (const [time, offset] of [
    ['15:06', '+07:00'],
    ['09:30', '-03:30'],
    ['00:00', '+00:00'],
    ['23:59', '+05:45'],
  ] as const)
    say(`clockTime(${time}, ${offset})`, wording.clockTime(time, offset));
  for (const [date, time] of [
    ['24 September 2024', '15:06 (UTC+07:00)'],
    ['', ''],
  ] as const)
    say(`signedOn(${date}, ${time})`, wording.signedOn(date, time));
  for (const page of ['https://accord.example/verify', '']) say(`howToVerify(${page})`, wording.howToVerify(page));
  for (const facts of closingFacts()) say(`closing(${closingName(facts)})`, wording.closing(facts));
  return out;
}
