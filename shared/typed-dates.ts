// Dates as people type them and pick them from a calendar, in the interface language: the
// way shared/dates writes a date is also a way to type it ("12 มีนาคม 2568" reads back as
// 2025-03-12), and so are numbers in the usual day-month-year order, in any of the
// region's digits, with a Thai year over 2400 read in the Buddhist Era. Pure.
import { BUDDHIST_ERA_OFFSET, MONTHS, baseLanguage, daysInMonth, digitsIn, isoDateOf, yearIn, type CalendarDate } from './dates';

/** Zero of each set of digits a date may be typed in: Thai, Lao, Myanmar, Khmer. */
const DIGIT_ZEROS = [0x0e50, 0x0ed0, 0x1040, 0x17e0];

const latinDigits = (text: string) =>
  text.replace(/[\u0E50-\u0E59\u0ED0-\u0ED9\u1040-\u1049\u17E0-\u17E9]/g, (c) => {
    const code = c.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });

// Short forms people write, beside the full names of shared/dates.
const SHORT_MONTHS: Readonly<Record<string, readonly string[]>> = {
  th: ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Every way of naming a month, longest first, so "มีนาคม" is found before a shorter name inside it. */
const MONTH_NAMES: { name: string; month: number }[] = Object.values({ ...MONTHS })
  .concat(Object.values(SHORT_MONTHS))
  .flatMap((names) => names.map((name, i) => ({ name: name.toLowerCase(), month: i + 1 })))
  .sort((a, b) => b.name.length - a.name.length);

/**
 * The date typed, as YYYY-MM-DD, or null when it is not one. Reads the language's own
 * written form (month named; Vietnamese "tháng 3"), and numbers as day, month, year (or
 * year first when it has four digits). A Thai year above 2400 is a Buddhist Era year.
 */
export function parseTypedDate(typed: string, language: string): string | null {
  let text = latinDigits(typed.normalize('NFC')).toLowerCase().trim();
  if (!text) return null;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) return checked(Number(text.slice(0, 4)), ...(text.slice(5).split('-').map(Number) as [number, number]));

  let month: number | null = null;
  const named = MONTH_NAMES.find(({ name }) => text.includes(name));
  if (named) {
    month = named.month;
    text = text.replace(named.name, ' ');
  } else {
    const vietnamese = /tháng\s*(\d{1,2})/.exec(text);
    if (vietnamese) {
      month = Number(vietnamese[1]);
      text = text.replace(vietnamese[0], ' ');
    }
  }
  const numbers = [...text.matchAll(/\d+/g)].map((m) => m[0]);
  if (month !== null) {
    if (numbers.length !== 2) return null;
    const yearAt = numbers.findIndex((n) => n.length >= 3);
    if (yearAt < 0) return null;
    return checked(eraYear(Number(numbers[yearAt]), language), month, Number(numbers[1 - yearAt]));
  }
  if (numbers.length !== 3) return null;
  const [a, b, c] = numbers as [string, string, string];
  if (a.length >= 3) return checked(eraYear(Number(a), language), Number(b), Number(c));
  if (c.length < 3) return null;
  return checked(eraYear(Number(c), language), Number(b), Number(a));
}

/** Thai years are typed in the Buddhist Era, as they are shown; a Common Era year is also understood. */
function eraYear(year: number, language: string): number {
  return baseLanguage(language) === 'th' && year > 2400 ? year - BUDDHIST_ERA_OFFSET : year;
}

function checked(year: number, month: number, day: number): string | null {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  return isoDateOf({ year, month, day });
}

// ——— the calendar ———

const WEEKDAYS: Readonly<Record<string, readonly string[]>> = {
  th: ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'],
  lo: ['ອາ', 'ຈ', 'ອ', 'ພ', 'ພຫ', 'ສຸ', 'ສ'],
  // The one-syllable forms Myanmar and Khmer calendars head their columns with.
  my: ['နွေ', 'လာ', 'ဂါ', 'ဟူး', 'တေး', 'ကြာ', 'နေ'],
  km: ['អា', 'ច', 'អ', 'ព', 'ព្រ', 'សុ', 'ស'],
  vi: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  en: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
};

/** The days of the week from Sunday, as a calendar heads its columns. */
export const weekdayNames = (language: string): readonly string[] => WEEKDAYS[baseLanguage(language)] ?? WEEKDAYS.en!;

/** "มีนาคม 2568", "tháng 3 năm 2025", "၂၀၂၅ ခုနှစ်၊ မတ်လ", "ខែមីនា ឆ្នាំ២០២៥": the month a calendar shows. */
export function monthTitle(year: number, month: number, language: string): string {
  const shownYear = digitsIn(language, yearIn(language, year));
  switch (baseLanguage(language)) {
    case 'vi':
      return `tháng ${month} năm ${shownYear}`;
    case 'my':
      return `${shownYear} ခုနှစ်၊ ${MONTHS.my![month - 1]}လ`;
    case 'km':
      return `ខែ${MONTHS.km![month - 1]} ឆ្នាំ${shownYear}`;
    default:
      return `${(MONTHS[baseLanguage(language)] ?? MONTHS.en!)[month - 1]} ${shownYear}`;
  }
}

/** Day of the week, 0 for Sunday, without a Date's time zone. */
export function weekdayOf({ year, month, day }: CalendarDate): number {
  // Sakamoto's method.
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
}

/** The month's weeks from Sunday: each a row of seven days, null outside the month. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const cells: (number | null)[] = Array(weekdayOf({ year, month, day: 1 })).fill(null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** The date `days` later (or earlier), across months and years. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  let { year, month, day } = date;
  day += days;
  while (day < 1) {
    month -= 1;
    if (month < 1) (month = 12), (year -= 1);
    day += daysInMonth(year, month);
  }
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month += 1;
    if (month > 12) (month = 1), (year += 1);
  }
  return { year, month, day };
}
