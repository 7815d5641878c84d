// Every language whose fixed words Accord has: the Mekong meetings' working languages (Thai,
// Lao, Myanmar, Khmer, Vietnamese, English) and the observers' (Chinese, Japanese).
import { baseLanguage } from '../dates';
import { en, type WordingCatalog } from './en';
import { ja } from './ja';
import { km } from './km';
import { lo } from './lo';
import { my } from './my';
import { th } from './th';
import { vi } from './vi';
import { zh } from './zh';
import { wordingIn, type Wording } from './wording';
import { WORDING_LANGUAGES, type WordingLanguage } from './languages';

/** Each language's messages, in ICU MessageFormat: every language ./languages names, and only those. */
export const MESSAGES: Readonly<Record<WordingLanguage, WordingCatalog>> = { th, lo, my, km, vi, en, zh, ja };

/** Each language's words, as the export asks for them. */
export const CATALOG = Object.fromEntries(WORDING_LANGUAGES.map((language) => [language, wordingIn(language, MESSAGES[language])])) as Readonly<
  Record<WordingLanguage, Wording>
>;

/** The words of a language; English for one the catalog lacks (a draft only: such a record cannot be locked). */
export const wordingFor = (language: string): Wording => (CATALOG as Readonly<Record<string, Wording>>)[baseLanguage(language)] ?? CATALOG.en;
