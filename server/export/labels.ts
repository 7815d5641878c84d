// The fixed words of an original come from the catalog in shared/wording (one per language,
// which the lock also consults); here they meet the record: times on the meeting's clock,
// and words said in every working language of an original at once.
import { formatDate, wallClock } from '../../shared/dates';
import { wordingFor } from '../../shared/wording/catalog';
import type { Wording } from '../../shared/wording/wording';

export type Labels = Wording;

export const labelsFor = (language: string): Labels => wordingFor(language);

/**
 * "24 กันยายน 2567", "15:06 น. (UTC+07:00)": an instant as the record shows it, on the wall
 * clock of the meeting's time zone, with that zone's offset.
 */
export function dateAndTime(instant: string, language: string, timeZone: string): { date: string; time: string } {
  const clock = wallClock(instant, timeZone);
  let date = clock.date;
  try {
    date = formatDate(clock.date, language);
  } catch {
    // A hand-made file's time that is no date is shown as written.
  }
  return { date, time: wordingFor(language).clockTime(clock.time, clock.offset) };
}

/** The same words in each of the given languages, once each: "หน้าการลงนาม / Signature page". */
export const inLanguages = (languages: string[], words: (labels: Labels, language: string) => string): string =>
  [...new Set(languages.map((l) => words(labelsFor(l), l)))].join(' / ');
