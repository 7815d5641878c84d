// The first steps of every console route: who is signed in to the console (an officer's
// session, or the administrator token), and for a meeting, whether they may see or edit
// it. A meeting an officer does not manage is answered as not there, and its log says so.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import { parse as parseCookies } from 'hono/utils/cookie';
import { consoleCan, type ConsoleAction } from '../../shared/console/policy';
import { OFFICER_COOKIE, resolveOfficer } from '../auth/principal';
import { officerManages } from '../auth/officer-access';
import { consoleUserOf, type ConsoleUser } from '../auth/console-user';
import { audit } from '../audit';
import type { Config } from '../config';
import type { Services } from '../services';
import type { MeetingRow, RecordRow } from '../storage/storage';
import { apiError, type AppEnv } from './env';

export interface ConsoleEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { user: ConsoleUser };
}

/**
 * The console user. A browser may also hold a participant's session (an officer who
 * opened an invitation link): on console routes the officer's own cookie decides.
 */
export async function findConsoleUser(c: Context<ConsoleEnv>, services: Services): Promise<ConsoleUser | null> {
  const principal = c.get('principal');
  if (principal?.kind === 'participant' && principal.sessionHash) {
    const token = parseCookies(c.req.header('cookie') ?? '')[OFFICER_COOKIE];
    return token ? consoleUserOf(await resolveOfficer(services.storage, token, services.now())) : null;
  }
  return consoleUserOf(principal);
}

/** Signed in to the console, with a password of their own: every console route but the session's. */
export const requireConsoleUser = (services: Services) =>
  createMiddleware<ConsoleEnv>(async (c, next) => {
    const user = await findConsoleUser(c, services);
    if (!user) return c.json(apiError('unauthorized', 'Sign in to the console first.'), 401);
    if (user.account?.mustChangePassword)
      return c.json(apiError('password_change_required', 'Choose a new password before anything else: the one you were given was for the first sign-in only.'), 403);
    c.set('user', user);
    await next();
  });

/** Only the administrator (token or account). */
export const requireAdministrator = createMiddleware<ConsoleEnv>(async (c, next) => {
  if (!c.get('user').administrator) return c.json(apiError('not_allowed', 'Only the administrator can do this.'), 403);
  await next();
});

export interface ConsoleMeeting {
  meeting: MeetingRow;
  record: RecordRow;
  user: ConsoleUser;
}

/** The meeting of `:id`, if the user may take `action` on it; else the refusal to send. */
export async function consoleMeeting(c: Context<ConsoleEnv>, services: Services, action: ConsoleAction): Promise<ConsoleMeeting | Response> {
  const user = c.get('user');
  const meeting = await services.storage.getMeeting(c.req.param('id') ?? '');
  const record = meeting && (await services.storage.getRecord(meeting.currentDocumentId));
  if (meeting && !record) throw new Error(`meeting ${meeting.id} has no current record`);
  const manages = meeting && user.account ? await officerManages(services.storage, user.account, meeting.id) : false;
  const standing = record ? { manages, state: record.state } : undefined;
  if (!meeting || !record || !consoleCan(user, 'seeMeeting', standing)) {
    if (meeting) await audit(services, meeting.id, user.actor, 'access.refused', { method: c.req.method, path: new URL(c.req.url).pathname });
    return c.json(apiError('not_found', 'There is no meeting here that you manage.'), 404);
  }
  if (!consoleCan(user, action, standing))
    return c.json(apiError('not_draft', `The record is ${record.state}: the meeting's facts and roster are set while it is a draft.`), 409);
  return { meeting, record, user };
}

/** The address a request came from, for the sign-in limits: the proxy's word only if trusted. */
export function clientAddress(c: Context, config: Config): string {
  if (config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export type { ConsoleUser };
