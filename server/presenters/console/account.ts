// What leaves the server about a secretariat account: never a hash, never a token but
// the setup link made this once.
import type { AccountRow } from '../../storage/storage';

export const setupLink = (baseUrl: string, token: string) => `${baseUrl}/console/setup#${token}`;

export function presentAccount(account: AccountRow) {
  return {
    id: account.id,
    login: account.login,
    name: account.name,
    email: account.email,
    party: account.party,
    role: account.role,
    mustChangePassword: account.mustChangePassword,
    passwordSet: account.passwordHash !== null,
    setupPendingUntil: account.setupTokenHash ? account.setupExpiresAt : null,
    disabled: account.disabledAt !== null,
    createdAt: account.createdAt,
  };
}
