// The name and number detector: what a delegate might type about a victim is flagged in each
// language, and the meetings' own minutes and the interface's own sentences are not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersonalData, thaiIdValid, type FindingKind } from '../../shared/record/personal-data';
import { catalogs, UI_LANGUAGES } from '../../client/i18n/catalogs';

const SEEDED: { language: string; text: string; kind: FindingKind }[] = [
  { language: 'th', text: 'ผู้เสียหาย นางสาวมาลี ใจดี อายุ 16 ปี', kind: 'name' },
  { language: 'th', text: 'ฝ่ายไทยส่งตัว นายสมชาย สายทอง กลับแล้ว', kind: 'name' },
  { language: 'th', text: 'เด็กหญิงน้ำฝน แสงทอง อยู่ในสถานคุ้มครอง', kind: 'name' },
  { language: 'th', text: 'เลขประจำตัวประชาชน 1-1017-00230-65-1', kind: 'id-number' },
  { language: 'th', text: 'โทร 081-234-5678', kind: 'phone' },
  { language: 'th', text: 'เกิดวันที่ 12/05/2552', kind: 'birth-date' },
  { language: 'th', text: 'เลข ๑๑๐๑๗๐๐๒๓๐๖๕๑ ตามบัตร', kind: 'id-number' },
  { language: 'lo', text: 'ຜູ້ເສຍຫາຍ ນາງ ສົມພອນ ແກ້ວມະນີ ໄດ້ກັບຄືນ', kind: 'name' },
  { language: 'lo', text: 'ທ້າວ ບຸນມີ ອາຍຸ 15 ປີ', kind: 'name' },
  { language: 'lo', text: 'ເບີໂທ +856 20 5555 1234', kind: 'phone' },
  { language: 'lo', text: 'ເກີດ 03/07/2008', kind: 'birth-date' },
  { language: 'lo', text: 'ໜັງສືຜ່ານແດນ P1234567', kind: 'id-number' },
  { language: 'my', text: 'ဒေါ်အေးအေး သည် ပြန်လည်ရောက်ရှိ', kind: 'name' },
  { language: 'my', text: 'ဦးမောင်မောင် နှင့်', kind: 'name' },
  { language: 'my', text: 'NRC 12/MaYaKa(N)123456', kind: 'id-number' },
  { language: 'my', text: 'မှတ်ပုံတင် ၁၂/မရက(နိုင်)၁၂၃၄၅၆', kind: 'id-number' },
  { language: 'my', text: 'The victim, Daw Aye Aye, returned', kind: 'name' },
  { language: 'my', text: 'U Kyaw Min was interviewed', kind: 'name' },
  { language: 'km', text: 'ជនរងគ្រោះ លោកស្រី សុខ ចាន់ធី បានវិលត្រឡប់', kind: 'name' },
  { language: 'km', text: 'លោក ចាន់ ដារ៉ា', kind: 'name' },
  { language: 'km', text: 'អត្តសញ្ញាណប័ណ្ណ ០១០១២៣៤៥៦', kind: 'id-number' },
  { language: 'km', text: 'ទូរស័ព្ទ +855 12 345 678', kind: 'phone' },
  { language: 'vi', text: 'Nạn nhân là chị Nguyễn Thị Lan, 17 tuổi', kind: 'name' },
  { language: 'vi', text: 'Bà Trần Thị Hoa đã về nước', kind: 'name' },
  { language: 'vi', text: 'Ông Lê Văn Nam', kind: 'name' },
  { language: 'vi', text: 'số CCCD 001203004567', kind: 'id-number' },
  { language: 'vi', text: 'sinh ngày 05/09/2007', kind: 'birth-date' },
  { language: 'vi', text: 'điện thoại 0912 345 678', kind: 'phone' },
  { language: 'en', text: 'The victim, Ms Malee Jaidee, was repatriated', kind: 'name' },
  { language: 'en', text: 'Mr. Somchai Saithong (passport AB1234567)', kind: 'name' },
  { language: 'en', text: 'passport number N 1234567', kind: 'id-number' },
  { language: 'en', text: 'date of birth: 14/02/2009', kind: 'birth-date' },
  { language: 'en', text: 'born in 2008 in Savannakhet', kind: 'birth-date' },
  { language: 'en', text: 'call +66 81 234 5678', kind: 'phone' },
];

describe('seeded personal data, in every language', () => {
  it.each(SEEDED)('flags $kind in $language: $text', ({ text, kind }) => {
    const kinds = findPersonalData(text).map((f) => f.kind);
    expect(kinds).toContain(kind);
  });

  it('points at the offending words exactly, Thai digits included', () => {
    const text = 'เลข ๑๑๐๑๗๐๐๒๓๐๖๕๑ ตามบัตร';
    const [finding] = findPersonalData(text);
    expect(finding?.text).toBe('๑๑๐๑๗๐๐๒๓๐๖๕๑');
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.text);
  });

  it('checks a Thai ID by its check digit', () => {
    expect(thaiIdValid('1101700230651')).toBe(true);
    expect(thaiIdValid('1101700230652')).toBe(false);
  });
});

describe('what is not a victim', () => {
  it('leaves a participant named with an honorific alone', () => {
    const participants = ['Jatuporn Rojanapanich', 'นายสมชาย สายทอง'];
    expect(findPersonalData('Mr Jatuporn Rojanapanich opened the meeting.', participants)).toEqual([]);
    expect(findPersonalData('นายสมชาย สายทอง กล่าวเปิดการประชุม', participants)).toEqual([]);
    expect(findPersonalData('Mr Somsak Boonmee opened the meeting.', participants)).toHaveLength(1);
  });

  it('leaves case references, years and employers alone', () => {
    for (const text of [
      'Case TH-2025-0141 / LA-0387 reached repatriation agreed.',
      'แผนปฏิบัติการ พ.ศ. 2566 - 2568 ระยะที่ 2',
      'นายจ้าง ที่ใช้แรงงานเด็กถูกดำเนินคดี',
      'นายหน้า และ นายจ้าง ถูกจับกุม',
      'ผู้ว่าราชการจังหวัดและนายอำเภอ เข้าร่วม',
      'The meeting on 12 March 2025 agreed 120 participants.',
      'tiếng Anh Quốc tế',
    ])
      expect(findPersonalData(text), text).toEqual([]);
  });
});

// The false-positive rate: the reference meetings' minutes, agenda and action points, and
// every sentence the interface itself shows, none of which names a victim.
function fixtureSentences(): string[] {
  const dirs = ['/work/shared/fixtures', join(__dirname, '../fixtures/originals')];
  const sentences: string[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const meeting = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const names = (meeting.participants as { name: string }[]).map((p) => p.name);
      const texts = [
        ...(meeting.minutes as { segments: Record<string, string>[] }[]).flatMap((m) => m.segments.flatMap((s) => Object.values(s))),
        ...(meeting.agenda as { title: Record<string, string> }[]).flatMap((a) => Object.values(a.title ?? {})),
        ...(meeting.actionPoints as { text: Record<string, string> }[]).flatMap((a) => Object.values(a.text ?? {})),
      ];
      for (const text of texts) if (typeof text === 'string') sentences.push(JSON.stringify({ text, names }));
    }
  }
  return sentences;
}

describe('false positives', () => {
  it('flags none of the reference meetings’ minutes, agenda and action points', () => {
    const sentences = fixtureSentences().map((s) => JSON.parse(s) as { text: string; names: string[] });
    const flagged = sentences.filter(({ text, names }) => findPersonalData(text, names).length > 0);
    console.info(`fixtures: ${flagged.length} of ${sentences.length} texts flagged`);
    expect(sentences.length).toBeGreaterThan(20);
    expect(flagged.map((s) => s.text)).toEqual([]);
  });

  it('flags none of the interface’s own sentences, in six languages', () => {
    const messages = UI_LANGUAGES.flatMap((language) => Object.values(catalogs[language]) as string[]);
    const flagged = messages.filter((m) => findPersonalData(m).length > 0);
    console.info(`interface: ${flagged.length} of ${messages.length} sentences flagged: ${JSON.stringify(flagged)}`);
    expect(flagged).toEqual([]);
  });
});
