// A moment (a signature, a lock, an audit entry) as the reader reads dates: the day in
// their language and calendar (Thai in the Buddhist Era, shared/dates), then the time of
// day, 24-hour: on the meeting's clock with its offset when the meeting's zone is given,
// as the record and its originals show it; else where the reader is.
import { formatDate, wallClock } from '../../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day, YYYY-MM-DD, of an instant in the given time zone offset (minutes east of UTC). */
export function dayOf(instant: Date, offsetMinutes: number): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/**
 * "12 มีนาคม 2568, 16:40 (UTC+07:00)" in a meeting's IANA zone, or "12 มีนาคม 2568, 16:40" at an
 * offset in minutes east of UTC; without either, this browser's own offset at that moment.
 */
export function formatInstant(iso: string, language: string, zone?: number | string): string {
  const instant = new Date(iso);
  if (!Number.isFinite(instant.getTime())) return iso;
  if (typeof zone === 'string') {
    const clock = wallClock(iso, zone);
    return `${formatDate(clock.date, language)}, ${clock.time} (UTC${clock.offset})`;
  }
  const offsetMinutes = zone;
  const offset = offsetMinutes ?? -instant.getTimezoneOffset();
  const shifted = new Date(instant.getTime() + offset * 60_000);
  return `${formatDate(dayOf(instant, offset), language)}, ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
