// The GMS 08 regional record as the export benchmark prints it: the reference meeting's five
// parties, 120 participants and six agenda items (tests/fixtures/gms08-regional.json), in
// three working languages (English, Thai, and Myanmar, the script with the most shaping to
// do), with minutes long enough to fill about fifty pages: country reports and discussion,
// sentence by sentence from the reports' own subjects. The Myanmar column repeats sentences
// of the Chiang Mai fixture: it is there to be shaped and broken into lines, not to be read.
import { readFileSync } from 'node:fs';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, any>;

const EN = [
  'The delegation reported on the identification of victims at the border and in destination provinces, and on the referral of each case to the competent authorities.',
  'Case management teams met each month to review the return, recovery and reintegration plans of the victims under their care.',
  'The meeting noted the progress made in joint investigations and in the prosecution of traffickers across the border.',
  'Participants shared good practices in vocational training and in the follow-up of reintegrated victims in their communities.',
];
const TH = [
  'คณะผู้แทนรายงานการคัดแยกผู้เสียหายบริเวณชายแดนและในจังหวัดปลายทาง และการส่งต่อแต่ละกรณีให้หน่วยงานที่มีอำนาจหน้าที่',
  'ทีมบริหารจัดการรายกรณีประชุมทุกเดือนเพื่อทบทวนแผนการส่งกลับ การฟื้นฟู และการคืนสู่สังคมของผู้เสียหายที่อยู่ในความดูแล',
  'ที่ประชุมรับทราบความคืบหน้าของการสืบสวนร่วมและการดำเนินคดีกับผู้ค้ามนุษย์ข้ามพรมแดน',
  'ผู้เข้าร่วมประชุมแลกเปลี่ยนวิธีปฏิบัติที่ดีด้านการฝึกอาชีพและการติดตามผู้เสียหายที่กลับคืนสู่ชุมชน',
];

export interface BenchRecordOptions {
  /** Segments under each agenda item. */
  segmentsPerItem: number;
  /** Sentences in each segment, per language. */
  sentences: number;
}

/** The meeting, in the shape POST /api/meetings takes. */
export function gms08Meeting(options: BenchRecordOptions): Record<string, unknown> {
  const base = read('../../tests/fixtures/gms08-regional.json');
  const myanmar = read('../../tests/fixtures/originals/th-mm-chiang-mai.json');
  const MY = [
    ...myanmar.minutes.flatMap((m: { segments: Record<string, string>[] }) => m.segments.map((s) => s.my!)),
    myanmar.actionPoints[0].text.my,
  ] as string[];
  const pick = (pool: string[], i: number, n: number) => Array.from({ length: n }, (_, k) => pool[(i + k) % pool.length]).join(' ');
  const withMy = (text: Record<string, string>, i: number) => ({ ...text, my: pick(MY, i, 1) });
  return {
    ...base,
    languages: ['en', 'th', 'my'],
    authenticLanguages: ['en', 'th', 'my'],
    prevailingLanguage: 'en',
    series: { ...base.series, my: 'လူကုန်ကူးမှုဒဏ်သင့်သူများကို ကူညီရေး မဲခေါင်ဒေသဆိုင်ရာ အစည်းအဝေး' },
    venue: { ...base.venue, my: 'ဘန်ကောက်မြို့' },
    parties: base.parties.map((p: { name: Record<string, string> }, i: number) => ({ ...p, name: withMy(p.name, i) })),
    agenda: base.agenda.map((t: Record<string, string>, i: number) => withMy(t, i)),
    minutes: base.agenda.map((_: unknown, item: number) => ({
      agendaItem: item + 1,
      segments: Array.from({ length: options.segmentsPerItem }, (_, s) => ({
        en: pick(EN, item + s, options.sentences),
        th: pick(TH, item + s, options.sentences),
        my: pick(MY, item + s, options.sentences),
      })),
    })),
    actionPoints: base.parties.map((p: { code: string }, i: number) => ({
      text: { en: EN[i % EN.length], th: TH[i % TH.length], my: MY[i % MY.length] },
      party: p.code,
      agency: 'Ministry of Social Development',
      due: '2018-06-30',
      status: 'open',
    })),
  };
}

/** The size that makes the 50-page original. */
export const FIFTY_PAGES: BenchRecordOptions = { segmentsPerItem: 21, sentences: 3 };
