// Secretariat accounts, managed by the administrator (the bearer token, or an account
// with the administrator role): create, list, a new setup link, disable; and the
// deployment's audit log. Mounted at /api/console.
import { Hono } from 'hono';
import { validator } from './validator';
import { accountInput } from '../../shared/console/accounts';
import { createAccount, disableAccount, issueSetupLink } from '../commands/console/accounts';
import { DEPLOYMENT_LOG } from '../commands/console/deployment-audit';
import { presentAccount, setupLink } from '../presenters/console/account';
import { checkedAudit } from '../audit';
import type { Services } from '../services';
import { doc } from './route-doc';
import { baseUrl, invalidBody } from './http';
import { allowedTo, requireAdministrator, requireConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

export function consoleAccountRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);
  const findAccount = (id: string) => services.storage.getAccount(id);

  return new Hono<ConsoleEnv>()
    .post(
      '/accounts',
      doc({ summary: 'Creates a secretariat account (administrator)', tag: 'Console: accounts' }),
      signedIn,
      requireAdministrator,
      validator('json', accountInput, invalidBody('invalid_account')),
      async (c) => {
        const created = await createAccount(services, c.req.valid('json'), c.get('user').actor);
        if (!created.ok) return refuse(c, created.refusal);
        const { account, setupToken } = created.value;
        const link = setupToken ? setupLink(baseUrl(c, services.config), setupToken) : null;
        return c.json({ account: presentAccount(account), setupLink: link }, 201);
      },
    )
    .get('/accounts', doc({ summary: 'Every account (administrator)', tag: 'Console: accounts' }), signedIn, requireAdministrator, async (c) => {
      return c.json({ accounts: (await services.storage.listAccounts()).map(presentAccount) }, 200);
    })
    .post(
      '/accounts/:accountId/setup-link',
      doc({ summary: 'A new setup link for an account (administrator)', tag: 'Console: accounts' }),
      signedIn,
      requireAdministrator,
      async (c) => {
        const account = await findAccount(c.req.param('accountId'));
        if (!account) return refuse(c, { code: 'not-found', what: 'account' });
        if (account.disabledAt) return refuse(c, { code: 'account-disabled' });
        const token = await issueSetupLink(services, account, c.get('user').actor);
        return c.json({ account: presentAccount(account), setupLink: setupLink(baseUrl(c, services.config), token) }, 201);
      },
    )
    .post(
      '/accounts/:accountId/disable',
      doc({ summary: 'Disables an account (administrator)', tag: 'Console: accounts' }),
      signedIn,
      requireAdministrator,
      async (c) => {
        const account = await findAccount(c.req.param('accountId'));
        if (!account) return refuse(c, { code: 'not-found', what: 'account' });
        await disableAccount(services, account, c.get('user').actor);
        return c.json({ account: presentAccount({ ...account, disabledAt: account.disabledAt ?? services.now().toISOString() }) }, 200);
      },
    )
    .get(
      '/audit',
      doc({ summary: 'The deployment’s audit log (administrator)', tag: 'Console: accounts' }),
      signedIn,
      allowedTo('readDeploymentAudit'),
      async (c) => {
        const { entries, check } = await checkedAudit(services, DEPLOYMENT_LOG);
        return c.json(
          {
            intact: check.intact,
            brokenAt: check.firstBrokenSeq,
            problems: check.problems,
            head: check.head,
            entries: entries.map(({ seq, at, actor, action, detail }) => ({ seq, at, actor, action, detail })),
          },
          200,
        );
      },
    );
}
