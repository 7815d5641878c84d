// The console's words, in the interface language the reader chose for the whole app
// (the same switch, the same store). Its catalogs live beside the console so the screens
// stay self-contained; each must have every key of the English one.
import { useMemo } from 'react';
import { useStore } from '../../../app/store';
import { uiLanguage, type UiLanguage } from '../../../i18n/i18n';
import { consoleEn, type ConsoleKey } from './console-en';
import { consoleTh } from './console-th';
import { consoleLo } from './console-lo';

export type { ConsoleKey };
export type ConsoleParams = Record<string, string | number>;

export const consoleCatalogs: Record<UiLanguage, { readonly [K in ConsoleKey]: string }> = { en: consoleEn, th: consoleTh, lo: consoleLo };

export function consoleText(language: UiLanguage, key: ConsoleKey, params?: ConsoleParams): string {
  const text = consoleCatalogs[language][key] ?? consoleEn[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type ConsoleT = (key: ConsoleKey, params?: ConsoleParams) => string;

export function useConsoleT(): { t: ConsoleT; language: UiLanguage } {
  const language = useStore(uiLanguage);
  return useMemo(() => ({ t: (key: ConsoleKey, params?: ConsoleParams) => consoleText(language, key, params), language }), [language]);
}
