// The fixed words of an original, in each working language: headings, the closing formula
// and the signature blocks. Thai and Lao follow the formulas of the two governments'
// bilateral instruments; any other working language is given the English words.
import { formatDate } from '../../shared/dates';

export interface Labels {
  recordOfMeeting: string;
  meetingNumber: (n: number) => string;
  venue: string;
  date: string;
  parties: string;
  agenda: string;
  minutes: string;
  actionPoints: string;
  responsible: string;
  due: string;
  noDue: string;
  status: string;
  statuses: Record<string, string>;
  annex: string;
  observers: string;
  name: string;
  position: string;
  agency: string;
  roles: Record<string, string>;
  forDelegation: (party: string) => string;
  signedOn: (date: string, time: string) => string;
  notSigned: string;
  key: string;
  signaturePage: string;
  recordHash: string;
  fingerprint: string;
  verifyAt: string;
  page: (n: number | string, of: number | string) => string;
  draft: string;
  draftNotice: string;
  notLocked: string;
  originalOf: (party: string) => string;
  version: (n: number) => string;
  amends: string;
  statement: string;
  signature: string;
  attachedBundle: (file: string) => string;
  closing: (facts: ClosingFacts) => string;
}

export interface ClosingFacts {
  venue: string;
  date: string;
  originals: number;
  languages: string[];
  authentic: string[];
  prevailing: string | null;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

const en: Labels = {
  recordOfMeeting: 'Record of the Meeting',
  meetingNumber: (n) => `Meeting No. ${n}`,
  venue: 'Venue',
  date: 'Date',
  parties: 'Parties',
  agenda: 'Agenda',
  minutes: 'Minutes',
  actionPoints: 'Action points',
  responsible: 'Responsible',
  due: 'Due',
  noDue: 'no date set',
  status: 'Status',
  statuses: { open: 'Open', 'in progress': 'In progress', done: 'Done', dropped: 'Dropped' },
  annex: 'Annex: List of participants',
  observers: 'Observers',
  name: 'Name',
  position: 'Position',
  agency: 'Agency',
  roles: { head: 'Head of Delegation', secretariat: 'Secretariat', delegate: 'Delegate', observer: 'Observer' },
  forDelegation: (party) => `For the Delegation of ${withArticle(party)}`,
  signedOn: (date, time) => `Signed electronically on ${date} at ${time} UTC`,
  notSigned: 'Not yet signed',
  key: 'Key',
  signaturePage: 'Signature page',
  recordHash: 'Record hash (SHA-256)',
  fingerprint: 'Record fingerprint',
  verifyAt: 'Verify at',
  page: (n, of) => `page ${n} of ${of}`,
  draft: 'DRAFT',
  draftNotice: 'DRAFT: not signed by every party; this is not an original',
  notLocked: 'not locked: no record hash yet',
  originalOf: (party) => `Original of ${withArticle(party)}`,
  version: (n) => `version ${n}`,
  amends: 'This version amends the record with hash',
  statement: 'Signature statement',
  signature: 'Signature (Ed25519)',
  attachedBundle: (file) =>
    `The signed bundle of this record is attached to this PDF as ${file}. Check it on the verify page, or with "npm run accord -- verify" given this PDF.`,
  closing: (f) => {
    const langs = (codes: string[]) => list(codes.map((c) => languageName(c, 'en')), 'en');
    const authentic = same(f.authentic, f.languages)
      ? 'All texts are equally authentic.'
      : f.authentic.length === 1
        ? `The ${langs(f.authentic)} text is authentic.`
        : `The ${langs(f.authentic)} texts are equally authentic.`;
    const prevail = f.prevailing ? ` In case of divergence of interpretation, the ${languageName(f.prevailing, 'en')} text shall prevail.` : '';
    const each = f.languages.length === 1 ? `in the ${langs(f.languages)} language` : `each in the ${langs(f.languages)} languages`;
    return `Done at ${f.venue} on ${f.date}, in ${countWord(f.originals, 'en')} originals, ${each}. ${authentic}${prevail}`;
  },
};

const th: Labels = {
  recordOfMeeting: 'บันทึกการประชุม',
  meetingNumber: (n) => `ครั้งที่ ${n}`,
  venue: 'สถานที่',
  date: 'วันที่',
  parties: 'ภาคี',
  agenda: 'ระเบียบวาระการประชุม',
  minutes: 'ผลการประชุม',
  actionPoints: 'จุดดำเนินการ',
  responsible: 'ผู้รับผิดชอบ',
  due: 'กำหนดเสร็จ',
  noDue: 'ไม่กำหนด',
  status: 'สถานะ',
  statuses: { open: 'รอดำเนินการ', 'in progress': 'อยู่ระหว่างดำเนินการ', done: 'ดำเนินการแล้วเสร็จ', dropped: 'ยกเลิก' },
  annex: 'ภาคผนวก: รายชื่อผู้เข้าร่วมประชุม',
  observers: 'ผู้สังเกตการณ์',
  name: 'ชื่อ-สกุล',
  position: 'ตำแหน่ง',
  agency: 'หน่วยงาน',
  roles: { head: 'หัวหน้าคณะผู้แทน', secretariat: 'ฝ่ายเลขานุการ', delegate: 'ผู้แทน', observer: 'ผู้สังเกตการณ์' },
  forDelegation: (party) => `ในนามคณะผู้แทน${party}`,
  signedOn: (date, time) => `ลงนามทางอิเล็กทรอนิกส์เมื่อ ${date} เวลา ${time} น. (UTC)`,
  notSigned: 'ยังไม่ได้ลงนาม',
  key: 'กุญแจ',
  signaturePage: 'หน้าการลงนาม',
  recordHash: 'ค่าแฮชของบันทึก (SHA-256)',
  fingerprint: 'รหัสตรวจสอบบันทึก',
  verifyAt: 'ตรวจสอบได้ที่',
  page: (n, of) => `หน้า ${n} จาก ${of}`,
  draft: 'ร่าง',
  draftNotice: 'ร่าง: ยังไม่ได้ลงนามครบทุกฝ่าย จึงยังไม่ใช่ต้นฉบับ',
  notLocked: 'ยังไม่ได้ล็อก จึงยังไม่มีค่าแฮช',
  originalOf: (party) => `ต้นฉบับของ${party}`,
  version: (n) => `ฉบับที่ ${n}`,
  amends: 'ฉบับนี้แก้ไขบันทึกที่มีค่าแฮช',
  statement: 'ถ้อยแถลงการลงนาม',
  signature: 'ลายมือชื่ออิเล็กทรอนิกส์ (Ed25519)',
  attachedBundle: (file) =>
    `ชุดข้อมูลการลงนามของบันทึกนี้แนบอยู่ในไฟล์ PDF นี้ ชื่อ ${file} ตรวจสอบได้ที่หน้าตรวจสอบ หรือด้วยคำสั่ง "npm run accord -- verify" กับไฟล์ PDF นี้`,
  closing: (f) => {
    const langs = (codes: string[]) => list(codes.map((c) => languageName(c, 'th')), 'th');
    const authentic = same(f.authentic, f.languages) ? 'ทุกฉบับมีความถูกต้องเท่าเทียมกัน' : `ตัวบท${langs(f.authentic)}มีความถูกต้องเท่าเทียมกัน`;
    const prevail = f.prevailing ? ` ในกรณีที่มีการตีความแตกต่างกัน ให้ถือตัวบท${languageName(f.prevailing, 'th')}เป็นเกณฑ์` : '';
    return `ทำ ณ ${f.venue} เมื่อวันที่ ${f.date} เป็นต้นฉบับ${countWord(f.originals, 'th')}ฉบับ แต่ละฉบับทำเป็น${langs(f.languages)} ${authentic}${prevail}`;
  },
};

const lo: Labels = {
  recordOfMeeting: 'ບົດບັນທຶກກອງປະຊຸມ',
  meetingNumber: (n) => `ຄັ້ງທີ ${n}`,
  venue: 'ສະຖານທີ່',
  date: 'ວັນທີ',
  parties: 'ພາຄີ',
  agenda: 'ວາລະກອງປະຊຸມ',
  minutes: 'ຜົນຂອງກອງປະຊຸມ',
  actionPoints: 'ຈຸດປະຕິບັດງານ',
  responsible: 'ຜູ້ຮັບຜິດຊອບ',
  due: 'ກຳນົດເວລາ',
  noDue: 'ບໍ່ກຳນົດ',
  status: 'ສະຖານະ',
  statuses: { open: 'ລໍຖ້າດຳເນີນການ', 'in progress': 'ກຳລັງດຳເນີນການ', done: 'ສຳເລັດແລ້ວ', dropped: 'ຍົກເລີກ' },
  annex: 'ເອກະສານຊ້ອນທ້າຍ: ລາຍຊື່ຜູ້ເຂົ້າຮ່ວມກອງປະຊຸມ',
  observers: 'ຜູ້ສັງເກດການ',
  name: 'ຊື່ ແລະ ນາມສະກຸນ',
  position: 'ຕຳແໜ່ງ',
  agency: 'ໜ່ວຍງານ',
  roles: { head: 'ຫົວໜ້າຄະນະຜູ້ແທນ', secretariat: 'ກອງເລຂາ', delegate: 'ຜູ້ແທນ', observer: 'ຜູ້ສັງເກດການ' },
  forDelegation: (party) => `ຕາງໜ້າຄະນະຜູ້ແທນ ${party}`,
  signedOn: (date, time) => `ລົງນາມທາງເອເລັກໂຕຣນິກ ວັນທີ ${date} ເວລາ ${time} (UTC)`,
  notSigned: 'ຍັງບໍ່ທັນລົງນາມ',
  key: 'ກະແຈ',
  signaturePage: 'ໜ້າການລົງນາມ',
  recordHash: 'ຄ່າແຮຊຂອງບົດບັນທຶກ (SHA-256)',
  fingerprint: 'ລະຫັດກວດສອບບົດບັນທຶກ',
  verifyAt: 'ກວດສອບໄດ້ທີ່',
  page: (n, of) => `ໜ້າ ${n} ຈາກ ${of}`,
  draft: 'ຮ່າງ',
  draftNotice: 'ຮ່າງ: ຍັງບໍ່ທັນໄດ້ລົງນາມຄົບທຸກຝ່າຍ ຈຶ່ງຍັງບໍ່ແມ່ນສະບັບຕົ້ນ',
  notLocked: 'ຍັງບໍ່ທັນລັອກ ຈຶ່ງຍັງບໍ່ມີຄ່າແຮຊ',
  originalOf: (party) => `ສະບັບຕົ້ນຂອງ ${party}`,
  version: (n) => `ສະບັບທີ ${n}`,
  amends: 'ສະບັບນີ້ແກ້ໄຂບົດບັນທຶກທີ່ມີຄ່າແຮຊ',
  statement: 'ຖະແຫຼງການລົງນາມ',
  signature: 'ລາຍເຊັນເອເລັກໂຕຣນິກ (Ed25519)',
  attachedBundle: (file) =>
    `ຊຸດຂໍ້ມູນການລົງນາມຂອງບົດບັນທຶກນີ້ ຕິດຄັດມາກັບໄຟລ໌ PDF ນີ້ ຊື່ ${file} ກວດສອບໄດ້ທີ່ໜ້າກວດສອບ ຫຼື ດ້ວຍຄຳສັ່ງ "npm run accord -- verify" ກັບໄຟລ໌ PDF ນີ້`,
  closing: (f) => {
    const langs = (codes: string[]) => list(codes.map((c) => languageName(c, 'lo')), 'lo');
    const authentic = same(f.authentic, f.languages) ? 'ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ' : `ສະບັບ${langs(f.authentic)} ມີຄຸນຄ່າເທົ່າທຽມກັນ`;
    const prevail = f.prevailing ? ` ໃນກໍລະນີມີການຕີຄວາມໝາຍແຕກຕ່າງກັນ ໃຫ້ຖືເອົາສະບັບ${languageName(f.prevailing, 'lo')}ເປັນຫຼັກ` : '';
    return `ເຮັດທີ່ ${f.venue} ວັນທີ ${f.date} ເປັນສະບັບຕົ້ນ${countWord(f.originals, 'lo')}ສະບັບ ແຕ່ລະສະບັບເປັນ${langs(f.languages)} ${authentic}${prevail}`;
  },
};

const LABELS: Record<string, Labels> = { en, th, lo };

const baseLanguage = (language: string) => language.toLowerCase().split('-')[0] ?? language;

export const labelsFor = (language: string): Labels => LABELS[baseLanguage(language)] ?? en;

const LANGUAGE_NAMES: Record<string, Record<string, string>> = {
  th: { th: 'ภาษาไทย', lo: 'ภาษาลาว', en: 'ภาษาอังกฤษ', km: 'ภาษาเขมร', my: 'ภาษาเมียนมา', vi: 'ภาษาเวียดนาม', zh: 'ภาษาจีน', ja: 'ภาษาญี่ปุ่น' },
  lo: { th: 'ພາສາໄທ', lo: 'ພາສາລາວ', en: 'ພາສາອັງກິດ', km: 'ພາສາຂະເໝນ', my: 'ພາສາມຽນມາ', vi: 'ພາສາຫວຽດນາມ', zh: 'ພາສາຈີນ', ja: 'ພາສາຍີ່ປຸ່ນ' },
};

/** A language's name as the text in `inLanguage` writes it: "ภาษาลาว", "Lao". */
export function languageName(code: string, inLanguage: string): string {
  const own = LANGUAGE_NAMES[baseLanguage(inLanguage)]?.[baseLanguage(code)];
  if (own) return own;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Thai, Lao and English", "ภาษาไทย ภาษาลาว และภาษาอังกฤษ", "ພາສາໄທ, ພາສາລາວ ແລະ ພາສາອັງກິດ". */
function list(items: string[], language: 'en' | 'th' | 'lo'): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1);
  const last = items[items.length - 1]!;
  if (language === 'th') return `${head.join(' ')} และ${last}`;
  if (language === 'lo') return `${head.join(', ')} ແລະ ${last}`;
  return `${head.join(', ')} and ${last}`;
}

const COUNT_WORDS: Record<string, string[]> = {
  en: ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  th: ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า', 'สิบ'],
  lo: ['', 'ໜຶ່ງ', 'ສອງ', 'ສາມ', 'ສີ່', 'ຫ້າ', 'ຫົກ', 'ເຈັດ', 'ແປດ', 'ເກົ້າ', 'ສິບ'],
};

// Thai and Lao write a number word without spaces ("สองฉบับ") and digits between them ("11 ฉบับ").
const countWord = (n: number, language: string) => COUNT_WORDS[language]?.[n] || (language === 'en' ? String(n) : ` ${n} `);

// Country names that are a state's style ("Kingdom of Thailand") take the article in English.
const STYLED_NAME = /^(Kingdom|Republic|Union|United|Socialist|People's|Lao People's|Democratic|Federal|State|Commonwealth|Principality|Sultanate|Islamic)\b/;
const withArticle = (name: string) => (STYLED_NAME.test(name) ? `the ${name}` : name);

/** "12 มีนาคม 2568", "10:15": an instant as the signature blocks show it, in UTC. */
export function dateAndTime(instant: string, language: string): { date: string; time: string } {
  const [day, time] = instant.split('T');
  return { date: formatDate(day ?? '', language), time: (time ?? '').slice(0, 5) };
}
