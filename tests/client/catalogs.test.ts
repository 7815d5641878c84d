// One catalog per interface language for the workspace, the console, the export panel and
// the verify page: every key in every language, each message valid ICU, with the same
// arguments as the English one, plural forms that the language's own rules ask for, and
// words in the language's own script rather than English left behind.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogs, translate, UI_LANGUAGES } from '../../client/i18n/catalogs';
import { en, type MessageKey } from '../../client/i18n/en';
import { ROSTER_PROBLEM_CODES } from '../../shared/console/roster';

const keys = Object.keys(en) as MessageKey[];

// intl-messageformat's AST element kinds (its parser's TYPE enum).
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;
type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; pluralType?: string };

interface Shape {
  /** Every argument the message takes, with how it is used (plain, number, select, plural). */
  args: string[];
  /** Each plural's option keys, by argument. */
  plurals: { arg: string; forms: string[]; ordinal: boolean }[];
}

function shapeOf(message: string, language: string): Shape {
  const ast = new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).getAst() as Element[];
  const args = new Set<string>();
  const plurals: Shape['plurals'] = [];
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.type === ARGUMENT || el.type === NUMBER) args.add(`${el.value}`);
      if (el.type === SELECT || el.type === PLURAL) {
        args.add(`${el.value}`);
        if (el.type === PLURAL) plurals.push({ arg: el.value!, forms: Object.keys(el.options ?? {}), ordinal: el.pluralType === 'ordinal' });
        for (const option of Object.values(el.options ?? {})) walk(option.value);
      }
    }
  };
  walk(ast);
  return { args: [...args].sort(), plurals };
}

/** Characters that show a message was written in the language, not left in English. */
const OWN_SCRIPT: Partial<Record<string, RegExp>> = {
  th: /[\u0E00-\u0E7F]/,
  lo: /[\u0E80-\u0EFF]/,
  my: /[\u1000-\u109F]/,
  km: /[\u1780-\u17FF]/,
  // Vietnamese is written in Latin letters: its tone marks and its own letters show it.
  vi: /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i,
};

/** Messages that are the same in every language: a symbol, a file type, a name. */
const SAME_EVERYWHERE = new Set<MessageKey>(['console.register.change.changed', 'audit.reasonGiven']);

describe('interface catalogs', () => {
  it('every language has every message, valid ICU with the same arguments as English', () => {
    for (const language of UI_LANGUAGES) {
      for (const key of keys) {
        const text = catalogs[language][key];
        expect(text, `${language} ${key}`).toBeTruthy();
        expect(shapeOf(text, language).args, `${language} ${key}`).toEqual(shapeOf(en[key], 'en').args);
      }
    }
  });

  it('plural forms are those the language’s own rules ask for, always with "other"', () => {
    for (const language of UI_LANGUAGES) {
      const cardinal = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
      for (const key of keys) {
        for (const plural of shapeOf(catalogs[language][key], language).plurals) {
          const where = `${language} ${key} {${plural.arg}}`;
          expect(plural.forms, where).toContain('other');
          const categories = plural.ordinal ? (new Intl.PluralRules(language, { type: 'ordinal' }).resolvedOptions().pluralCategories as string[]) : cardinal;
          for (const form of plural.forms)
            expect(form.startsWith('=') || categories.includes(form), `${where}: "${form}" is no plural form of ${language}`).toBe(true);
          // A form the language needs and the message lacks would fall back to "other" silently.
          for (const needed of categories) expect(plural.forms, `${where} lacks "${needed}"`).toContain(needed);
        }
      }
    }
  });

  it('each language’s messages are written in it, not left in English', () => {
    const leftInEnglish = UI_LANGUAGES.flatMap((language) => {
      const own = OWN_SCRIPT[language];
      return own ? keys.filter((key) => !SAME_EVERYWHERE.has(key) && !own.test(catalogs[language][key])).map((key) => `${language} ${key}`) : [];
    });
    expect(leftInEnglish).toEqual([]);
  });

  it('a count picks the plural form: one person, three people', () => {
    expect(translate('en', 'console.roster.checked', { count: 1 })).toBe('The list is correct: 1 person. Import it to add them.');
    expect(translate('en', 'console.roster.checked', { count: 3 })).toBe('The list is correct: 3 people. Import it to add them.');
    expect(translate('th', 'console.roster.checked', { count: 3 })).toMatch(/3 คน/);
    // Myanmar and Khmer counts in their own digits, as their dates.
    expect(translate('my', 'lock.blocked', { segments: 12, actionPoints: 3 })).toBe('မှတ်တမ်းကို သော့မခတ်မီ သဘောတူရန် ကျန်ရှိသည် - စာပိုဒ် ၁၂ ခု၊ ဆောင်ရွက်ရန်အချက် ၃ ခု');
    expect(translate('km', 'agenda.item', { number: 12 })).toBe('របៀបវារៈទី ១២');
  });

  it('has words for every problem a roster file can have', () => {
    for (const code of ROSTER_PROBLEM_CODES) expect(keys).toContain(`console.roster.problem.${code}`);
  });
});
