// Every language whose fixed words Accord has: the Mekong meetings' working languages (Thai,
// Lao, Myanmar, Khmer, Vietnamese, English) and the observers' (Chinese, Japanese).
import { baseLanguage } from '../dates';
import { en } from './en';
import { ja } from './ja';
import { km } from './km';
import { lo } from './lo';
import { my } from './my';
import { th } from './th';
import { vi } from './vi';
import { zh } from './zh';
import type { Wording } from './wording';
import type { WordingLanguage } from './languages';

// Every language ./languages names, and only those.
export const CATALOG: Readonly<Record<WordingLanguage, Wording>> = { th, lo, my, km, vi, en, zh, ja };

/** The words of a language; English for one the catalog lacks (a draft only: such a record cannot be locked). */
export const wordingFor = (language: string): Wording => (CATALOG as Readonly<Record<string, Wording>>)[baseLanguage(language)] ?? en;
