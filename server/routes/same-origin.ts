// A browser sends this site's cookies with whatever another page makes it request: a form,
// an image, a script's fetch. SameSite=Strict does not stop a page of the same site on
// another port (http://127.0.0.1:18799 is the same site as http://127.0.0.1:8787). So a
// request that may change something, and does not carry its own credential (a Bearer token,
// which no other page can add), must come from Accord's own pages and speak JSON (or one of
// the documented uploads), which a form cannot send; and no other page may even read an API
// answer with the user's cookie, except by following a link to it.
//
// Whether a request comes from our own pages is decided in server/policies/origin.ts, for the
// API and the sync socket alike; this middleware asks it and answers.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { BEARER } from '../auth/principal';
import type { Config } from '../config';
import { log } from '../log';
import { fromOwnPages, mayReadFrom, type RequestSource } from '../policies/origin';
import type { Refusal } from '../policies/refusal';
import { presentRefusal } from '../presenters/refusal';
import { refuse } from './meeting-access';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** The content types a route takes besides JSON: its documented uploads. */
export interface Uploads {
  path: RegExp;
  types: RegExp;
}

const DOCUMENTED_UPLOADS: readonly Uploads[] = [
  // A roster file: CSV or XLSX as the body, or in a form (docs/api.md).
  {
    path: /^\/api\/console\/meetings\/[^/]+\/roster$/,
    types:
      /^(text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/vnd\.ms-excel|application\/octet-stream|multipart\/form-data)\s*(;|$)/i,
  },
  // A Word draft of the agenda or minutes, as the body.
  {
    path: /^\/api\/console\/(meetings\/[^/]+\/)?word-draft$/,
    types: /^(application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/octet-stream)\s*(;|$)/i,
  },
  // A bundle to check, or the exported original (PDF or Word) that carries it.
  {
    path: /^\/api\/verify$/,
    types: /^(application\/pdf|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/octet-stream)\s*(;|$)/i,
  },
];

/** What the request says of where it comes from, for server/policies/origin.ts to judge. */
const sourceOf = (c: Context): RequestSource => ({
  site: c.req.header('sec-fetch-site'),
  mode: c.req.header('sec-fetch-mode'),
  origin: c.req.header('origin'),
  host: c.req.header('host'),
});

export const sameOriginOnly = (config: Config, uploads: readonly Uploads[] = DOCUMENTED_UPLOADS) =>
  createMiddleware(async (c, next) => {
    if (BEARER.test(c.req.header('authorization') ?? '')) return next();
    const path = c.req.path;
    if (READS.has(c.req.method)) {
      if (!mayReadFrom(sourceOf(c), Boolean(c.req.header('cookie')))) return refused(c, { code: 'cross-origin', reading: true });
      return next();
    }
    if (!fromOwnPages(sourceOf(c), config.publicUrl)) return refused(c, { code: 'cross-origin', reading: false });
    const type = c.req.header('content-type');
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
    const typeOk = type === undefined ? !hasBody : JSON_TYPE.test(type) || uploads.some((u) => u.path.test(path) && u.types.test(type));
    if (!typeOk) return refused(c, { code: 'unsupported-type' });
    return next();
  });

/** Noted in the server's log (nobody is known yet, so no meeting's), and answered by the one presenter. */
function refused(c: Context, refusal: Refusal) {
  log.warn('http.request-refused', {
    method: c.req.method,
    path: c.req.path,
    code: presentRefusal(refusal).body.error.code,
    origin: c.req.header('origin') ?? null,
    site: c.req.header('sec-fetch-site') ?? null,
  });
  return refuse(c, refusal);
}
