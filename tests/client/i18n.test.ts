import { describe, expect, it } from 'vitest';
import { catalogs, languageName, pick, SELF_NAMES, translate, UI_LANGUAGES } from '../../client/i18n/catalogs';

describe('interface catalogs', () => {
  it('fills placeholders', () => {
    expect(translate('th', 'lock.blocked', { segments: 2, actionPoints: 1 })).toBe(
      'ยังต้องได้รับความเห็นชอบก่อนล็อกบันทึก: 2 ย่อหน้า, 1 จุดดำเนินการ',
    );
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
});
