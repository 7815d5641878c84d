// What must never be written into a record about victims: a person's name (an honorific
// followed by a name that is not a participant's), an identity or passport number, a phone
// number, a date of birth. Pure and fast enough to run as someone types, in the workspace
// and again on the server before a lock. It errs towards flagging: a finding the
// secretariat judges harmless is dismissed, and the dismissal is audited.

export const FINDING_KINDS = ['name', 'id-number', 'phone', 'birth-date'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offsets into the text given. */
  start: number;
  end: number;
  /** The text that matched, as it stands. */
  text: string;
}

// Thai, Lao, Myanmar and Khmer digits are one UTF-16 unit each, as ASCII digits are: the
// text is matched with them folded to ASCII, and offsets stay those of the text given.
const DIGIT_ZEROS = [0x0e50, 0x0ed0, 0x1040, 0x17e0];
const foldDigits = (text: string) =>
  text.replace(/[\u0e50-\u0e59\u0ed0-\u0ed9\u1040-\u1049\u17e0-\u17e9]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9) ?? code;
    return String(code - zero);
  });

const THAI = '\\u0e01-\\u0e4e';
const LAO = '\\u0e81-\\u0ecd';
const MYANMAR = '\\u1000-\\u109f';
const KHMER = '\\u1780-\\u17dd';
// A capitalised Latin word, Vietnamese letters included.
const CAPITALISED = "[A-ZÀ-ÝĐĂÂÊÔƠƯẠ-Ỹ][a-zà-ýđăâêôơưạ-ỹ'’-]+";

/**
 * Words that begin like an honorific but are not one: นายจ้าง (employer), นายหน้า
 * (broker), ນາງ in ນາງສາວ is kept (Miss), ... Checked on the letters after the honorific.
 */
const THAI_NOT_A_NAME = [
  'จ้าง',
  'หน้า',
  'ก',
  'อำเภอ',
  'ทะเบียน',
  'ตำรวจ',
  'ทหาร',
  'พล',
  'ด่าน',
  'ประกัน',
  'ทุน',
  'สถานี',
  'ท่า',
  'งาน',
  'ช่าง',
  'แบบ',
  'เรือ',
  'พยาบาล',
  'ฟ้า',
  'แบบ',
  'กำนัน',
];
const LAO_NOT_A_NAME = ['ຍົກ', 'ຈ້າງ', 'ໜ້າ', 'ທະບຽນ', 'ພົນ', 'ບ້ານ'];
const VIETNAMESE_NOT_A_NAME = ['Rịa', 'Quốc', 'Ngữ', 'Việt'];

interface Pattern {
  kind: FindingKind;
  regex: RegExp;
  /** The part that must not be a participant's name, or an ordinary word. */
  accept?: (match: RegExpExecArray, text: string) => boolean;
}

const startsWithAny = (words: string[]) => (rest: string) => words.some((w) => rest.startsWith(w));

const PATTERNS: Pattern[] = [
  // Thai: นาย, นาง, นางสาว, เด็กชาย, เด็กหญิง, ด.ช., ด.ญ. + a given name, a space, a surname.
  {
    kind: 'name',
    regex: new RegExp(`(?:นางสาว|นาย|นาง|เด็กชาย|เด็กหญิง|ด\\.ช\\.|ด\\.ญ\\.)\\s?([${THAI}]{2,})\\s([${THAI}]{2,})`, 'gu'),
    accept: (m) => !startsWithAny(THAI_NOT_A_NAME)(m[1]!) && !/^(?:และ|ที่|ซึ่ง|โดย|ได้|จะ|ใน|จาก|ของ|กับ)/u.test(m[2]!),
  },
  // Lao: ທ້າວ, ນາງ, ນາງສາວ + a name.
  {
    kind: 'name',
    regex: new RegExp(`(?:ນາງສາວ|ທ້າວ|ນາງ)\\s?([${LAO}]{2,})(?:\\s([${LAO}]{2,}))?`, 'gu'),
    accept: (m) => !startsWithAny(LAO_NOT_A_NAME)(m[1]!) && !/^(?:ແລະ|ທີ່|ໄດ້|ຈະ|ໃນ|ຈາກ|ຂອງ|ກັບ)/u.test(m[1]!),
  },
  // Myanmar script: ဦး, ဒေါ်, မောင် + a name.
  { kind: 'name', regex: new RegExp(`(?<![${MYANMAR}])(?<![\\p{N}}]\\s?)(?:ဦး|ဒေါ်|မောင်)(?!စွာ)\\s?[${MYANMAR}]{2,}`, 'gu') },
  // Khmer: លោកស្រី, លោក, កញ្ញា, អ្នកស្រី + a name of at least two words.
  { kind: 'name', regex: new RegExp(`(?<![${KHMER}])(?:លោកស្រី|អ្នកស្រី|កញ្ញា|លោក(?!អ្នក))\\s?[${KHMER}]{2,}\\s[${KHMER}]{2,}`, 'gu') },
  // Latin: Mr, Ms, Mrs, Miss, Daw, U, Ma, Mg, Ko (Myanmar), Ông, Bà, Anh, Chị (Vietnamese) + a capitalised name.
  {
    kind: 'name',
    regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:Mrs|Mr|Ms|Miss|Daw|Mg|Ông|Bà|Anh|Chị|ông|bà|anh|chị|U)\\.?\\s(${CAPITALISED}(?:\\s${CAPITALISED})*)`, 'gu'),
    accept: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      return !VIETNAMESE_NOT_A_NAME.some((w) => m[1]!.startsWith(w)) && !/(?:tiếng|nước)\s$/iu.test(before);
    },
  },
  // Thai national ID: 13 digits, checked with its check digit.
  { kind: 'id-number', regex: /(?<!\d)\d(?:[\s-]?\d){12}(?!\d)/gu, accept: (m) => thaiIdValid(m[0].replace(/\D/g, '')) },
  // Myanmar and Lao NRC: 12/MaYaKa(N)123456, in Latin letters or Myanmar script.
  {
    kind: 'id-number',
    regex: new RegExp(`(?<!\\d)\\d{1,2}\\s?/\\s?(?:[A-Za-z]{3,9}|[${MYANMAR}]{2,9})\\s?\\((?:[A-Za-z]{1,6}|[${MYANMAR}]{1,8})\\)\\s?\\d{5,6}(?!\\d)`, 'gu'),
  },
  // Passports: one or two capital letters and 6 to 8 digits.
  { kind: 'id-number', regex: /(?<![\p{L}\p{N}-])[A-Z]{1,2}\d{6,8}(?![\p{L}\p{N}])/gu },
  // Vietnamese CCCD (12 digits) and any other unbroken run of 9 to 12 digits: Khmer IDs are 9.
  { kind: 'id-number', regex: /(?<![\d-])\d{9,12}(?![\d-])/gu },
  // A number written after a document's name: passport, ID card, in each language.
  {
    kind: 'id-number',
    regex:
      /(?:passport|ID card|ID no|NRC|CCCD|CMND|hộ chiếu|căn cước|หนังสือเดินทาง|บัตรประชาชน|บัตรประจำตัว|ໜັງສືຜ່ານແດນ|ບັດປະຈຳຕົວ|နိုင်ငံကူးလက်မှတ်|မှတ်ပုံတင်|លិខិតឆ្លងដែន|អត្តសញ្ញាណប័ណ្ណ)[^\d\n]{0,20}([A-Z]{0,2}[\d\s-]{6,16}\d)/giu,
  },
  // Phone numbers: an international prefix, or a leading 0, and nine to twelve digits in groups.
  {
    kind: 'phone',
    regex: /(?<![\p{L}\p{N}])(?:\+\d{2,3}[\s.-]?\(?\d{1,3}\)?|\(?0\d{1,3}\)?)[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\p{N}])/gu,
    accept: (m) => {
      const digits = m[0].replace(/\D/g, '').length;
      return digits >= 9 && digits <= 13;
    },
  },
  // A date or year after "born", "date of birth" and the like.
  {
    kind: 'birth-date',
    regex:
      /(?:date of birth|DOB|born(?: on| in)?|วันเกิด|เกิดวันที่|เกิดเมื่อ|เกิด|ວັນເດືອນປີເກີດ|ເກີດ|မွေးသက္ကရာဇ်|မွေးနေ့|မွေး|ថ្ងៃខែឆ្នាំកំណើត|កើត|ngày sinh|năm sinh|sinh ngày|sinh năm)[\s:：,]*(\d{1,4}(?:\s?[/.-]\s?\d{1,2})?(?:\s?[/.-]\s?\d{2,4})?|\d{1,2}\s\S+\s\d{4})/giu,
    accept: (m) => /\d/.test(m[1] ?? ''),
  },
];

/** Thai national ID check digit: 11 minus the weighted sum modulo 11, last digit. */
export function thaiIdValid(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

const normalise = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Whether the name found is one of the participants': the words after the honorific are
 * all words of some participant's name (participants are named in the record by design).
 */
function isParticipant(found: string, participantNames: string[]): boolean {
  const words = normalise(found)
    .split(' ')
    .slice(1)
    .filter((w) => w.length > 0);
  if (words.length === 0) return false;
  return participantNames.some((name) => {
    const theirs = normalise(name);
    return words.every((w) => theirs.includes(w));
  });
}

/** Every stretch of `text` that looks like a victim's personal data, in order, none overlapping. */
export function findPersonalData(text: string, participantNames: string[] = []): Finding[] {
  const folded = foldDigits(text);
  const found: Finding[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(folded); m !== null; m = pattern.regex.exec(folded)) {
      if (m[0].length === 0) {
        pattern.regex.lastIndex++;
        continue;
      }
      if (pattern.accept && !pattern.accept(m, folded)) continue;
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      const original = text.slice(start, end);
      if (pattern.kind === 'name' && isParticipant(spaced(original), participantNames)) continue;
      found.push({ kind: pattern.kind, start, end, text: original });
    }
  }
  return withoutOverlaps(found);
}

// A Thai or Lao honorific is written against the name: set it apart so the name's words compare.
const spaced = (found: string) => found.replace(/^(นางสาว|นาย|นาง|ນາງສາວ|ທ້າວ|ນາງ|ဦး|ဒေါ်|မောင်|លោកស្រី|លោក)(?=\S)/u, '$1 ');

/** Where two findings overlap, the one that starts first (then the longer) stands for both. */
function withoutOverlaps(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}
