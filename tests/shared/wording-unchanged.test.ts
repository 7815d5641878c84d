// An original is signed, and later verified by making it again from the signed bundle and
// comparing bytes: so the catalog of an original's fixed words must say today exactly what it
// said when earlier originals were made. tests/fixtures/wording/words.json holds what it said
// (every label, and every sentence for representative numbers, names and languages, in every
// language) before its messages became ICU; the catalog must still say each word for word,
// but for the deliberate changes listed below, none of which an original can print.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meetingFacts } from '../../shared/record/meeting-input';
import { CATALOG } from '../../shared/wording/catalog';
import { WORDING_LANGUAGES, type WordingLanguage } from '../../shared/wording/languages';
import { wordingSamples } from '../helpers/wording-samples';

const recorded = JSON.parse(readFileSync(new URL('../fixtures/wording/words.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;

/**
 * The closing formula counts its originals with ICU's `#`, which writes a number as the language
 * does: a count without its own word was left blank for 0, and 1000 was written without the
 * language's grouping. An original counts one per party, and a meeting has 1 to 20 parties
 * (checked below), so neither ever reached an original: [language, originals, was, now].
 */
const DELIBERATE: [WordingLanguage, 0 | 1000, was: string, now: string][] = [
  ['th', 0, 'เป็นต้นฉบับฉบับ', 'เป็นต้นฉบับ 0 ฉบับ'],
  ['th', 1000, 'เป็นต้นฉบับ 1000 ฉบับ', 'เป็นต้นฉบับ 1,000 ฉบับ'],
  ['lo', 0, 'ເປັນສະບັບຕົ້ນສະບັບ', 'ເປັນສະບັບຕົ້ນ 0 ສະບັບ'],
  ['lo', 1000, 'ເປັນສະບັບຕົ້ນ 1000 ສະບັບ', 'ເປັນສະບັບຕົ້ນ 1.000 ສະບັບ'],
  ['my', 0, 'မူရင်း  စောင်', 'မူရင်း ၀ စောင်'],
  ['my', 1000, 'မူရင်း ၁၀၀၀ စောင်', 'မူရင်း ၁,၀၀၀ စောင်'],
  ['km', 0, 'ជាច្បាប់ដើមចំនួនច្បាប់', 'ជាច្បាប់ដើមចំនួន០ច្បាប់'],
  ['km', 1000, 'ជាច្បាប់ដើមចំនួន១០០០ច្បាប់', 'ជាច្បាប់ដើមចំនួន១.០០០ច្បាប់'],
  ['vi', 0, 'thành  bản gốc', 'thành 0 bản gốc'],
  ['vi', 1000, 'thành 1000 bản gốc', 'thành 1.000 bản gốc'],
  ['en', 0, 'in  originals', 'in 0 originals'],
  ['en', 1000, 'in 1000 originals', 'in 1,000 originals'],
  ['zh', 0, '一式份', '一式0份'],
  ['zh', 1000, '一式1000份', '一式1,000份'],
  ['ja', 0, '本書通', '本書0通'],
  ['ja', 1000, '本書1000通', '本書1,000通'],
];

/** The sample of the closing formula for `originals` originals (tests/helpers/wording-samples). */
const closingFor = (originals: number) => `closing(Vientiane; 12 March 2025; ${originals}; lo,th,en; lo,th,en; en)`;

describe('the words of an original', () => {
  it.each(WORDING_LANGUAGES)('in %s are those earlier originals were printed with', (language) => {
    const now = wordingSamples(CATALOG[language]);
    expect(Object.keys(now).length).toBeGreaterThan(250);
    const expected = { ...recorded[language] };
    for (const [l, originals, was, changed] of DELIBERATE.filter(([l]) => l === language)) {
      const sample = closingFor(originals);
      expect(expected[sample], `${l} ${sample}`).toContain(was);
      expected[sample] = expected[sample]!.replace(was, changed);
    }
    expect(now).toEqual(expected);
  });

  it('changes only counts of originals that no meeting can have: it has 1 to 20 parties', () => {
    const parties = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `P${i}`, name: { en: `Party ${i}` }, language: 'en' }));
    const allowed = (n: number) => meetingFacts.shape.parties.safeParse(parties(n)).success;
    expect([0, 1, 20, 21].map(allowed)).toEqual([false, true, true, false]);
  });
});
