// The secretariat's console as a browser uses it: accounts made by the administrator,
// an officer signed in with a cookie, and calls carrying that cookie.
import { ADMIN_TOKEN, fixture } from './server';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(
  server: { url: string },
  credential: { cookie?: string; bearer?: string; address?: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (credential.cookie) headers.cookie = credential.cookie;
  if (credential.bearer) headers.authorization = `Bearer ${credential.bearer}`;
  if (credential.address) headers['x-forwarded-for'] = credential.address;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // HTML, CSV: left as text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export const admin = { bearer: ADMIN_TOKEN };

export const PASSWORD = 'correct horse battery staple';

/** The cookie pair (name=value) a response set, for the next requests. */
export const cookieOf = (answer: Answer) => answer.headers.get('set-cookie')?.split(';')[0] ?? '';

export async function signIn(server: { url: string }, login: string, password: string, address = '203.0.113.1'): Promise<Answer> {
  return call(server, { address }, 'POST', '/api/console/session', { login, password });
}

/** Each officer signs in from an address of their own, in turn (so no address's sign-in limit is met). */
let signIns = 0;

/** An officer of `party`, set up by a setup link, signed in: their cookie. */
export async function officer(server: { url: string }, login: string, party = 'TH', role = 'officer'): Promise<{ cookie: string; accountId: string }> {
  const made = await call(server, admin, 'POST', '/api/console/accounts', { name: `Officer ${login}`, login, party, role });
  if (made.status !== 201) throw new Error(`account refused: ${made.status} ${JSON.stringify(made.body)}`);
  const token = (made.body.setupLink as string).split('#')[1];
  const setup = await call(server, {}, 'POST', '/api/console/session/setup', { token, password: PASSWORD });
  if (setup.status !== 200) throw new Error(`setup refused: ${setup.status} ${JSON.stringify(setup.body)}`);
  const signed = await signIn(server, login, PASSWORD, `198.51.100.${(signIns++ % 200) + 1}`);
  if (signed.status !== 201) throw new Error(`sign-in refused: ${signed.status} ${JSON.stringify(signed.body)}`);
  return { cookie: cookieOf(signed), accountId: made.body.account.id };
}

/** A meeting in the CMM shape, changed by `patch` (CMM 03 from the CMM 04 fixture, say). */
export function meetingBody(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(fixture('cmm04-th-la') as Record<string, unknown>), ...patch };
}
