// Every request body has a ceiling, checked before any of it is parsed: from its declared
// length at once, else as it streams in. Before sign-in a body holds a token, or a login and
// a password, so it is small; nobody may make the server hold a large one without being
// someone. Signed in, a body holds at most a meeting; a roster file and a bundle to check
// have their own (the roster route checks its file again, with its own message).
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { refuse } from './meeting-access';

export const BODY_LIMITS = {
  /** No credential: an invitation token, or a login and a password. */
  anonymous: 16 * 1024,
  /** A participant, an officer or the administrator: a whole meeting as JSON. */
  signedIn: 2 * 1024 * 1024,
  /** `POST /api/verify`, for anyone: a signed bundle, or the original PDF that carries it. */
  verify: 16 * 1024 * 1024,
  /** A Word draft of the agenda or minutes, signed in (the route checks its own 10 MB again). */
  wordDraft: 10 * 1024 * 1024,
} as const;

const WORD_DRAFT = /^\/api\/console\/(meetings\/[^/]+\/)?word-draft$/;

const tooLarge = (limit: number) => (c: Context) => {
  // Not read, and not kept alive to be read: the sender may go on sending.
  c.header('connection', 'close');
  return refuse(c, { code: 'too-large', what: 'body', bytes: limit });
};

const limits = {
  anonymous: bodyLimit({ maxSize: BODY_LIMITS.anonymous, onError: tooLarge(BODY_LIMITS.anonymous) }),
  signedIn: bodyLimit({ maxSize: BODY_LIMITS.signedIn, onError: tooLarge(BODY_LIMITS.signedIn) }),
  verify: bodyLimit({ maxSize: BODY_LIMITS.verify, onError: tooLarge(BODY_LIMITS.verify) }),
  wordDraft: bodyLimit({ maxSize: BODY_LIMITS.wordDraft, onError: tooLarge(BODY_LIMITS.wordDraft) }),
};

/** After the principal is known: the ceiling that fits who is asking and where. */
export const bodyLimits = createMiddleware<AppEnv>((c, next) => {
  if (c.req.path === '/api/verify') return limits.verify(c, next);
  if (c.get('principal') && WORD_DRAFT.test(c.req.path)) return limits.wordDraft(c, next);
  return (c.get('principal') ? limits.signedIn : limits.anonymous)(c, next);
});

/** Outside the API nothing takes a body. */
export const noBody = bodyLimit({ maxSize: 0, onError: tooLarge(0) });
