// Calendar dates as the record shows them in each working language. Thai official text
// counts years in the Buddhist Era (2025 CE is 2568 BE); Lao and English use the Common
// Era. Month names are written out here rather than taken from Intl, so the workspace and
// the PDF export print the same words on any machine, whatever its ICU data.

const MONTHS: Record<string, readonly string[]> = {
  th: ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'],
  lo: ['ມັງກອນ', 'ກຸມພາ', 'ມີນາ', 'ເມສາ', 'ພຶດສະພາ', 'ມິຖຸນາ', 'ກໍລະກົດ', 'ສິງຫາ', 'ກັນຍາ', 'ຕຸລາ', 'ພະຈິກ', 'ທັນວາ'],
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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The primary subtag: th-TH and th are both Thai. */
const baseLanguage = (language: string) => language.toLowerCase().split('-')[0] ?? language;

/** The year as the language counts it. */
export function yearIn(language: string, year: number): number {
  return baseLanguage(language) === 'th' ? year + BUDDHIST_ERA_OFFSET : year;
}

/** "12 มีนาคม 2568", "12 ມີນາ 2025", "12 March 2025". */
export function formatDate(iso: string, language: string): string {
  const date = parseIsoDate(iso);
  const months = MONTHS[baseLanguage(language)];
  if (!months) return formatWithIntl(date, language);
  return `${date.day} ${months[date.month - 1]} ${yearIn(language, date.year)}`;
}

/** A meeting's dates: one day, days in one month ("12–13 มีนาคม 2568"), or a longer span. */
export function formatDateRange(startIso: string, endIso: string, language: string): string {
  const start = parseIsoDate(startIso);
  const end = parseIsoDate(endIso);
  const months = MONTHS[baseLanguage(language)];
  if (startIso === endIso) return formatDate(startIso, language);
  if (!months) return `${formatWithIntl(start, language)} – ${formatWithIntl(end, language)}`;
  const year = yearIn(language, end.year);
  if (start.year === end.year && start.month === end.month) return `${start.day}–${end.day} ${months[end.month - 1]} ${year}`;
  if (start.year === end.year) return `${start.day} ${months[start.month - 1]} – ${end.day} ${months[end.month - 1]} ${year}`;
  return `${formatDate(startIso, language)} – ${formatDate(endIso, language)}`;
}

// Working languages beyond th, lo and en (km, my, vi…) are written by the platform's
// Intl, in the Gregorian calendar the record's dates are kept in.
function formatWithIntl(date: CalendarDate, language: string): string {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(utc);
  } catch {
    return `${date.day} ${MONTHS.en![date.month - 1]} ${date.year}`;
  }
}
