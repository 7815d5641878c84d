// Signing in to the console: login and password for an http-only, SameSite=Strict
// session cookie (Secure behind TLS), sign-out, a password change, and the one-time
// setup link that sets a first password. Mounted at /api/console/session.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { passwordChange, setupLinkRequest, setupRequest, signInRequest } from '../../shared/console/accounts';
import { OFFICER_COOKIE } from '../auth/principal';
import { changePassword, completeSetup, setupLinkAccount } from '../commands/console/accounts';
import { signIn, signOut } from '../commands/console/sign-in';
import { presentAccount } from '../presenters/console/account';
import type { Services } from '../services';
import { apiError } from './env';
import { invalidBody, isHttps } from './http';
import { clientAddress, findConsoleUser, type ConsoleEnv } from './console-access';

export function consoleSessionRoutes(services: Services) {
  const startSession = (c: Context, token: string, expires: Date) =>
    setCookie(c, OFFICER_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c, services.config), path: '/', expires });
  const officerOf = async (c: Context<ConsoleEnv>) => {
    const principal = (await findConsoleUser(c, services))?.principal;
    return principal?.kind === 'officer' ? principal : null;
  };

  return (
    new Hono<ConsoleEnv>()
      .post('/', zValidator('json', signInRequest, invalidBody('invalid_sign_in')), async (c) => {
        const { login, password } = c.req.valid('json');
        const result = await signIn(services, login, password, clientAddress(c, services.config));
        if (!result.ok && result.why === 'throttled') {
          c.header('retry-after', String(result.retryAfterSeconds));
          const minutes = Math.ceil(result.retryAfterSeconds / 60);
          return c.json(apiError('too_many_attempts', `Too many failed sign-ins: wait ${minutes} minutes, or ask the administrator for a setup link.`), 429);
        }
        if (!result.ok) return c.json(apiError('wrong_credentials', 'The login or the password is not right.'), 401);
        startSession(c, result.sessionToken, result.expiresAt);
        return c.json({ account: presentAccount(result.account), mustChangePassword: result.account.mustChangePassword }, 201);
      })
      .get('/', async (c) => {
        const user = await findConsoleUser(c, services);
        if (!user) return c.json(apiError('unauthorized', 'Not signed in to the console.'), 401);
        return c.json({ account: user.account ? presentAccount(user.account) : null, administrator: user.administrator, name: user.name }, 200);
      })
      .delete('/', async (c) => {
        const officer = await officerOf(c);
        if (officer) await signOut(services, officer.account, officer.sessionHash);
        deleteCookie(c, OFFICER_COOKIE, { path: '/' });
        return c.body(null, 204);
      })
      .post('/password', zValidator('json', passwordChange, invalidBody('invalid_password_change')), async (c) => {
        const officer = await officerOf(c);
        if (!officer) return c.json(apiError('unauthorized', 'Sign in to the console first.'), 401);
        const { currentPassword, newPassword } = c.req.valid('json');
        const outcome = await changePassword(services, officer.account, officer.sessionHash, currentPassword, newPassword);
        if (outcome === 'wrong_password') return c.json(apiError('wrong_password', 'The current password is not right; nothing was changed.'), 403);
        if (outcome === 'same_password') return c.json(apiError('same_password', 'Choose a password other than the one you were given.'), 400);
        return c.json({ changed: true }, 200);
      })
      // The setup page shows whose account the link sets up, and the login to sign in with, before a password is chosen.
      .post('/setup/account', zValidator('json', setupLinkRequest, invalidBody('invalid_setup')), async (c) => {
        const account = await setupLinkAccount(services, c.req.valid('json').token);
        if (!account)
          return c.json(
            apiError('invalid_setup_link', 'This setup link is not valid, was used already, or has expired. Ask the administrator for a new one.'),
            401,
          );
        return c.json({ name: account.name, login: account.login }, 200);
      })
      .post('/setup', zValidator('json', setupRequest, invalidBody('invalid_setup')), async (c) => {
        const { token, password } = c.req.valid('json');
        const account = await completeSetup(services, token, password);
        if (!account)
          return c.json(
            apiError('invalid_setup_link', 'This setup link is not valid, was used already, or has expired. Ask the administrator for a new one.'),
            401,
          );
        return c.json({ account: presentAccount(account) }, 200);
      })
  );
}
