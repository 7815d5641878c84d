// RFC 8785, the JSON Canonicalization Scheme: one exact byte sequence for a JSON value,
// so that a hash or a signature over a record means the same thing to every reader.
// Numbers and strings are written as ECMAScript's JSON.stringify writes them (which is
// what the RFC specifies); object members are sorted by their names' UTF-16 code units.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class NotCanonicalizable extends Error {}

/** The canonical text of `value`. Throws on what is not I-JSON (NaN, lone surrogates, …). */
export function canonicalize(value: unknown): string {
  return write(value, '$');
}

/** The canonical bytes of `value`: its canonical text in UTF-8. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonicalizable(`${path}: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'string':
      return writeString(value, path);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
      return writeObject(value as Record<string, unknown>, path);
    default:
      throw new NotCanonicalizable(`${path}: a ${typeof value} is not JSON`);
  }
}

function writeObject(object: Record<string, unknown>, path: string): string {
  const prototype = Object.getPrototypeOf(object) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw new NotCanonicalizable(`${path}: not a plain object`);
  // The default sort compares UTF-16 code units, exactly as RFC 8785 §3.2.3 asks.
  const names = Object.keys(object).sort();
  const members: string[] = [];
  for (const name of names) {
    const member = object[name];
    if (member === undefined) throw new NotCanonicalizable(`${path}.${name}: undefined is not JSON`);
    members.push(`${writeString(name, path)}:${write(member, `${path}.${name}`)}`);
  }
  return `{${members.join(',')}}`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw new NotCanonicalizable(`${path}: a string holds a lone surrogate`);
  return JSON.stringify(value);
}

/** Replaces lone surrogates (which a broken paste can leave in text) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}
