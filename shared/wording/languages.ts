// The languages whose fixed words Accord has (./catalog holds the words): apart, so that
// the lock's readiness check in the browser does not carry eight languages' words.
import { baseLanguage } from '../dates';

export const WORDING_LANGUAGES = ['th', 'lo', 'my', 'km', 'vi', 'en', 'zh', 'ja'] as const;
export type WordingLanguage = (typeof WORDING_LANGUAGES)[number];

/** Whether an authentic text in this language can be printed in its own words. */
export const hasWording = (language: string): boolean => (WORDING_LANGUAGES as readonly string[]).includes(baseLanguage(language));
