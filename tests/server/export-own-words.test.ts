// Every authentic text speaks in its own words: an original whose only working language is
// Thai, Lao, Myanmar, Khmer or Vietnamese holds no English word of Accord's (labels, closing
// formula, captions, header, footer); the only Latin words in it are the record's own data
// (people's names and agencies, codes, hashes, the verify page's address). Also renders the
// Thailand–Myanmar, –Cambodia and –Viet Nam originals for people to look at.
import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../shared/record/canonical';
import { CATALOG } from '../../shared/wording/catalog';
import type { Wording } from '../../shared/wording/wording';
import { decodeBase64 } from '../../shared/signing/base64';
import { originalFor } from '../../server/export/original';
import { writePdf } from '../../server/export/pdf/write-pdf';
import { pdfPages, renderPages } from '../helpers/export-tools';
import { originalsFixture, signedFixture } from '../helpers/signed-record';
import { fixture } from '../helpers/server';
import { recordTexts } from '../helpers/export-text';

const VERIFY_PAGE = 'https://accord.example/verify';
/** Words with a Latin letter, whole: "Việt" is one word, not "Vi" and "t". */
const words = (text: string) => new Set((text.match(/[\p{L}\p{M}'’-]+/gu) ?? []).filter((w) => /[A-Za-z]/.test(w)));

/** Every word the English catalog prints, with sample facts for its sentences. */
function englishWords(): Set<string> {
  const en: Wording = CATALOG.en!;
  const facts = { venue: '', date: '', originals: 2, languages: ['th', 'en'], authentic: ['th', 'en'], prevailing: 'en' };
  const sample = [
    ...Object.values(en).filter((v): v is string => typeof v === 'string'),
    ...Object.values(en.statuses),
    ...Object.values(en.roles),
    en.meetingNumber(1),
    en.forDelegation(''),
    en.signedOn('', ''),
    en.page(1, 2),
    en.originalOf(''),
    en.version(1),
    en.howToVerify(''),
    en.closing(facts),
    en.closing({ ...facts, authentic: ['en'] }),
  ];
  return words(sample.join(' '));
}

/** The Latin words the record's own data brings: names, titles, agencies, the statements signed. */
function dataWords(record: CanonicalRecord, statements: string[]): Set<string> {
  const data = [
    record.meeting.code,
    ...record.participants.flatMap((p) => [p.name, p.title, p.agency]),
    ...record.actionPoints.map((p) => p.agency),
    ...statements,
    // The record's own text (a Lao agenda title may say "(Action points)"), and the QR's address.
    ...recordTexts(record).map((t) => t.text),
    `${VERIFY_PAGE}?record=`,
    // Names of standards and of the tool, the same in every language.
    'SHA-256 Ed25519 UTC PDF QR',
  ];
  return words(data.join(' '));
}

const ONE_LANGUAGE: [fixture: string, language: string, party: string][] = [
  ['th-mm-chiang-mai', 'th', 'TH'],
  ['th-mm-chiang-mai', 'my', 'MM'],
  ['th-kh-siem-reap', 'km', 'KH'],
  ['th-vn-da-lat', 'vi', 'VN'],
  ['cmm04-th-la', 'lo', 'LA'],
];

describe('each authentic text in its own words', () => {
  it.each(ONE_LANGUAGE)('%s in %s only: the %s original prints no English word of its own', async (name, language, party) => {
    const input = structuredClone(name === 'cmm04-th-la' ? fixture('cmm04-th-la') : originalsFixture(name)) as Record<string, unknown>;
    Object.assign(input, { languages: [language], authenticLanguages: [language], prevailingLanguage: language });
    for (const p of input.parties as { language: string }[]) p.language = language;
    const { bundle } = signedFixture(input);
    const pdf = await writePdf(originalFor({ record: bundle.record, bundle }, party, VERIFY_PAGE), new Date());
    const printed = words((await pdfPages(pdf)).join('\n'));
    const allowed = dataWords(
      bundle.record,
      bundle.signatures.map((s) => new TextDecoder().decode(decodeBase64(s.statementBytes))),
    );
    const english = [...englishWords()].filter((w) => !allowed.has(w));
    expect(english.length).toBeGreaterThan(40);
    expect([...printed].filter((w) => english.includes(w))).toEqual([]);
    // Nothing Latin at all but the data (a word the catalog does not know would show here too),
    // in a text not itself written in Latin letters; the signatures, in base64, are cut anywhere.
    if (language === 'vi') return;
    const inSignature = (w: string) => bundle.signatures.some((s) => s.signature.includes(w));
    expect([...printed].filter((w) => !allowed.has(w) && !/^[0-9a-f]+$/i.test(w) && !inSignature(w))).toEqual([]);
  });

  it('writes the closing formula in each language: place, date in its own calendar, originals, authentic and prevailing texts', () => {
    const facts = { venue: 'V', originals: 2, languages: ['vi', 'th', 'en'], authentic: ['vi', 'th', 'en'], prevailing: 'en' };
    expect(CATALOG.vi!.closing({ ...facts, date: 'ngày 24 tháng 9 năm 2024' })).toBe(
      'Làm tại V, ngày 24 tháng 9 năm 2024, thành hai bản gốc, mỗi bản bằng tiếng Việt, tiếng Thái và tiếng Anh. Các văn bản có giá trị như nhau. Trường hợp có sự giải thích khác nhau, văn bản bằng tiếng Anh được dùng làm căn cứ.',
    );
    expect(CATALOG.my!.closing({ ...facts, languages: ['my', 'th', 'en'], authentic: ['my', 'th', 'en'], date: 'D' })).toContain('မူရင်း နှစ် စောင်');
    expect(CATALOG.km!.page(3, 12)).toBe('ទំព័រ ៣ នៃ ១២');
    expect(CATALOG.my!.page(3, 12)).toBe('စာမျက်နှာ ၃ / ၁၂');
  });

  it.each([
    ['th-mm-chiang-mai', 'MM'],
    ['th-mm-chiang-mai', 'TH'],
    ['th-kh-siem-reap', 'KH'],
    ['th-vn-da-lat', 'VN'],
  ])('renders the %s original of %s to PNG (test-artifacts/export) for people to look at', async (name, party) => {
    const { bundle } = signedFixture(originalsFixture(name));
    const pdf = await writePdf(originalFor({ record: bundle.record, bundle }, party, VERIFY_PAGE), new Date());
    const pages = await pdfPages(pdf);
    expect((await renderPages(pdf, `${name}-${party}`)).length).toBe(pages.length);
  });
});
