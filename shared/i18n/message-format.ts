// The one message syntax of Accord, for the interface (client/i18n) and for the fixed words of
// an original (shared/wording): the part of ICU MessageFormat the catalogs use, formatted with
// the runtime's own Intl (the browser's, or Node's for an export): `{name}`, `{count, number}`,
// `{count, plural, =0 {…} one {# …} other {# …}}` with each language's plural rules
// (Intl.PluralRules), and `{kind, select, a {…} other {…}}`, with ICU's apostrophe quoting.
// The full FormatJS parser weighs some 9 kB of compressed JavaScript on every first load for
// constructs the catalogs never use; the formatter test checks that every message of every
// catalog, the interface's and the originals', formats here exactly as intl-messageformat
// formats it, and that no message uses anything else.
export type Values = Record<string, string | number> | undefined;

type Part =
  | string
  | { kind: 'arg'; name: string }
  | { kind: 'number'; name: string }
  | { kind: 'pound' }
  | { kind: 'plural'; name: string; options: Map<string, Part[]> }
  | { kind: 'select'; name: string; options: Map<string, Part[]> };

export class MessageSyntaxError extends Error {}

/** Parses `message`; throws MessageSyntaxError on anything outside the subset. */
export function parseMessage(message: string): Part[] {
  let at = 0;
  const fail = (what: string): never => {
    throw new MessageSyntaxError(`${what} at ${at} in: ${message}`);
  };
  const space = () => {
    while (at < message.length && /\s/.test(message[at]!)) at++;
  };
  const word = (): string => {
    const start = at;
    while (at < message.length && /[^\s{},]/.test(message[at]!)) at++;
    if (at === start) fail('a name expected');
    return message.slice(start, at);
  };
  const parts = (inPlural: boolean, nested: boolean): Part[] => {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (at < message.length) {
      const c = message[at]!;
      if (c === "'") {
        const next = message[at + 1];
        if (next === "'") {
          text += "'";
          at += 2;
        } else if (next === '{' || next === '}' || (inPlural && next === '#')) {
          // Quoted literal text up to the next lone apostrophe.
          at++;
          while (at < message.length) {
            if (message[at] === "'" && message[at + 1] === "'") {
              text += "'";
              at += 2;
            } else if (message[at] === "'") {
              at++;
              break;
            } else text += message[at++];
          }
        } else {
          text += c;
          at++;
        }
      } else if (c === '{') {
        flush();
        at++;
        out.push(argument());
      } else if (c === '}') {
        if (!nested) fail('an unmatched }');
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push({ kind: 'pound' });
        at++;
      } else {
        text += c;
        at++;
      }
    }
    flush();
    return out;
  };
  const argument = (): Part => {
    space();
    const name = word();
    space();
    if (message[at] === '}') {
      at++;
      return { kind: 'arg', name };
    }
    if (message[at] !== ',') fail('"," or "}" expected');
    at++;
    space();
    const type = word();
    space();
    if (type === 'number') {
      if (message[at] !== '}') fail('a plain {name, number} expected');
      at++;
      return { kind: 'number', name };
    }
    if (type !== 'plural' && type !== 'select') return fail(`an argument type the catalogs do not use (${type})`);
    const kind: 'plural' | 'select' = type;
    if (message[at] !== ',') fail('"," expected');
    at++;
    const options = new Map<string, Part[]>();
    for (;;) {
      space();
      if (message[at] === '}') {
        at++;
        break;
      }
      const key = word();
      if (type === 'plural' && key.startsWith('offset:')) fail('plural offsets are not used');
      space();
      if (message[at] !== '{') fail('"{" expected');
      at++;
      options.set(key, parts(type === 'plural', true));
      if (message[at] !== '}') fail('"}" expected');
      at++;
    }
    if (!options.has('other')) fail('an "other" option is required');
    return { kind, name, options };
  };
  const parsed = parts(false, false);
  if (at < message.length) fail('unexpected }');
  return parsed;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const cached = <T>(cache: Map<string, T>, locale: string, make: () => T): T => {
  let made = cache.get(locale);
  if (!made) cache.set(locale, (made = make()));
  return made;
};

/** Formats a parsed message; a value left out throws, as intl-messageformat's does. */
export function formatMessage(parts: Part[], locale: string, values: Values, pound?: number): string {
  const value = (name: string) => {
    if (!values || !(name in values)) throw new Error(`The value of {${name}} is missing`);
    return values[name]!;
  };
  const number = (n: number) => cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(n);
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part.kind === 'arg') out += String(value(part.name));
    else if (part.kind === 'number') out += number(Number(value(part.name)));
    else if (part.kind === 'pound') out += pound === undefined ? '#' : number(pound);
    else if (part.kind === 'select') {
      const chosen = part.options.get(String(value(part.name))) ?? part.options.get('other')!;
      out += formatMessage(chosen, locale, values, pound);
    } else {
      const n = Number(value(part.name));
      const exact = part.options.get(`=${n}`);
      const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n);
      out += formatMessage(exact ?? part.options.get(category) ?? part.options.get('other')!, locale, values, n);
    }
  }
  return out;
}
