// The one way the client words anything: messages by key, in ICU MessageFormat (FormatJS's
// intl-messageformat), so that "{count, plural, one {# person} other {# people}}" follows
// each language's own plural rules. Pure apart from a cache, so the same words are checked
// in tests and reused outside React (the workspace, the console, the export panel and the
// verify page all ask here).
//
// Each language's catalog is a chunk of its own, fetched when that language is first shown
// (`loadCatalog`): a delegate on a hotel's Wi-Fi downloads their own language's words, not
// six languages' (tests and tools register every catalog at once through ./catalogs).
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, MessageKey } from './en';

export const UI_LANGUAGES = ['en', 'th', 'lo', 'my', 'km', 'vi'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type { Catalog, MessageKey };
export type Params = Record<string, string | number>;

export const isUiLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage);

/** Each language named in itself, for the language switch: shown whatever catalog is loaded (a test checks them against the catalogs' 'language.self'). */
export const SELF_NAMES: Record<UiLanguage, string> = { en: 'English', th: 'ไทย', lo: 'ລາວ', my: 'မြန်မာ', km: 'ខ្មែរ', vi: 'Tiếng Việt' };

const loaded: Partial<Record<UiLanguage, Catalog>> = {};
const loading = new Map<UiLanguage, Promise<void>>();
const LOADERS: Record<UiLanguage, () => Promise<Catalog>> = {
  en: async () => (await import('./en')).en,
  th: async () => (await import('./th')).th,
  lo: async () => (await import('./lo')).lo,
  my: async () => (await import('./my')).my,
  km: async () => (await import('./km')).km,
  vi: async () => (await import('./vi')).vi,
};

/** Whether a language's words are here to be shown. */
export const hasCatalog = (language: UiLanguage): boolean => loaded[language] !== undefined;

/** Puts a catalog in place (the loader below, or every catalog at once for tests). */
export function provideCatalog(language: UiLanguage, catalog: Catalog): void {
  loaded[language] = catalog;
}

/** Fetches a language's catalog once; resolves when its words can be shown. */
export function loadCatalog(language: UiLanguage): Promise<void> {
  if (hasCatalog(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language]().then(
      (catalog) => provideCatalog(language, catalog),
      (err: unknown) => {
        // Offline before the chunk was ever fetched: another try later may succeed.
        loading.delete(language);
        throw err;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** Myanmar and Khmer write numbers in their own digits, as their dates are (shared/dates). */
const LOCALES: Partial<Record<UiLanguage, string>> = { my: 'my-u-nu-mymr', km: 'km-u-nu-khmr' };

const compiled = new Map<string, IntlMessageFormat>();

function formatter(language: UiLanguage, key: MessageKey): IntlMessageFormat | null {
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    const pattern = loaded[language]?.[key];
    if (pattern === undefined) return null;
    // Tags are not used in the catalogs: "<" in a message is a character, not markup.
    format = new IntlMessageFormat(pattern, LOCALES[language] ?? language, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

/**
 * A message in `language`. While that language's catalog is still on its way, the words of
 * one already here stand in (English first); before any has come, nothing (a blank for the
 * moment it takes, rather than a key).
 */
export function translate(language: UiLanguage, key: MessageKey, params?: Params): string {
  const languages = [language, 'en' as const, ...UI_LANGUAGES.filter((l) => l !== language && l !== 'en')];
  for (const l of languages) {
    try {
      const format = formatter(l, key);
      if (format) return String(format.format(params));
    } catch {
      // A message the catalog test would have caught, or a value left out by its caller:
      // the next language's words are better than a blank.
    }
  }
  const first = UI_LANGUAGES.map((l) => loaded[l]).find((c) => c !== undefined);
  // The pattern is better than nothing.
  return first?.[key] ?? '';
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
