// Calendar dates and times as the record shows them in each working language, written out
// here rather than taken from Intl, so the workspace, the PDF and the DOCX print the same
// words on any machine, whatever its ICU data. Each language as its government writes it:
// Thai in the Buddhist Era (2025 CE is 2568 BE); Vietnamese "ngày 24 tháng 9 năm 2024";
// Myanmar "၂၀၂၄ ခုနှစ်၊ ဩဂုတ်လ ၂၂ ရက်" and Khmer "ថ្ងៃទី១៤ ខែវិច្ឆិកា ឆ្នាំ២០២៤" in their own
// digits; Chinese and Japanese 2024年9月24日; Lao and English with their month names.

export const MONTHS: Readonly<Record<string, readonly string[]>> = {
  th: ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'],
  lo: ['ມັງກອນ', 'ກຸມພາ', 'ມີນາ', 'ເມສາ', 'ພຶດສະພາ', 'ມິຖຸນາ', 'ກໍລະກົດ', 'ສິງຫາ', 'ກັນຍາ', 'ຕຸລາ', 'ພະຈິກ', 'ທັນວາ'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  my: ['ဇန်နဝါရီ', 'ဖေဖော်ဝါရီ', 'မတ်', 'ဧပြီ', 'မေ', 'ဇွန်', 'ဇူလိုင်', 'ဩဂုတ်', 'စက်တင်ဘာ', 'အောက်တိုဘာ', 'နိုဝင်ဘာ', 'ဒီဇင်ဘာ'],
  km: ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'],
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

/** The primary subtag: th-TH and th are both Thai. */
export const baseLanguage = (language: string): string => language.toLowerCase().split('-')[0] ?? language;

/** The year as the language counts it. */
export function yearIn(language: string, year: number): number {
  return baseLanguage(language) === 'th' ? year + BUDDHIST_ERA_OFFSET : year;
}

// Myanmar and Khmer official text writes numbers in the script's own digits.
const DIGITS: Record<string, number> = { my: 0x1040, km: 0x17e0 };

/** A number (or every run of digits in a text) in the language's own digits. */
export function digitsIn(language: string, value: number | string): string {
  const zero = DIGITS[baseLanguage(language)];
  const text = String(value);
  return zero === undefined ? text : text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));
}

type DayWriter = (d: CalendarDate, language: string) => string;

const WRITERS: Record<
  string,
  { day: DayWriter; sameMonth: (a: CalendarDate, b: CalendarDate) => string; sameYear: (a: CalendarDate, b: CalendarDate) => string }
> = {
  vi: {
    day: (d) => `ngày ${d.day} tháng ${d.month} năm ${d.year}`,
    sameMonth: (a, b) => `ngày ${a.day}–${b.day} tháng ${b.month} năm ${b.year}`,
    sameYear: (a, b) => `từ ngày ${a.day} tháng ${a.month} đến ngày ${b.day} tháng ${b.month} năm ${b.year}`,
  },
  my: {
    day: (d) => digitsIn('my', `${d.year} ခုနှစ်၊ ${MONTHS.my![d.month - 1]}လ ${d.day} ရက်`),
    sameMonth: (a, b) => digitsIn('my', `${b.year} ခုနှစ်၊ ${MONTHS.my![b.month - 1]}လ ${a.day} ရက်မှ ${b.day} ရက်အထိ`),
    sameYear: (a, b) => digitsIn('my', `${b.year} ခုနှစ်၊ ${MONTHS.my![a.month - 1]}လ ${a.day} ရက်မှ ${MONTHS.my![b.month - 1]}လ ${b.day} ရက်အထိ`),
  },
  km: {
    day: (d) => digitsIn('km', `ថ្ងៃទី${d.day} ខែ${MONTHS.km![d.month - 1]} ឆ្នាំ${d.year}`),
    sameMonth: (a, b) => digitsIn('km', `ថ្ងៃទី${a.day}-${b.day} ខែ${MONTHS.km![b.month - 1]} ឆ្នាំ${b.year}`),
    sameYear: (a, b) => digitsIn('km', `ថ្ងៃទី${a.day} ខែ${MONTHS.km![a.month - 1]} ដល់ថ្ងៃទី${b.day} ខែ${MONTHS.km![b.month - 1]} ឆ្នាំ${b.year}`),
  },
  zh: {
    day: (d) => `${d.year}年${d.month}月${d.day}日`,
    sameMonth: (a, b) => `${b.year}年${b.month}月${a.day}日至${b.day}日`,
    sameYear: (a, b) => `${b.year}年${a.month}月${a.day}日至${b.month}月${b.day}日`,
  },
  ja: {
    day: (d) => `${d.year}年${d.month}月${d.day}日`,
    sameMonth: (a, b) => `${b.year}年${b.month}月${a.day}日～${b.day}日`,
    sameYear: (a, b) => `${b.year}年${a.month}月${a.day}日～${b.month}月${b.day}日`,
  },
};

/** "12 มีนาคม 2568", "12 ມີນາ 2025", "12 March 2025", "ngày 24 tháng 9 năm 2024". */
export function formatDate(iso: string, language: string): string {
  const date = parseIsoDate(iso);
  const base = baseLanguage(language);
  const writer = WRITERS[base];
  if (writer) return writer.day(date, base);
  const months = MONTHS[base];
  if (!months) return formatWithIntl(date, language);
  return `${date.day} ${months[date.month - 1]} ${yearIn(language, date.year)}`;
}

/** A meeting's dates: one day, days in one month ("12–13 มีนาคม 2568"), or a longer span. */
export function formatDateRange(startIso: string, endIso: string, language: string): string {
  const start = parseIsoDate(startIso);
  const end = parseIsoDate(endIso);
  const base = baseLanguage(language);
  if (startIso === endIso) return formatDate(startIso, language);
  const writer = WRITERS[base];
  if (writer && start.year === end.year) return start.month === end.month ? writer.sameMonth(start, end) : writer.sameYear(start, end);
  const months = MONTHS[base];
  if (writer || !months) return `${formatDate(startIso, language)} – ${formatDate(endIso, language)}`;
  const year = yearIn(language, end.year);
  if (start.year === end.year && start.month === end.month) return `${start.day}–${end.day} ${months[end.month - 1]} ${year}`;
  if (start.year === end.year) return `${start.day} ${months[start.month - 1]} – ${end.day} ${months[end.month - 1]} ${year}`;
  return `${formatDate(startIso, language)} – ${formatDate(endIso, language)}`;
}

// Languages no writer above knows are written by the platform's Intl, in the Gregorian
// calendar the record's dates are kept in.
function formatWithIntl(date: CalendarDate, language: string): string {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(utc);
  } catch {
    return `${date.day} ${MONTHS.en![date.month - 1]} ${date.year}`;
  }
}

/** An instant as it reads on the wall clock of a time zone: its day, its hour and minute, and the zone's offset then. */
export interface WallClock {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** HH:MM, 24-hour. */
  time: string;
  /** "+07:00", "+06:30", "+00:00". */
  offset: string;
}

/** The date and the 24-hour time of `at` in `timeZone`, as parts; throws on a zone the runtime does not know. */
const clockParts = (at: Date, timeZone: string): Intl.DateTimeFormatPart[] =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);

/** The wall clock of `timeZone` (IANA, such as Asia/Vientiane) at `instant`; UTC for a zone the platform does not know. */
export function wallClock(instant: string, timeZone: string): WallClock {
  const at = new Date(instant);
  // A time a hand-made file holds that is no time is shown as written.
  if (!Number.isFinite(at.getTime())) return { date: instant.slice(0, 10), time: instant.slice(11, 16), offset: '+00:00' };
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = clockParts(at, timeZone);
  } catch {
    // A zone this runtime does not know: UTC, and the offset says so.
    parts = clockParts(at, 'UTC');
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const time = `${part('hour')}:${part('minute')}`;
  // The offset is the wall clock less UTC, to the minute.
  const wall = Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day')), Number(part('hour')), Number(part('minute')));
  const minutes = Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return { date, time, offset: `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}` };
}

/** A calendar date back as YYYY-MM-DD. */
export const isoDateOf = ({ year, month, day }: CalendarDate): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
