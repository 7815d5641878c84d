// Two cases of the Thailand–Lao PDR meetings, by the parties' own references, with their
// next steps in Thai, Lao and English: the annex tests seal, print and verify.
import type { CaseEntry } from '../../shared/cases/case';

const caseOf = (id: string, th: [string, string], la: [string, string], rest: Pick<CaseEntry, 'stage' | 'repatriatedOn' | 'nextStep' | 'due'>): CaseEntry => ({
  id,
  thread: { meetingId: 'fixture-meeting', caseId: id },
  sides: [
    { party: 'TH', reference: th[0], agency: th[1] },
    { party: 'LA', reference: la[0], agency: la[1] },
  ],
  ...rest,
  carriedFrom: null,
});

export const TH_LA_CASES: CaseEntry[] = [
  caseOf('case-1', ['TH-2025-0141', 'Department of Social Development and Welfare'], ['LA-0387', 'Department of Social Welfare'], {
    stage: 'nationality-verified',
    repatriatedOn: null,
    nextStep: {
      th: 'ฝ่ายไทยจัดส่งเอกสารการเดินทางให้ฝ่ายลาว',
      lo: 'ຝ່າຍໄທສົ່ງເອກະສານການເດີນທາງໃຫ້ຝ່າຍລາວ',
      en: 'The Thai side sends the travel documents to the Lao side',
    },
    due: '2025-05-15',
  }),
  caseOf('case-2', ['TH-2024-0892', 'Royal Thai Police'], ['LA-0311', 'Ministry of Public Security'], {
    stage: 'repatriated',
    repatriatedOn: '2025-02-20',
    nextStep: { th: 'ติดตามการคืนสู่สังคม', lo: 'ຕິດຕາມການເຊື່ອມໂຍງຄືນສູ່ສັງຄົມ', en: 'Follow up the reintegration' },
    due: null,
  }),
];
