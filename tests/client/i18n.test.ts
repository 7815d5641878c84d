import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogs, languageName, pick, SELF_NAMES, translate, UI_LANGUAGES } from '../../client/i18n/catalogs';

describe('interface catalogs', () => {
  it('fills placeholders', () => {
    expect(translate('th', 'lock.blocked', { segments: 2, actionPoints: 1 })).toBe('ยังต้องได้รับความเห็นชอบก่อนล็อกบันทึก: 2 ย่อหน้า, 1 จุดดำเนินการ');
    expect(translate('lo', 'agenda.item', { number: 3 })).toBe('ວາລະທີ 3');
  });

  it('names the working languages in the reader’s language', () => {
    expect(languageName('lo', 'th')).toBe('ภาษาลาว');
    expect(languageName('th', 'lo')).toBe('ພາສາໄທ');
    expect(languageName('en', 'en')).toBe('English');
    expect(languageName('vi', 'en')).toBe('Vietnamese');
  });

  it('shows a meeting fact in the reader’s language, else the first working language that has it', () => {
    const venue = { lo: 'ໂຮງແຮມລາວພລາຊາ', en: 'Lao Plaza Hotel' };
    expect(pick(venue, 'lo')).toBe('ໂຮງແຮມລາວພລາຊາ');
    expect(pick(venue, 'th', ['en', 'lo'])).toBe('Lao Plaza Hotel');
    expect(pick(undefined, 'th')).toBe('');
  });

  it('names each language in itself as its own catalog does (the switch shows them before their catalogs come)', () => {
    for (const language of UI_LANGUAGES) expect(SELF_NAMES[language]).toBe(catalogs[language]['language.self']);
  });

  it('splits each catalog into the first screen’s part and the rest, together every key once', async () => {
    const parts = {
      en: [await import('../../client/i18n/en/core'), await import('../../client/i18n/en/extra')],
      th: [await import('../../client/i18n/th/core'), await import('../../client/i18n/th/extra')],
      lo: [await import('../../client/i18n/lo/core'), await import('../../client/i18n/lo/extra')],
      my: [await import('../../client/i18n/my/core'), await import('../../client/i18n/my/extra')],
      km: [await import('../../client/i18n/km/core'), await import('../../client/i18n/km/extra')],
      vi: [await import('../../client/i18n/vi/core'), await import('../../client/i18n/vi/extra')],
    } as const;
    for (const language of UI_LANGUAGES) {
      const [{ core }, { extra }] = parts[language];
      const coreKeys = Object.keys(core);
      expect(
        coreKeys.filter((key) => key in extra),
        language,
      ).toEqual([]);
      expect({ ...core, ...extra }, language).toEqual(catalogs[language]);
    }
  });

  it('words the workspace with the first part only: the second part’s keys are used by the console, verify, export and audit screens alone', async () => {
    const { extra } = await import('../../client/i18n/en/extra');
    const root = fileURLToPath(new URL('../../client', import.meta.url));
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    const elsewhere = walk(root).filter((file) => /\.tsx?$/.test(file) && !/[/\\](i18n|features[/\\](console|verify|export|audit))[/\\]/.test(file));
    const used = elsewhere.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return Object.keys(extra)
        .filter((key) => text.includes(`'${key}'`) || text.includes(`\`${key.split('.').slice(0, -1).join('.')}.\${`))
        .map((key) => `${file}: ${key}`);
    });
    expect(used).toEqual([]);
  });
});
