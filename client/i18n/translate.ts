// The one way the client words anything: messages by key, in ICU MessageFormat (the subset
// the catalogs use, shared/i18n/message-format, formatted as FormatJS's intl-messageformat would), so
// that "{count, plural, one {# person} other {# people}}" follows each language's own plural
// rules. Pure apart from a cache, so the same words are checked
// in tests and reused outside React (the workspace, the console, the export panel and the
// verify page all ask here).
//
// Each language's catalog is a chunk of its own, fetched when that language is first shown
// (`loadCatalog`): a delegate on a hotel's Wi-Fi downloads their own language's words, not
// six languages' (tests and tools register every catalog at once through ./catalogs).
import { formatMessage, parseMessage } from '../../shared/i18n/message-format';
import { localeOf } from '../../shared/i18n/locale';
import type { Catalog, MessageKey } from './en';

export const UI_LANGUAGES = ['en', 'th', 'lo', 'my', 'km', 'vi'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type { Catalog, MessageKey };
export type Params = Record<string, string | number>;

export const isUiLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage);

/** Each language named in itself, for the language switch: shown whatever catalog is loaded (a test checks them against the catalogs' 'language.self'). */
export const SELF_NAMES: Record<UiLanguage, string> = { en: 'English', th: 'ไทย', lo: 'ລາວ', my: 'မြန်မာ', km: 'ខ្មែរ', vi: 'Tiếng Việt' };

/**
 * A catalog comes in two parts: `core`, the workspace's words, fetched with the interface,
 * and `extra`, the console's, the verify page's, the export panel's and the audit log's,
 * fetched when one of those is opened (./<language>/core.ts, extra.ts).
 */
export type CatalogPart = 'core' | 'extra';
const CATALOG_PARTS: readonly CatalogPart[] = ['core', 'extra'];

const loaded: Partial<Record<UiLanguage, Partial<Catalog>>> = {};
const partsHere = new Set<string>();
const loading = new Map<string, Promise<void>>();
type Loader = () => Promise<Partial<Catalog>>;
const LOADERS: Record<UiLanguage, Record<CatalogPart, Loader>> = {
  en: { core: async () => (await import('./en/core')).core, extra: async () => (await import('./en/extra')).extra },
  th: { core: async () => (await import('./th/core')).core, extra: async () => (await import('./th/extra')).extra },
  lo: { core: async () => (await import('./lo/core')).core, extra: async () => (await import('./lo/extra')).extra },
  my: { core: async () => (await import('./my/core')).core, extra: async () => (await import('./my/extra')).extra },
  km: { core: async () => (await import('./km/core')).core, extra: async () => (await import('./km/extra')).extra },
  vi: { core: async () => (await import('./vi/core')).core, extra: async () => (await import('./vi/extra')).extra },
};

/** Puts (part of) a catalog in place: the loader below, or every catalog at once for tests. */
export function provideCatalog(language: UiLanguage, catalog: Partial<Catalog>, parts: readonly CatalogPart[] = CATALOG_PARTS): void {
  loaded[language] = { ...loaded[language], ...catalog };
  for (const part of parts) partsHere.add(`${language}:${part}`);
}

/** Fetches a language's catalog parts once each; resolves when their words can be shown. */
export function loadCatalog(language: UiLanguage, parts: readonly CatalogPart[] = ['core']): Promise<void> {
  return Promise.all(
    parts.map((part) => {
      const id = `${language}:${part}`;
      if (partsHere.has(id)) return undefined;
      let pending = loading.get(id);
      if (!pending) {
        pending = LOADERS[language][part]().then(
          (words) => provideCatalog(language, words, [part]),
          (err: unknown) => {
            // Offline before the chunk was ever fetched: another try later may succeed.
            loading.delete(id);
            throw err;
          },
        );
        loading.set(id, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

const compiled = new Map<string, ReturnType<typeof parseMessage>>();

function formatter(language: UiLanguage, key: MessageKey): ((params?: Params) => string) | null {
  const id = `${language}\u0000${key}`;
  let parsed = compiled.get(id);
  if (!parsed) {
    const pattern = loaded[language]?.[key];
    if (pattern === undefined) return null;
    // Tags are not used in the catalogs: "<" in a message is a character, not markup.
    parsed = parseMessage(pattern);
    compiled.set(id, parsed);
  }
  const parts = parsed;
  return (params) => formatMessage(parts, localeOf(language), params);
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
      if (format) return format(params);
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
