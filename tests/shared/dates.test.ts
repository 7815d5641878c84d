import { describe, expect, it } from 'vitest';
import { InvalidDate, formatDate, formatDateRange, parseIsoDate, yearIn } from '../../shared/dates';

describe('dates as the record prints them', () => {
  it('writes Thai dates in the Buddhist Era, as official Thai text does', () => {
    expect(formatDate('2025-03-12', 'th')).toBe('12 มีนาคม 2568');
    expect(formatDate('2025-06-30', 'th-TH')).toBe('30 มิถุนายน 2568');
    expect(yearIn('th', 2025)).toBe(2568);
  });

  it('writes Lao and English dates in the Common Era with their own month names', () => {
    expect(formatDate('2025-03-12', 'lo')).toBe('12 ມີນາ 2025');
    expect(formatDate('2025-08-31', 'lo')).toBe('31 ສິງຫາ 2025');
    expect(formatDate('2025-03-12', 'en')).toBe('12 March 2025');
    expect(formatDate('2024-12-01', 'en-GB')).toBe('1 December 2024');
  });

  it('agrees with the platform Thai calendar on the year, so nobody reads 543 years off', () => {
    const intl = new Intl.DateTimeFormat('th-TH', { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2025, 2, 12));
    expect(intl).toContain('2568');
    expect(formatDate('2025-03-12', 'th')).toContain('2568');
  });

  it('keeps the day whatever the time zone: a date is never read through local midnight', () => {
    expect(formatDate('2025-01-01', 'en')).toBe('1 January 2025');
    expect(formatDate('2024-12-31', 'th')).toBe('31 ธันวาคม 2567');
  });

  it('writes a meeting span compactly within a month and in full across years', () => {
    expect(formatDateRange('2025-03-12', '2025-03-12', 'th')).toBe('12 มีนาคม 2568');
    expect(formatDateRange('2025-03-12', '2025-03-13', 'th')).toBe('12–13 มีนาคม 2568');
    expect(formatDateRange('2025-03-31', '2025-04-02', 'lo')).toBe('31 ມີນາ – 2 ເມສາ 2025');
    expect(formatDateRange('2024-12-30', '2025-01-02', 'en')).toBe('30 December 2024 – 2 January 2025');
  });

  it('writes Myanmar and Khmer dates in their own digits and month names, Vietnamese by day, month and year', () => {
    expect(formatDate('2025-03-12', 'my')).toBe('၂၀၂၅ ခုနှစ်၊ မတ်လ ၁၂ ရက်');
    expect(formatDate('2025-03-12', 'km')).toBe('ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៥');
    expect(formatDate('2025-03-12', 'vi')).toBe('ngày 12 tháng 3 năm 2025');
    expect(formatDateRange('2025-03-12', '2025-03-13', 'my')).toBe('၂၀၂၅ ခုနှစ်၊ မတ်လ ၁၂ ရက်မှ ၁၃ ရက်အထိ');
    expect(formatDateRange('2025-02-28', '2025-03-02', 'km')).toBe('ថ្ងៃទី២៨ ខែកុម្ភៈ ដល់ថ្ងៃទី២ ខែមីនា ឆ្នាំ២០២៥');
    expect(formatDateRange('2025-03-12', '2025-03-13', 'vi')).toBe('ngày 12–13 tháng 3 năm 2025');
  });

  it('writes other working languages through Intl in the Gregorian calendar', () => {
    const zh = formatDate('2025-03-12', 'zh');
    expect(zh).toContain('2025');
    expect(zh).toContain('12');
  });

  it('refuses what is not a calendar date instead of printing a wrong one', () => {
    expect(() => formatDate('2025-02-29', 'th')).toThrow(InvalidDate);
    expect(() => formatDate('12/03/2025', 'en')).toThrow(/YYYY-MM-DD/);
    expect(() => parseIsoDate('2025-13-01')).toThrow(InvalidDate);
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
