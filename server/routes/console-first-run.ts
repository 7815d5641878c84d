// The console's first run: whether it is still waiting for its administrator, and the
// form that makes them with the code `npm start` printed. Mounted at /api/console/first-run.
import { Hono } from 'hono';
import { validator } from './validator';
import { setCookie } from 'hono/cookie';
import { firstRunRequest } from '../../shared/console/accounts';
import { OFFICER_COOKIE } from '../auth/principal';
import { completeFirstRun, firstRunIsOpen } from '../commands/console/first-run';
import { presentAccount } from '../presenters/console/account';
import type { Services } from '../services';
import { doc } from './route-doc';
import { invalidBody, isHttps } from './http';
import { clientAddress, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

export function consoleFirstRunRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', doc({ summary: 'Whether a set-up code is waiting', tag: 'Console: accounts' }), async (c) =>
      c.json({ open: await firstRunIsOpen(services) }, 200),
    )
    .post(
      '/',
      doc({ summary: 'Makes the administrator’s account with the printed set-up code', tag: 'Console: accounts' }),
      validator('json', firstRunRequest, invalidBody('invalid_first_run')),
      async (c) => {
        const result = await completeFirstRun(services, c.req.valid('json'), clientAddress(c, services.config));
        if (!result.ok) return refuse(c, result.refusal);
        const { account, sessionToken, expiresAt } = result.value;
        setCookie(c, OFFICER_COOKIE, sessionToken, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: isHttps(c, services.config),
          path: '/',
          expires: expiresAt,
        });
        return c.json({ account: presentAccount(account) }, 201);
      },
    );
}
