// Secretariat accounts: made by the administrator, with either an initial password the
// officer must change at first sign-in, or a one-time setup link. Only hashes are kept:
// the password's (scrypt) and the setup token's (SHA-256).
import type { AccountInput } from '../../../shared/console/accounts';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { hashToken, newId, newToken } from '../../auth/tokens';
import type { Services } from '../../services';
import type { AccountRow } from '../../storage/storage';
import { refused, type CommandResult } from '../lifecycle-result';
import { auditDeployment } from './deployment-audit';

/** How long a setup link works. */
const SETUP_LINK_HOURS = 72;

export type CreatedAccount = CommandResult<{ account: AccountRow; setupToken: string | null }>;

export async function createAccount(services: Services, input: AccountInput, by: string): Promise<CreatedAccount> {
  const now = services.now();
  const setupToken = input.initialPassword ? null : newToken();
  const account: AccountRow = {
    id: newId(),
    login: input.login,
    name: input.name,
    email: input.email ?? null,
    party: input.party,
    role: input.role,
    passwordHash: input.initialPassword ? await hashPassword(input.initialPassword) : null,
    mustChangePassword: input.initialPassword !== undefined,
    setupTokenHash: setupToken ? hashToken(setupToken) : null,
    setupExpiresAt: setupToken ? new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000).toISOString() : null,
    createdAt: now.toISOString(),
    createdBy: by,
    disabledAt: null,
  };
  if (!(await services.storage.createAccount(account))) return refused({ code: 'login-taken' });
  await auditDeployment(services, by, 'account.created', {
    accountId: account.id,
    login: account.login,
    role: account.role,
    setup: setupToken ? 'link' : 'initial-password',
  });
  return { ok: true, value: { account, setupToken } };
}

/** A new setup link: the officer sets a (new) password with it. Any earlier link stops working. */
export async function issueSetupLink(services: Services, account: AccountRow, by: string): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(services.now().getTime() + SETUP_LINK_HOURS * 3_600_000).toISOString();
  await services.storage.setAccountSetupToken(account.id, hashToken(token), expiresAt);
  await auditDeployment(services, by, 'account.setup-link-issued', { accountId: account.id });
  return token;
}

/** The account a setup link sets up, while the link is good: used, expired or disabled, none. */
export async function setupLinkAccount(services: Services, token: string): Promise<AccountRow | null> {
  const account = await services.storage.findAccountBySetupToken(hashToken(token));
  if (!account || account.disabledAt || !account.setupExpiresAt || new Date(account.setupExpiresAt) <= services.now()) return null;
  return account;
}

/** Sets the password a setup link allows; answers the account, or that the link is not valid now. */
export async function completeSetup(services: Services, token: string, password: string): Promise<CommandResult<AccountRow>> {
  const account = await setupLinkAccount(services, token);
  if (!account) {
    await auditDeployment(services, 'anonymous', 'account.setup-refused', {
      accountId: (await services.storage.findAccountBySetupToken(hashToken(token)))?.id ?? null,
    });
    return refused({ code: 'invalid-setup-link' });
  }
  await services.storage.setAccountPassword(account.id, await hashPassword(password), false);
  // Whoever held a session before the password was set must sign in again.
  await services.storage.deleteOfficerSessionsOf(account.id);
  await auditDeployment(services, `officer:${account.id}`, 'account.password-set', { accountId: account.id, by: 'setup-link' });
  return { ok: true, value: { ...account, passwordHash: null, mustChangePassword: false, setupTokenHash: null, setupExpiresAt: null } };
}

export async function changePassword(
  services: Services,
  account: AccountRow,
  sessionHash: string,
  current: string,
  next: string,
): Promise<CommandResult<void>> {
  const actor = `officer:${account.id}`;
  if (!account.passwordHash || !(await verifyPassword(current, account.passwordHash))) {
    await auditDeployment(services, actor, 'account.password-change-refused', { accountId: account.id });
    return refused({ code: 'wrong-password' });
  }
  if (current === next) return refused({ code: 'same-password' });
  await services.storage.setAccountPassword(account.id, await hashPassword(next), false);
  await services.storage.deleteOfficerSessionsOf(account.id, sessionHash);
  await auditDeployment(services, actor, 'account.password-set', { accountId: account.id, by: 'change' });
  return { ok: true, value: undefined };
}

export async function disableAccount(services: Services, account: AccountRow, by: string): Promise<void> {
  await services.storage.disableAccount(account.id, services.now().toISOString());
  await auditDeployment(services, by, 'account.disabled', { accountId: account.id });
}
