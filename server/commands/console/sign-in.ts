// An officer signs in with login and password. The attempt is weighed and noted before the
// password is hashed, in one atomic step per login and address (shared/console/sign-in-limits.ts),
// so parallel guesses are judged one after the other and a refused one costs no hash; a
// success takes its note back. Every attempt is in the deployment log (never the password,
// never the login typed for an unknown account beyond its text).
import { admitSignIn, SIGN_IN_LIMITS } from '../../../shared/console/sign-in-limits';
import { DECOY_HASH, verifyPassword } from '../../auth/passwords';
import { hashToken, newToken } from '../../auth/tokens';
import type { Services } from '../../services';
import type { AccountRow } from '../../storage/storage';
import { refused, type CommandResult } from '../lifecycle-result';
import { auditDeployment } from './deployment-audit';

export { SIGN_IN_LIMITS };

const OFFICER_SESSION_HOURS = 12;

/** The account signed in, and its new session. */
export interface SignedIn {
  account: AccountRow;
  sessionToken: string;
  expiresAt: Date;
}

const accountKey = (login: string) => `login:${login}`;
const addressKey = (address: string) => `address:${address}`;

export async function signIn(services: Services, login: string, password: string, address: string): Promise<CommandResult<SignedIn>> {
  const now = services.now();
  const at = now.toISOString();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString();
  const admission = await services.storage.reserveSignInAttempt([accountKey(login), addressKey(address)], since, at, ([byLogin, byAddress]) =>
    admitSignIn(byLogin!, byAddress!, now),
  );
  const account = await services.storage.findAccountByLogin(login);
  const actor = account ? `officer:${account.id}` : 'anonymous';
  const who = { login: account ? login : null, address };
  if (!admission.admit) {
    await auditDeployment(services, actor, 'sign-in.throttled', { ...who, limit: admission.limit, retryAfterSeconds: admission.retryAfterSeconds });
    return refused({ code: 'too-many-sign-ins', retryAfterSeconds: admission.retryAfterSeconds });
  }

  // The same work whether or not the login names anyone: the answer's timing tells nothing.
  const matches = await verifyPassword(password, account?.passwordHash ?? DECOY_HASH);
  if (!account?.passwordHash || account.disabledAt || !matches) {
    // The attempt noted above stays, as this failure.
    const reason = !account ? 'unknown-login' : account.disabledAt ? 'disabled' : !account.passwordHash ? 'no-password-yet' : 'wrong-password';
    await auditDeployment(services, actor, 'sign-in.failed', { ...who, reason });
    return refused({ code: 'wrong-credentials' });
  }

  await services.storage.clearSignInFailures(accountKey(login));
  await services.storage.releaseSignInAttempt(addressKey(address), at);
  const session = await startOfficerSession(services, account);
  await auditDeployment(services, actor, 'sign-in.succeeded', { ...who, mustChangePassword: account.mustChangePassword });
  return { ok: true, value: { account, ...session } };
}

/** A new console session for the account: its token (for the cookie, never stored) and its end. */
export async function startOfficerSession(services: Services, account: AccountRow): Promise<{ sessionToken: string; expiresAt: Date }> {
  const now = services.now();
  const sessionToken = newToken();
  const expiresAt = new Date(now.getTime() + OFFICER_SESSION_HOURS * 3_600_000);
  await services.storage.createOfficerSession({
    tokenHash: hashToken(sessionToken),
    accountId: account.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { sessionToken, expiresAt };
}

export async function signOut(services: Services, account: AccountRow, sessionHash: string): Promise<void> {
  await services.storage.deleteOfficerSession(sessionHash);
  await auditDeployment(services, `officer:${account.id}`, 'sign-out');
}
