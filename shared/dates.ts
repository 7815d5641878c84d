// Calendar dates as the record shows them in each working language. Thai official text
// counts years in the Buddhist Era (2025 CE is 2568 BE); the others use the Common Era.
// Each language writes a date in its own order and words: "12 มีนาคม 2568", "12 ມີນາ 2025",
// "၂၀၂၅ ခုနှစ်၊ မတ်လ ၁၂ ရက်" (Myanmar digits), "ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៥" (Khmer digits),
// "ngày 12 tháng 3 năm 2025", "12 March 2025". Month names and digits are written out here
// rather than taken from Intl, so the workspace, the console and the PDF export print the
// same words on any machine, whatever its ICU data.

export const MONTHS: Readonly<Record<string, readonly string[]>> = {
  th: ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'],
  lo: ['ມັງກອນ', 'ກຸມພາ', 'ມີນາ', 'ເມສາ', 'ພຶດສະພາ', 'ມິຖຸນາ', 'ກໍລະກົດ', 'ສິງຫາ', 'ກັນຍາ', 'ຕຸລາ', 'ພະຈິກ', 'ທັນວາ'],
  my: ['ဇန်နဝါရီ', 'ဖေဖော်ဝါရီ', 'မတ်', 'ဧပြီ', 'မေ', 'ဇွန်', 'ဇူလိုင်', 'ဩဂုတ်', 'စက်တင်ဘာ', 'အောက်တိုဘာ', 'နိုဝင်ဘာ', 'ဒီဇင်ဘာ'],
  km: ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Years the Buddhist Era runs ahead of the Common Era. */
export const BUDDHIST_ERA_OFFSET = 543;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export class InvalidDate extends Error {
  constructor(readonly value: string) {
    super(`"${value}" is not a calendar date written as YYYY-MM-DD`);
  }
}

/** Reads YYYY-MM-DD without going through Date, so no time zone can shift the day. */
export function parseIsoDate(value: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new InvalidDate(value);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new InvalidDate(value);
  return { year, month, day };
}

export const isoDateOf = ({ year, month, day }: CalendarDate): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The primary subtag: th-TH and th are both Thai. */
export const baseLanguage = (language: string) => language.toLowerCase().split('-')[0] ?? language;

/** The year as the language counts it. */
export function yearIn(language: string, year: number): number {
  return baseLanguage(language) === 'th' ? year + BUDDHIST_ERA_OFFSET : year;
}

/** The first of each script's ten digits: Myanmar and Khmer dates are written in their own. */
const DIGIT_ZERO: Readonly<Record<string, number>> = { my: 0x1040, km: 0x17e0 };

/** A number in the language's own digits. */
export function digitsIn(language: string, n: number): string {
  const zero = DIGIT_ZERO[baseLanguage(language)];
  const latin = String(n);
  return zero === undefined ? latin : latin.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));
}

/** How one language writes a date, a span within a month, and a span within a year. */
interface Convention {
  date(day: string, month: number, year: string): string;
  sameMonth(first: string, last: string, month: number, year: string): string;
  sameYear(first: string, firstMonth: number, last: string, lastMonth: number, year: string): string;
  /** Between two dates of different years. */
  apart(first: string, last: string): string;
}

/** "12 มีนาคม 2568": day, month name, year, as Thai, Lao and English write them. */
const dayMonthYear = (months: readonly string[]): Convention => ({
  date: (d, m, y) => `${d} ${months[m - 1]} ${y}`,
  sameMonth: (d1, d2, m, y) => `${d1}–${d2} ${months[m - 1]} ${y}`,
  sameYear: (d1, m1, d2, m2, y) => `${d1} ${months[m1 - 1]} – ${d2} ${months[m2 - 1]} ${y}`,
  apart: (a, b) => `${a} – ${b}`,
});

const CONVENTIONS: Readonly<Record<string, Convention>> = {
  th: dayMonthYear(MONTHS.th!),
  lo: dayMonthYear(MONTHS.lo!),
  en: dayMonthYear(MONTHS.en!),
  // Year first, as Myanmar official letters date them: "၂၀၂၅ ခုနှစ်၊ မတ်လ ၁၂ ရက်"; a span is "from … until".
  my: {
    date: (d, m, y) => `${y} ခုနှစ်၊ ${MONTHS.my![m - 1]}လ ${d} ရက်`,
    sameMonth: (d1, d2, m, y) => `${y} ခုနှစ်၊ ${MONTHS.my![m - 1]}လ ${d1} ရက်မှ ${d2} ရက်အထိ`,
    sameYear: (d1, m1, d2, m2, y) => `${y} ခုနှစ်၊ ${MONTHS.my![m1 - 1]}လ ${d1} ရက်မှ ${MONTHS.my![m2 - 1]}လ ${d2} ရက်အထိ`,
    apart: (a, b) => `${a}မှ ${b}အထိ`,
  },
  // "ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៥": day, month and year each named, as Khmer official text writes them.
  km: {
    date: (d, m, y) => `ថ្ងៃទី${d} ខែ${MONTHS.km![m - 1]} ឆ្នាំ${y}`,
    sameMonth: (d1, d2, m, y) => `ថ្ងៃទី${d1}–${d2} ខែ${MONTHS.km![m - 1]} ឆ្នាំ${y}`,
    sameYear: (d1, m1, d2, m2, y) => `ថ្ងៃទី${d1} ខែ${MONTHS.km![m1 - 1]} – ថ្ងៃទី${d2} ខែ${MONTHS.km![m2 - 1]} ឆ្នាំ${y}`,
    apart: (a, b) => `${a} – ${b}`,
  },
  // Vietnamese numbers its months: "ngày 12 tháng 3 năm 2025".
  vi: {
    date: (d, m, y) => `ngày ${d} tháng ${m} năm ${y}`,
    sameMonth: (d1, d2, m, y) => `ngày ${d1}–${d2} tháng ${m} năm ${y}`,
    sameYear: (d1, m1, d2, m2, y) => `ngày ${d1} tháng ${m1} – ngày ${d2} tháng ${m2} năm ${y}`,
    apart: (a, b) => `${a} – ${b}`,
  },
};

/** The parts of a date in the language's digits and era. */
const partsIn = (language: string, date: CalendarDate) => ({
  day: digitsIn(language, date.day),
  year: digitsIn(language, yearIn(language, date.year)),
});

/** "12 มีนาคม 2568", "12 ມີນາ 2025", "၂၀၂၅ ခုနှစ်၊ မတ်လ ၁၂ ရက်", "ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៥", "ngày 12 tháng 3 năm 2025", "12 March 2025". */
export function formatDate(iso: string, language: string): string {
  const date = parseIsoDate(iso);
  const convention = CONVENTIONS[baseLanguage(language)];
  if (!convention) return formatWithIntl(date, language);
  const { day, year } = partsIn(language, date);
  return convention.date(day, date.month, year);
}

/** A meeting's dates: one day, days in one month ("12–13 มีนาคม 2568"), or a longer span. */
export function formatDateRange(startIso: string, endIso: string, language: string): string {
  const start = parseIsoDate(startIso);
  const end = parseIsoDate(endIso);
  const convention = CONVENTIONS[baseLanguage(language)];
  if (startIso === endIso) return formatDate(startIso, language);
  if (!convention) return `${formatWithIntl(start, language)} – ${formatWithIntl(end, language)}`;
  const first = partsIn(language, start);
  const last = partsIn(language, end);
  if (start.year === end.year && start.month === end.month) return convention.sameMonth(first.day, last.day, end.month, last.year);
  if (start.year === end.year) return convention.sameYear(first.day, start.month, last.day, end.month, last.year);
  return convention.apart(formatDate(startIso, language), formatDate(endIso, language));
}

// Working languages beyond these six (zh, ja…) are written by the platform's Intl, in the
// Gregorian calendar the record's dates are kept in.
function formatWithIntl(date: CalendarDate, language: string): string {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(utc);
  } catch {
    return `${date.day} ${MONTHS.en![date.month - 1]} ${date.year}`;
  }
}
