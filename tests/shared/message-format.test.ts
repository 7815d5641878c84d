// Accord formats messages with its own small ICU MessageFormat (shared/i18n/message-format.ts),
// not FormatJS's parser: every message of every catalog, the interface's (client/i18n) and an
// original's (shared/wording), must parse there and format exactly as intl-messageformat
// formats it, for numbers across every plural form and for every select option.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogs, UI_LANGUAGES } from '../../client/i18n/catalogs';
import { localeOf } from '../../shared/i18n/locale';
import { formatMessage, MessageSyntaxError, parseMessage } from '../../shared/i18n/message-format';
import { MESSAGES } from '../../shared/wording/catalog';
import { WORDING_LANGUAGES } from '../../shared/wording/languages';

type Parsed = ReturnType<typeof parseMessage>;

/** Each argument the message takes: a number, or a select's option keys, or plain text. */
function argumentsOf(parts: Parsed, into = new Map<string, { numeric: boolean; choices: string[] }>()) {
  for (const part of parts) {
    if (typeof part === 'string' || part.kind === 'pound') continue;
    const seen = into.get(part.name) ?? { numeric: false, choices: [] };
    if (part.kind === 'number' || part.kind === 'plural') seen.numeric = true;
    if (part.kind === 'select') seen.choices.push(...part.options.keys());
    into.set(part.name, seen);
    if (part.kind === 'plural' || part.kind === 'select') for (const option of part.options.values()) argumentsOf(option, into);
  }
  return into;
}

const NUMBERS = [0, 1, 2, 3, 4, 5, 7, 11, 12, 21, 22, 101, 1234];

/** Every catalog: the interface's six languages, and the eight of an original's words. */
const CATALOGS: [string, Record<string, string>][] = [
  ...UI_LANGUAGES.map((language) => [`interface ${language}`, catalogs[language]] as [string, Record<string, string>]),
  ...WORDING_LANGUAGES.map((language) => [`original ${language}`, MESSAGES[language]] as [string, Record<string, string>]),
];

describe('the message formatter', () => {
  it('formats every message of every catalog as intl-messageformat does', () => {
    let compared = 0;
    for (const [name, catalog] of CATALOGS) {
      const locale = localeOf(name.split(' ')[1]!);
      for (const [key, message] of Object.entries(catalog)) {
        const parts = parseMessage(message);
        const reference = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
        const args = [...argumentsOf(parts)];
        const variants: Record<string, string | number>[] = [];
        for (const n of NUMBERS)
          for (const choice of new Set(args.flatMap(([, a]) => [...a.choices, 'something-else']).concat(['x'])))
            variants.push(Object.fromEntries(args.map(([name, a]) => [name, a.numeric ? n : a.choices.length > 0 ? choice : `‹${name}›`])));
        for (const values of variants) {
          expect(formatMessage(parts, locale, values), `${name} ${key} ${JSON.stringify(values)}`).toBe(String(reference.format(values)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('keeps ICU’s apostrophes: doubled is one, before a brace it quotes', () => {
    for (const message of ["it''s {n}", "'{literal}' {n}", "{n, plural, one {'#' is #} other {# of '{them}'}}", 'don’t {n, number}'])
      for (const n of [1, 2])
        expect(formatMessage(parseMessage(message), 'en', { n }), message).toBe(String(new IntlMessageFormat(message, 'en').format({ n })));
  });

  it('refuses what the catalogs do not use, and a value left out throws', () => {
    for (const message of ['{n, date}', '{n, selectordinal, one {#st} other {#th}}', '{n, plural, offset:1 other {#}}', '{n, plural, one {x}}', 'a } b', '{n'])
      expect(() => parseMessage(message), message).toThrow(MessageSyntaxError);
    expect(() => formatMessage(parseMessage('{n} people'), 'en', {})).toThrow();
  });
});
