// The interface speaks English, Thai or Lao, switchable at any time. Components never hold
// words of their own: they ask `t` for a message by key, and every catalog has every key.
import { useMemo } from 'react';
import { createStore, useStore } from '../app/store';
import { isUiLanguage, loadCatalog, translate, type CatalogPart, type MessageKey, type Params, type UiLanguage } from './translate';

export { SELF_NAMES, UI_LANGUAGES, languageName, pick, translate } from './translate';
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

/** Counts the catalogs come: the first one to arrive turns blanks into words. */
const catalogsHere = createStore(0);

/** The language asked for last (shown once its words are here). */
let wanted: UiLanguage = uiLanguage.get();
/** The catalog parts the screens opened so far need, in whichever language is shown. */
const wantedParts = new Set<CatalogPart>(['core']);

/** Switches the interface to `language` once its words are here (the words shown stay until then). */
function showWhenLoaded(language: UiLanguage): Promise<void> {
  wanted = language;
  return loadCatalog(language, [...wantedParts]).then(
    () => {
      catalogsHere.update((n) => n + 1);
      // A language chosen after this one, and come first, is not overridden.
      if (wanted === language) uiLanguage.set(language);
    },
    () => {
      // Offline before this language was ever fetched: the interface stays as it is.
    },
  );
}

// The interface language's catalog is fetched at once, beside everything else the first
// screen waits for; another language when it is chosen (below). But an invitation link or
// a meeting's address names the reader's language (their party's) a round trip or two
// later, unless they chose one before: the words wait for it rather than come twice, in
// the browser's language and then in the party's; `settleUiLanguage` (or a few seconds)
// ends the wait where the meeting names none.
const PARTY_NAMES_LANGUAGE = /^\/(join|meetings\/)/;
let settled = storedChoice() !== null || !PARTY_NAMES_LANGUAGE.test(window.location.pathname);
if (settled) void showWhenLoaded(uiLanguage.get());
else setTimeout(() => settleUiLanguage(), 4000);

/**
 * A screen whose words are in another part of the catalog (the console, the verify page,
 * the export panel, the audit log): resolves when they are here. Its lazy chunk waits for
 * this beside its own code.
 */
export function needCatalogPart(part: CatalogPart): Promise<void> {
  wantedParts.add(part);
  // Until the reader's language is settled, the part comes with it.
  return settled ? showWhenLoaded(wanted) : Promise.resolve();
}

/** Nothing will name the reader's language (no meeting, no party): the browser's it is. */
export function settleUiLanguage(): void {
  if (settled) return;
  settled = true;
  void showWhenLoaded(uiLanguage.get());
}

/**
 * Resolves once the interface has words (a catalog has come), or after `ms`: a whole record
 * drawn with blanks is drawn again when they come, which on a big record costs seconds.
 */
export function wordsHere(ms: number): Promise<void> {
  if (catalogsHere.get() > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = catalogsHere.subscribe(done);
  });
}

/** The reader chose a language: it stays chosen in this browser. */
export function chooseUiLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(CHOICE_KEY, language);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
  void showWhenLoaded(language);
}

/** Opens in the reader's own language (their party's), unless they chose another before. */
export function preferUiLanguage(language: string | undefined): void {
  if (!storedChoice() && isUiLanguage(language)) {
    settled = true;
    void showWhenLoaded(language);
  } else settleUiLanguage();
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function useT(): { t: Translate; language: UiLanguage } {
  const language = useStore(uiLanguage);
  const arrived = useStore(catalogsHere);
  return useMemo(
    () => ({ t: (key: MessageKey, params?: Params) => translate(language, key, params), language }),
    // `arrived`: a catalog that came since is words where there were blanks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [language, arrived],
  );
}
