// The one way the client words anything: messages by key, in ICU MessageFormat (FormatJS's
// intl-messageformat), so that "{count, plural, one {# person} other {# people}}" follows
// each language's own plural rules. Pure apart from a cache, so the same words are checked
// in tests and reused outside React (the workspace, the console, the export panel and the
// verify page all ask here).
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type Catalog, type MessageKey } from './en';
import { th } from './th';
import { lo } from './lo';
import { my } from './my';
import { km } from './km';
import { vi } from './vi';

export const UI_LANGUAGES = ['en', 'th', 'lo', 'my', 'km', 'vi'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type { Catalog, MessageKey };
export type Params = Record<string, string | number>;

export const catalogs: Record<UiLanguage, Catalog> = { en, th, lo, my, km, vi };

export const isUiLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage);

/** Myanmar and Khmer write numbers in their own digits, as their dates are (shared/dates). */
const LOCALES: Partial<Record<UiLanguage, string>> = { my: 'my-u-nu-mymr', km: 'km-u-nu-khmr' };

const compiled = new Map<string, IntlMessageFormat>();

function formatter(language: UiLanguage, key: MessageKey): IntlMessageFormat {
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // Tags are not used in the catalogs: "<" in a message is a character, not markup.
    format = new IntlMessageFormat(catalogs[language][key], LOCALES[language] ?? language, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

export function translate(language: UiLanguage, key: MessageKey, params?: Params): string {
  try {
    return String(formatter(language, key).format(params));
  } catch {
    // A message the catalog test would have caught, or a value left out by its caller:
    // the English words are better than a blank, and the pattern better than nothing.
    try {
      return String(formatter('en', key).format(params));
    } catch {
      return en[key];
    }
  }
}

const LANGUAGE_KEYS: Record<string, MessageKey> = {
  th: 'language.th',
  lo: 'language.lo',
  my: 'language.my',
  km: 'language.km',
  vi: 'language.vi',
  en: 'language.en',
  zh: 'language.zh',
};

/** A working language's name, in the interface language. */
export function languageName(code: string, language: UiLanguage): string {
  const key = LANGUAGE_KEYS[code];
  if (key) return translate(language, key);
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A localized text in the reader's language, else the first of `order` that has it. */
export function pick(texts: Record<string, string> | undefined, language: string, order: readonly string[] = []): string {
  if (!texts) return '';
  if (texts[language]) return texts[language]!;
  for (const l of order) if (texts[l]) return texts[l]!;
  return Object.values(texts).find((v) => v) ?? '';
}
