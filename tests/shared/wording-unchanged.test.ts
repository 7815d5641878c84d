// An original is signed, and later verified by making it again from the signed bundle and
// comparing bytes: so the catalog of an original's fixed words must say today exactly what it
// said when earlier originals were made. tests/fixtures/wording/words.json holds what it said
// (every label, and every sentence for representative numbers, names and languages, in every
// language) before its messages became ICU; the catalog must still say each word for word.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../shared/wording/catalog';
import { WORDING_LANGUAGES } from '../../shared/wording/languages';
import { wordingSamples } from '../helpers/wording-samples';

const recorded = JSON.parse(readFileSync(new URL('../fixtures/wording/words.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;

describe('the words of an original', () => {
  it.each(WORDING_LANGUAGES)('in %s are those earlier originals were printed with', (language) => {
    const now = wordingSamples(CATALOG[language]);
    expect(Object.keys(now).length).toBeGreaterThan(250);
    expect(now).toEqual(recorded[language]);
  });
});
