// The interface speaks English, Thai or Lao, switchable at any time. Components never hold
// words of their own: they ask `t` for a message by key, and every catalog has every key.
import { useMemo } from 'react';
import { createStore, useStore } from '../app/store';
import { isUiLanguage, translate, type MessageKey, type Params, type UiLanguage } from './translate';

export { UI_LANGUAGES, languageName, pick, translate } from './translate';
export type { MessageKey, Params, UiLanguage } from './translate';

const CHOICE_KEY = 'accord.language';

function storedChoice(): UiLanguage | null {
  try {
    const value = window.localStorage.getItem(CHOICE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): UiLanguage {
  const base = (navigator.language || 'en').toLowerCase().split('-')[0];
  return isUiLanguage(base) ? base : 'en';
}

const uiLanguage = createStore<UiLanguage>(storedChoice() ?? browserLanguage());
uiLanguage.subscribe(() => (document.documentElement.lang = uiLanguage.get()));
document.documentElement.lang = uiLanguage.get();

/** The reader chose a language: it stays chosen in this browser. */
export function chooseUiLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(CHOICE_KEY, language);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
  uiLanguage.set(language);
}

/** Opens in the reader's own language (their party's), unless they chose another before. */
export function preferUiLanguage(language: string): void {
  if (!storedChoice() && isUiLanguage(language)) uiLanguage.set(language);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function useT(): { t: Translate; language: UiLanguage } {
  const language = useStore(uiLanguage);
  return useMemo(() => ({ t: (key: MessageKey, params?: Params) => translate(language, key, params), language }), [language]);
}
