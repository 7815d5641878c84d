// Messages by key, in the three interface languages; pure, so the same words can be
// checked in tests and reused outside React.
import { en, type Catalog, type MessageKey } from './en';
import { th } from './th';
import { lo } from './lo';

export const UI_LANGUAGES = ['en', 'th', 'lo'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type { MessageKey };
export type Params = Record<string, string | number>;

export const catalogs: Record<UiLanguage, Catalog> = { en, th, lo };

export const isUiLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage);

export function translate(language: UiLanguage, key: MessageKey, params?: Params): string {
  const text = catalogs[language][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const LANGUAGE_KEYS: Record<string, MessageKey> = { th: 'language.th', lo: 'language.lo', en: 'language.en' };

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
