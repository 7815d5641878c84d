// The one way the client calls the HTTP API: Hono's `hc`, typed end to end by the server's
// own routes (`AppType`, a type only: no server code reaches the browser; tests/client/
// server-imports.test.ts holds every import of server/ to `import type`). What a route
// answers is what its handler's `c.json` says, so no answer is declared twice. The session
// or console cookie rides along (same origin); a refusal is thrown as an ApiFailure (or the
// failure the caller makes of it) carrying the server's code, so the screen can say it in
// the reader's language; a server out of reach is status 0.
import { hc, type ClientResponse } from 'hono/client';
import type { StatusCode, SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app';

/** The API's routes, as `server.api.meetings[':id'].agreement.$post({ param, json })`. */
export const server = hc<AppType>('/', { init: { credentials: 'same-origin' } });

/** Path parameters as the address carries them: hc puts them in as given, so they are encoded here (the server decodes them). */
export const params = <T extends Record<string, string>>(values: T): T =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, encodeURIComponent(value)])) as T;

/** A refused or failed call: `status` 0 means the server could not be reached. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What else the refusal names: the meeting that exists, the parties to choose from… */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

/** What a refused answer carried: its status and its `error` object, whole. */
export interface Refused {
  status: number;
  statusText: string;
  error: { code?: unknown; message?: unknown } & Record<string, unknown>;
}

/** The answer of a success status, as the route typed it; answers a route did not type (a refusal passed through) are not among them. */
type Answered<R> = R extends ClientResponse<infer O, infer S, infer _F> ? (StatusCode extends S ? never : S extends SuccessStatusCode ? O : never) : never;

/** What `call` answers for a request made with `server`. */
export type AnswerOf<F extends (...args: never[]) => Promise<unknown>> = Answered<Awaited<ReturnType<F>>>;

const failure = ({ status, statusText, error }: Refused) =>
  new ApiFailure(status, typeof error.code === 'string' ? error.code : 'http_error', typeof error.message === 'string' ? error.message : statusText, error);

/**
 * Makes the request and answers its JSON, typed by the route; 204 answers null. A refusal is
 * thrown as `refused` makes it (an ApiFailure unless the caller says otherwise).
 */
export async function call<R>(request: () => Promise<R>, refused: (r: Refused) => Error = failure): Promise<Answered<R>> {
  let response: Response;
  try {
    response = (await request()) as Response;
  } catch (err) {
    throw refused({ status: 0, statusText: 'unreachable', error: { code: 'unreachable', message: err instanceof Error ? err.message : String(err) } });
  }
  if (response.status === 204) return null as Answered<R>;
  const payload = (await response.json().catch(() => null)) as { error?: Refused['error'] } | null;
  if (!response.ok) throw refused({ status: response.status, statusText: response.statusText, error: payload?.error ?? {} });
  return payload as Answered<R>;
}

/** Makes the request and answers its text (a page the server made): a refusal is thrown as by `call`. */
export async function callForText(request: () => Promise<unknown>): Promise<string> {
  let response: Response;
  try {
    response = (await request()) as Response;
  } catch (err) {
    throw failure({ status: 0, statusText: 'unreachable', error: { code: 'unreachable', message: err instanceof Error ? err.message : String(err) } });
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: Refused['error'] } | null;
    throw failure({ status: response.status, statusText: response.statusText, error: payload?.error ?? {} });
  }
  return response.text();
}
