// A moment (a signature, a lock, an audit entry) as the reader reads dates: the day in
// their language and calendar (Thai in the Buddhist Era, shared/dates), then the time of
// day where they are, 24-hour.
import { formatDate } from '../../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day, YYYY-MM-DD, of an instant in the given time zone offset (minutes east of UTC). */
export function dayOf(instant: Date, offsetMinutes: number): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** "12 มีนาคม 2568, 16:40". `offsetMinutes` defaults to this browser's own offset at that moment. */
export function formatInstant(iso: string, language: string, offsetMinutes?: number): string {
  const instant = new Date(iso);
  if (!Number.isFinite(instant.getTime())) return iso;
  const offset = offsetMinutes ?? -instant.getTimezoneOffset();
  const shifted = new Date(instant.getTime() + offset * 60_000);
  return `${formatDate(dayOf(instant, offset), language)}, ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
