// The one shape a refusal leaves the server in: a status, `{ error: { code, message, … } }`,
// and the headers it carries. server/presenters/refusal.ts says which refusal is which.
import { apiError, type ApiError } from '../routes/env';

export type RefusalStatus = 401 | 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** A refusal's answer: its status, its body, and the headers it carries (a throttle's Retry-After). */
export interface PresentedRefusal {
  status: RefusalStatus;
  body: ApiError & Record<string, unknown>;
  headers?: Record<string, string>;
}

export const say = (status: RefusalStatus, code: string, message: string, extra: Record<string, unknown> = {}): PresentedRefusal => ({
  status,
  body: { error: { ...apiError(code, message).error, ...extra } },
});

/** A client that waits as told is let in again: the header says when, in seconds. */
export const throttled = (retryAfterSeconds: number, message: string): PresentedRefusal => ({
  ...say(429, 'too_many_attempts', message),
  headers: { 'retry-after': String(retryAfterSeconds) },
});
