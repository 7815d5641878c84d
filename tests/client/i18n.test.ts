import { describe, expect, it } from 'vitest';
import { catalogs, languageName, pick, translate, UI_LANGUAGES } from '../../client/i18n/translate';
import { en, type MessageKey } from '../../client/i18n/en';

const keys = Object.keys(en) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface catalogs', () => {
  it('every language has every message, with the same placeholders as English', () => {
    for (const language of UI_LANGUAGES) {
      for (const key of keys) {
        const text = catalogs[language][key];
        expect(text, `${language} ${key}`).toBeTruthy();
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('Thai and Lao messages are written in their own script, not left in English', () => {
    for (const key of keys) {
      expect(catalogs.th[key], `th ${key}`).toMatch(/[\u0E00-\u0E7F]/);
      expect(catalogs.lo[key], `lo ${key}`).toMatch(/[\u0E80-\u0EFF]/);
    }
  });

  it('fills placeholders and leaves unknown ones visible rather than blank', () => {
    expect(translate('th', 'lock.blocked', { segments: 2, actionPoints: 1 })).toBe(
      'ยังต้องได้รับความเห็นชอบก่อนล็อกบันทึก: 2 ย่อหน้า, 1 จุดดำเนินการ',
    );
    expect(translate('lo', 'agenda.item', { number: 3 })).toBe('ວາລະທີ 3');
    expect(translate('en', 'agenda.item')).toBe('Agenda item {number}');
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
});
