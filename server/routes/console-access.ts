// The first steps of every console route: who is signed in to the console (an officer's
// session, or the administrator token), and for a meeting, what authorize() says they may
// do with it. A meeting an officer does not manage is answered as not there, and its log says so.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import { parse as parseCookies } from 'hono/utils/cookie';
import type { ConsoleMeetingAction } from '../../shared/console/policy';
import { OFFICER_COOKIE, resolveOfficer } from '../auth/principal';
import { consoleUserOf, type ConsoleUser } from '../auth/console-user';
import type { Config } from '../config';
import type { Services } from '../services';
import type { MeetingRow, RecordRow } from '../storage/storage';
import type { AppEnv } from './env';
import { authorize } from '../policies/authorize';
import type { DeploymentAction } from '../policies/refusal';
import { meetingAccess, refuse, type Refusing } from './meeting-access';

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
    if (!user) return refuse(c, { code: 'unauthenticated', console: true });
    if (user.account?.mustChangePassword) return refuse(c, { code: 'password-change-required' });
    c.set('user', user);
    await next();
  });

/** The deployment's own actions, as authorize() answers them: the administrator's (token or account). */
export const allowedTo = (action: DeploymentAction) =>
  createMiddleware<ConsoleEnv>(async (c, next) => {
    const refusal = authorize(c.get('user').principal, action, null);
    if (refusal) return refuse(c, refusal);
    await next();
  });

/** Accounts are the administrator's to manage. */
export const requireAdministrator = allowedTo('manageAccounts');

export interface ConsoleMeeting {
  meeting: MeetingRow;
  record: RecordRow;
  user: ConsoleUser;
}

/** The meeting of `:id`, if the console user may take `action` on it (authorize() decides); else the refusal sent. */
export async function consoleMeeting(c: Context<ConsoleEnv>, services: Services, action: ConsoleMeetingAction): Promise<ConsoleMeeting | Refusing> {
  const user = c.get('user');
  const access = await meetingAccess(c, services, action, { principal: user.principal });
  if (access instanceof Response) return access;
  return { meeting: access.meeting, record: access.record, user };
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
