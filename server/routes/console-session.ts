// Signing in to the console: login and password for an http-only, SameSite=Strict
// session cookie (Secure behind TLS), sign-out, a password change, and the one-time
// setup link that sets a first password. Mounted at /api/console/session.
import { Hono } from 'hono';
import { validator } from './validator';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { passwordChange, setupLinkRequest, setupRequest, signInRequest } from '../../shared/console/accounts';
import { OFFICER_COOKIE } from '../auth/principal';
import { changePassword, completeSetup, setupLinkAccount } from '../commands/console/accounts';
import { signIn, signOut } from '../commands/console/sign-in';
import { presentAccount } from '../presenters/console/account';
import type { Services } from '../services';
import { doc } from './route-doc';
import { invalidBody, isHttps } from './http';
import { clientAddress, findConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

export function consoleSessionRoutes(services: Services) {
  const startSession = (c: Context, token: string, expires: Date) =>
    setCookie(c, OFFICER_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c, services.config), path: '/', expires });
  const officerOf = async (c: Context<ConsoleEnv>) => {
    const principal = (await findConsoleUser(c, services))?.principal;
    return principal?.kind === 'officer' ? principal : null;
  };

  return (
    new Hono<ConsoleEnv>()
      .post(
        '/',
        doc({ summary: 'Signs an officer in to the console', tag: 'Console: accounts' }),
        validator('json', signInRequest, invalidBody('invalid_sign_in')),
        async (c) => {
          const { login, password } = c.req.valid('json');
          const result = await signIn(services, login, password, clientAddress(c, services.config));
          if (!result.ok) return refuse(c, result.refusal);
          const { account, sessionToken, expiresAt } = result.value;
          startSession(c, sessionToken, expiresAt);
          return c.json({ account: presentAccount(account), mustChangePassword: account.mustChangePassword }, 201);
        },
      )
      .get('/', doc({ summary: 'Who is signed in to the console', tag: 'Console: accounts' }), async (c) => {
        const user = await findConsoleUser(c, services);
        if (!user) return refuse(c, { code: 'no-session', of: 'officer' });
        return c.json({ account: user.account ? presentAccount(user.account) : null, administrator: user.administrator, name: user.name }, 200);
      })
      .delete('/', doc({ summary: 'Signs the officer out', tag: 'Console: accounts' }), async (c) => {
        const officer = await officerOf(c);
        if (officer) await signOut(services, officer.account, officer.sessionHash);
        deleteCookie(c, OFFICER_COOKIE, { path: '/' });
        return c.body(null, 204);
      })
      .post(
        '/password',
        doc({ summary: 'Changes the officer’s password', tag: 'Console: accounts' }),
        validator('json', passwordChange, invalidBody('invalid_password_change')),
        async (c) => {
          const officer = await officerOf(c);
          if (!officer) return refuse(c, { code: 'unauthenticated', console: true });
          const { currentPassword, newPassword } = c.req.valid('json');
          const result = await changePassword(services, officer.account, officer.sessionHash, currentPassword, newPassword);
          if (!result.ok) return refuse(c, result.refusal);
          return c.json({ changed: true }, 200);
        },
      )
      // The setup page shows whose account the link sets up, and the login to sign in with, before a password is chosen.
      .post(
        '/setup/account',
        doc({ summary: 'Whose account a setup link sets up', tag: 'Console: accounts' }),
        validator('json', setupLinkRequest, invalidBody('invalid_setup')),
        async (c) => {
          const account = await setupLinkAccount(services, c.req.valid('json').token);
          if (!account) return refuse(c, { code: 'invalid-setup-link' });
          return c.json({ name: account.name, login: account.login }, 200);
        },
      )
      .post(
        '/setup',
        doc({ summary: 'Sets a first password with a setup link', tag: 'Console: accounts' }),
        validator('json', setupRequest, invalidBody('invalid_setup')),
        async (c) => {
          const { token, password } = c.req.valid('json');
          const result = await completeSetup(services, token, password);
          if (!result.ok) return refuse(c, result.refusal);
          return c.json({ account: presentAccount(result.value) }, 200);
        },
      )
  );
}
