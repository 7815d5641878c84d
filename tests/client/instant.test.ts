import { describe, expect, it } from 'vitest';
import { dayOf, formatInstant } from '../../client/features/lifecycle/instant';

describe('a moment as the reader reads it', () => {
  it('writes Thai years in the Buddhist Era, Lao and English in the Common Era, with the time of day', () => {
    const signedAt = '2025-03-12T09:40:00.000Z';
    expect(formatInstant(signedAt, 'th', 7 * 60)).toBe('12 มีนาคม 2568, 16:40');
    expect(formatInstant(signedAt, 'lo', 7 * 60)).toBe('12 ມີນາ 2025, 16:40');
    expect(formatInstant(signedAt, 'en', 0)).toBe('12 March 2025, 09:40');
  });

  it('takes the day where the reader is, not in UTC', () => {
    expect(dayOf(new Date('2025-12-31T20:00:00.000Z'), 7 * 60)).toBe('2026-01-01');
    expect(formatInstant('2025-12-31T20:00:00.000Z', 'th', 7 * 60)).toBe('1 มกราคม 2569, 03:00');
  });

  it('leaves something that is not a time as it is', () => {
    expect(formatInstant('soon', 'en', 0)).toBe('soon');
  });
  it("shows a moment on the meeting's clock, with the zone's offset, as the originals print it", () => {
    expect(formatInstant('2025-03-12T08:06:00.000Z', 'th', 'Asia/Vientiane')).toBe('12 มีนาคม 2568, 15:06 (UTC+07:00)');
    expect(formatInstant('2025-03-12T08:06:00.000Z', 'en', 'Asia/Yangon')).toBe('12 March 2025, 14:36 (UTC+06:30)');
  });
});
