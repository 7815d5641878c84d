// The console's first run: whether it is still waiting for its administrator, and the
// form that makes them with the code `npm start` printed. Mounted at /api/console/first-run.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { setCookie } from 'hono/cookie';
import { firstRunRequest } from '../../shared/console/accounts';
import { OFFICER_COOKIE } from '../auth/principal';
import { completeFirstRun, firstRunIsOpen } from '../commands/console/first-run';
import { presentAccount } from '../presenters/console/account';
import type { Services } from '../services';
import { apiError } from './env';
import { invalidBody, isHttps } from './http';
import { clientAddress, type ConsoleEnv } from './console-access';

export function consoleFirstRunRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', async (c) => c.json({ open: await firstRunIsOpen(services) }, 200))
    .post('/', zValidator('json', firstRunRequest, invalidBody('invalid_first_run')), async (c) => {
      const result = await completeFirstRun(services, c.req.valid('json'), clientAddress(c, services.config));
      if (!result.ok && result.why === 'throttled') {
        c.header('retry-after', String(result.retryAfterSeconds));
        return c.json(apiError('too_many_attempts', 'Too many wrong codes: wait 15 minutes, or restart the server for a new code.'), 429);
      }
      if (!result.ok && result.why === 'login_taken') return c.json(apiError('login_taken', 'Another account already signs in with this login.'), 409);
      if (!result.ok) return c.json(apiError('wrong_code', 'This is not the set-up code the server printed at its last start, or it was used already.'), 401);
      setCookie(c, OFFICER_COOKIE, result.sessionToken, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c, services.config),
        path: '/',
        expires: result.expiresAt,
      });
      return c.json({ account: presentAccount(result.account) }, 201);
    });
}
