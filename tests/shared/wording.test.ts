// The catalogs of an original's fixed words: every key in every language, every message valid
// ICU in the formatter's subset, every placeholder one its caller passes (shared/wording/parameters),
// and plural forms that the language's own rules ask for.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../shared/i18n/message-format';
import { MESSAGES } from '../../shared/wording/catalog';
import { en, type WordingKey } from '../../shared/wording/en';
import { WORDING_LANGUAGES } from '../../shared/wording/languages';
import { PARAMETERS } from '../../shared/wording/parameters';

type Parts = ReturnType<typeof parseMessage>;
type Plural = { arg: string; forms: string[] };

/** Every placeholder a message uses, and the option keys of each of its plurals. */
function shapeOf(parts: Parts, into = { args: new Set<string>(), plurals: [] as Plural[] }) {
  for (const part of parts) {
    if (typeof part === 'string' || part.kind === 'pound') continue;
    into.args.add(part.name);
    if (part.kind === 'plural') into.plurals.push({ arg: part.name, forms: [...part.options.keys()] });
    if (part.kind === 'plural' || part.kind === 'select') for (const option of part.options.values()) shapeOf(option, into);
  }
  return into;
}

const keys = Object.keys(en) as WordingKey[];
const given = (key: WordingKey): readonly string[] => (PARAMETERS as Partial<Record<WordingKey, readonly string[]>>)[key] ?? [];

describe('the catalogs of an original’s words', () => {
  it('every language has every key, and no other', () => {
    for (const language of WORDING_LANGUAGES) expect(Object.keys(MESSAGES[language]).sort(), language).toEqual([...keys].sort());
  });

  it('every message parses, and uses only the values its caller passes', () => {
    for (const language of WORDING_LANGUAGES)
      for (const key of keys) {
        const { args } = shapeOf(parseMessage(MESSAGES[language][key]));
        expect(
          [...args].filter((arg) => !given(key).includes(arg)),
          `${language} ${key}`,
        ).toEqual([]);
      }
  });

  it('a caller’s values are named only for keys that exist', () => {
    for (const key of Object.keys(PARAMETERS)) expect(keys, key).toContain(key);
  });

  it('plural forms are the language’s own, with "other"; one that words each count by =n may stand for them all', () => {
    for (const language of WORDING_LANGUAGES) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
      for (const key of keys)
        for (const plural of shapeOf(parseMessage(MESSAGES[language][key])).plurals) {
          const where = `${language} ${key} {${plural.arg}}`;
          expect(plural.forms, where).toContain('other');
          for (const form of plural.forms)
            expect(form.startsWith('=') || categories.includes(form), `${where}: "${form}" is no plural form of ${language}`).toBe(true);
          // A count written out in words ("two originals", "สองฉบับ") names its numbers, not the
          // language's categories; otherwise a form the language needs would fall back to "other".
          if (plural.forms.some((form) => !form.startsWith('=') && form !== 'other'))
            for (const needed of categories) expect(plural.forms, `${where} lacks "${needed}"`).toContain(needed);
        }
    }
  });
});
