// Dates typed and picked in the interface language: what a date field shows is what it
// reads back, in every interface language; Thai years typed in the Buddhist Era; numbers in
// the region's digits; no impossible date accepted; the calendar's weeks are the real ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, isoDateOf } from '../../shared/dates';
import { addDays, monthTitle, monthWeeks, parseTypedDate, weekdayOf } from '../../shared/typed-dates';

const LANGUAGES = ['th', 'lo', 'my', 'km', 'vi', 'en'];
const aDate = fc.record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });

describe('dates typed in the interface language', () => {
  it('reads back exactly what it shows, in each of the six languages', () => {
    fc.assert(
      fc.property(aDate, fc.constantFrom(...LANGUAGES), (date, language) => {
        const iso = isoDateOf(date);
        expect(parseTypedDate(formatDate(iso, language), language)).toBe(iso);
      }),
      { seed: 18, numRuns: 600 },
    );
  });

  it('reads Thai years in the Buddhist Era, digits of any script, and short month names', () => {
    expect(parseTypedDate('12/3/2568', 'th')).toBe('2025-03-12');
    expect(parseTypedDate('๑๒ มี.ค. ๒๕๖๘', 'th')).toBe('2025-03-12');
    expect(parseTypedDate('12/3/2025', 'th')).toBe('2025-03-12');
    expect(parseTypedDate('၁၂.၃.၂၀၂၅', 'my')).toBe('2025-03-12');
    expect(parseTypedDate('១២/០៣/២០២៥', 'km')).toBe('2025-03-12');
    expect(parseTypedDate('12 Mar 2025', 'en')).toBe('2025-03-12');
    expect(parseTypedDate('2025-03-12', 'lo')).toBe('2025-03-12');
    // Day first, as every interface language writes it: 3/12 is the 3rd of December.
    expect(parseTypedDate('3/12/2025', 'en')).toBe('2025-12-03');
  });

  it('refuses what is not a date rather than guessing one', () => {
    for (const typed of ['', 'soon', '31/2/2025', '12/13/2025', '12 March', '12/3/25', '2025-02-30', '29/2/2566'])
      expect(parseTypedDate(typed, 'th'), typed).toBeNull();
    expect(parseTypedDate('29/2/2567', 'th')).toBe('2024-02-29');
  });

  it('lays a month out in real weeks, titled in the language and its era', () => {
    fc.assert(
      fc.property(aDate, (date) => {
        expect(weekdayOf(date)).toBe(new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay());
        const next = addDays(date, 40);
        expect(Date.UTC(next.year, next.month - 1, next.day) - Date.UTC(date.year, date.month - 1, date.day)).toBe(40 * 86_400_000);
      }),
      { seed: 18 },
    );
    const march = monthWeeks(2025, 3);
    expect(march[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    expect(monthTitle(2025, 3, 'th')).toBe('มีนาคม 2568');
    expect(monthTitle(2025, 3, 'my')).toBe('၂၀၂၅ ခုနှစ်၊ မတ်လ');
    expect(monthTitle(2025, 3, 'vi')).toBe('tháng 3 năm 2025');
  });
});
