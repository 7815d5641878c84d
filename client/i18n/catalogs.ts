// Every interface catalog at once, for tests and tools that check or use all six languages
// (the catalog test, the personal-data words): importing this puts them all in place for
// `translate`. The client itself never imports it; it fetches its language's catalog alone
// (translate.ts, loadCatalog).
import { en } from './en';
import { th } from './th';
import { lo } from './lo';
import { my } from './my';
import { km } from './km';
import { vi } from './vi';
import { provideCatalog, type Catalog, type UiLanguage } from './translate';

export const catalogs: Record<UiLanguage, Catalog> = { en, th, lo, my, km, vi };
for (const [language, catalog] of Object.entries(catalogs)) provideCatalog(language as UiLanguage, catalog);

export { UI_LANGUAGES, SELF_NAMES, languageName, pick, translate } from './translate';
export type { Catalog, UiLanguage } from './translate';
