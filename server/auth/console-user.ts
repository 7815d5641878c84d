// Someone at the console: the administrator token, or a signed-in officer (an account
// with the administrator role counts as the administrator there).
import type { AccountRow } from '../storage/storage';
import { officerActor } from './officer-access';
import type { Principal } from './principal';

export interface ConsoleUser {
  principal: Extract<Principal, { kind: 'admin' } | { kind: 'officer' }>;
  account: AccountRow | null;
  administrator: boolean;
  /** Who they are in audit logs. */
  actor: string;
  name: string;
}

export function consoleUserOf(principal: Principal | null): ConsoleUser | null {
  if (principal?.kind === 'admin') return { principal, account: null, administrator: true, actor: 'administrator', name: 'Administrator' };
  if (principal?.kind !== 'officer') return null;
  const { account } = principal;
  return { principal, account, administrator: account.role === 'administrator', actor: officerActor(account), name: account.name };
}
