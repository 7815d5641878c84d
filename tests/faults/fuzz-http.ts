// Arbitraries for the HTTP fuzzer: requests a broken or hostile client could send to any
// route the API has (taken from the app itself, so a new route is fuzzed too): random and
// wrong methods, paths with real and made-up ids, query strings, bodies (random bytes, any
// JSON, deep nesting, real bodies with a field broken), content types, cookies, tokens and
// origins. Each case is abstract (indices into what exists at the time it is sent), so a
// run replays from its seed whatever ids the server handed out.
import fc from 'fast-check';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND'] as const;

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'text/plain;charset=UTF-8',
  'text/csv',
  'multipart/form-data',
  'multipart/form-data; boundary=----accordfuzz',
  'application/x-www-form-urlencoded',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/pdf',
  '',
  'application/json; charset=iso-8859-11',
  '*/*',
] as const;

const QUERY_KEYS = [
  'original',
  'version',
  'dryRun',
  'name',
  'party',
  'notJoined',
  'participant',
  'lang',
  'today',
  'series',
  'status',
  'overdue',
  'agency',
  'token',
  'x',
] as const;
const QUERY_VALUES = [
  'TH',
  'LA',
  'XX',
  '1',
  '2',
  '0',
  '-1',
  '1e309',
  'true',
  'false',
  'th',
  'lo',
  'en',
  '2025-07-01',
  '2025-02-30',
  'roster.xlsx',
  'roster.csv',
  '../../etc/passwd',
  '%00',
  '',
  'ก',
] as const;

/** Ids the server knows now: a path parameter is one of them, or made up. */
export interface FuzzTargets {
  meetingIds: string[];
  participantIds: string[];
  accountIds: string[];
  pointIds: string[];
  /** Credentials, each by how it is sent. */
  bearers: string[];
  participantCookies: string[];
  consoleCookies: string[];
  own: string;
}

/** Bodies of the right shape for some route, to be sent as they are or with a field broken. */
export type BodyTemplates = readonly Record<string, unknown>[];

export interface HttpCase {
  route: number;
  method: (typeof METHODS)[number] | 'own';
  params: number[];
  madeUp: string[];
  query: { key: string; value: string }[];
  body:
    | { kind: 'none' }
    | { kind: 'text'; text: string }
    | { kind: 'bytes'; bytes: Uint8Array }
    | { kind: 'template'; index: number; broken: { key: number; value: unknown } | null }
    | { kind: 'nested'; depth: number }
    | { kind: 'large'; bytes: number };
  contentType: number | null;
  credential: 'none' | 'bearer' | 'participant' | 'console' | 'both' | 'garbage-bearer' | 'garbage-cookie' | 'bare-bearer';
  credentialIndex: number;
  origin: 'none' | 'own' | 'elsewhere' | 'null';
  site: 'none' | 'same-origin' | 'same-site' | 'cross-site';
}

const ascii = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

export function httpCase(routeCount: number, templateCount: number): fc.Arbitrary<HttpCase> {
  const body = fc.oneof(
    { arbitrary: fc.constant({ kind: 'none' as const }), weight: 3 },
    { arbitrary: fc.json({ maxDepth: 4 }).map((text) => ({ kind: 'text' as const, text })), weight: 4 },
    { arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ kind: 'text' as const, text })), weight: 2 },
    { arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => ({ kind: 'bytes' as const, bytes })), weight: 2 },
    {
      arbitrary: fc
        .record({
          index: fc.nat(Math.max(0, templateCount - 1)),
          broken: fc.option(fc.record({ key: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }), { nil: null }),
        })
        .map((t) => ({ kind: 'template' as const, ...t })),
      weight: 5,
    },
    { arbitrary: fc.integer({ min: 1, max: 8000 }).map((depth) => ({ kind: 'nested' as const, depth })), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 3 * 1024 * 1024 }).map((bytes) => ({ kind: 'large' as const, bytes })), weight: 1 },
  );
  return fc.record({
    route: fc.nat(routeCount), // routeCount itself: a path no route has
    method: fc.oneof({ arbitrary: fc.constant('own' as const), weight: 4 }, { arbitrary: fc.constantFrom(...METHODS), weight: 1 }),
    params: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    madeUp: fc.array(fc.oneof(ascii(24), fc.string({ maxLength: 12 }), fc.constantFrom('..', '%2e%2e', '%00', 'a'.repeat(3000))), {
      minLength: 4,
      maxLength: 4,
    }),
    query: fc.array(fc.record({ key: fc.constantFrom(...QUERY_KEYS), value: fc.oneof(fc.constantFrom(...QUERY_VALUES), ascii(12)) }), { maxLength: 3 }),
    body,
    contentType: fc.option(fc.nat(CONTENT_TYPES.length - 1), { nil: null }),
    credential: fc.constantFrom('none', 'bearer', 'participant', 'console', 'both', 'garbage-bearer', 'garbage-cookie', 'bare-bearer'),
    credentialIndex: fc.nat(),
    origin: fc.constantFrom('none', 'own', 'elsewhere', 'null'),
    site: fc.constantFrom('none', 'same-origin', 'same-site', 'cross-site'),
  });
}

export interface Route {
  method: string;
  path: string;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string | undefined;
}

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

/** The request a case stands for, against what exists now. */
export function requestOf(c: HttpCase, routes: readonly Route[], templates: BodyTemplates, targets: FuzzTargets): FuzzRequest {
  const route = routes[c.route];
  let n = 0;
  const param = (ids: string[]) => {
    const i = n++;
    return encodeURIComponent((c.params[i]! % 4 === 0 ? undefined : pick(ids, c.params[i]!)) ?? c.madeUp[i]!);
  };
  const path = route
    ? route.path.replace(/:(\w+)/g, (_, name: string) =>
        param(
          name === 'id' ? targets.meetingIds : name === 'participantId' ? targets.participantIds : name === 'accountId' ? targets.accountIds : targets.pointIds,
        ),
      )
    : `/api/${c.madeUp.map(encodeURIComponent).join('/')}`;
  const query = new URLSearchParams(c.query.map((q) => [q.key, q.value])).toString();
  const method = c.method === 'own' ? (route?.method ?? 'GET') : c.method;

  const headers: Record<string, string> = {};
  const cookie = (cookies: string[]) => pick(cookies, c.credentialIndex);
  switch (c.credential) {
    case 'bearer':
      headers.authorization = `Bearer ${pick(targets.bearers, c.credentialIndex) ?? 'none'}`;
      break;
    case 'participant':
    case 'console':
    case 'both': {
      const jar = [c.credential !== 'console' && cookie(targets.participantCookies), c.credential !== 'participant' && cookie(targets.consoleCookies)];
      headers.cookie = jar.filter(Boolean).join('; ');
      break;
    }
    case 'garbage-bearer':
      headers.authorization = `Bearer ${c.madeUp[0]!.replace(/\s/g, '') || 'x'}`;
      break;
    case 'garbage-cookie':
      headers.cookie = `accord_session=${encodeURIComponent(c.madeUp[1]!)}; accord_console=%E0%A4%A; =;;`;
      break;
    case 'bare-bearer':
      headers.authorization = 'Bearer';
      break;
    default:
      break;
  }
  if (c.origin !== 'none') headers.origin = c.origin === 'own' ? targets.own : c.origin === 'elsewhere' ? 'http://127.0.0.1:18799' : 'null';
  if (c.site !== 'none') headers['sec-fetch-site'] = c.site;

  let body: Uint8Array<ArrayBuffer> | string | undefined;
  switch (c.body.kind) {
    case 'none':
      break;
    case 'text':
      body = c.body.text;
      break;
    case 'bytes':
      body = new Uint8Array(c.body.bytes);
      break;
    case 'template': {
      const template = { ...(templates[c.body.index % templates.length] ?? {}) };
      const broken = c.body.broken;
      if (broken) {
        const keys = Object.keys(template);
        const key = keys.length > 0 ? keys[broken.key % keys.length]! : 'x';
        if (broken.key % 3 === 0) delete template[key];
        else template[key] = broken.value;
      }
      body = JSON.stringify(template);
      break;
    }
    case 'nested':
      body = `${'['.repeat(c.body.depth)}${']'.repeat(c.body.depth)}`;
      break;
    case 'large':
      body = `{"pad":"${'x'.repeat(c.body.bytes)}"}`;
      break;
  }
  if (c.contentType !== null) headers['content-type'] = CONTENT_TYPES[c.contentType]!;
  if (method === 'GET' || method === 'HEAD') body = undefined; // fetch sends none on these
  return { method, url: `${targets.own}${path}${query ? `?${query}` : ''}`, headers, body };
}
