// A fresh install has no account to sign in with. `npm start` prints a one-time code; the
// first visit to /console with it makes the administrator's account and signs them in.
// Only the code's hash is kept, and each start that finds no administrator yet makes a new
// code (so a lost one is replaced by restarting); once an administrator exists, none is made.
import { randomInt } from 'node:crypto';
import type { FirstRunRequest } from '../../../shared/console/accounts';
import { hashPassword } from '../../auth/passwords';
import { hashToken, newId } from '../../auth/tokens';
import type { Services } from '../../services';
import type { AccountRow } from '../../storage/storage';
import { refused, type CommandResult } from '../lifecycle-result';
import { auditDeployment } from './deployment-audit';
import { SIGN_IN_LIMITS, startOfficerSession, type SignedIn } from './sign-in';

// No 0/O, 1/I/L: the code is read off a terminal and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** "K7QP-M2XD-9TWA": 12 letters and digits (59 bits), in groups of four. */
function newFirstRunCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

/** What was typed, as it was printed: case, spaces and dashes do not matter. */
const codeHash = (typed: string) => hashToken(typed.toUpperCase().replace(/[^A-Z0-9]/g, ''));

const hasAdministrator = (accounts: AccountRow[]) => accounts.some((a) => a.role === 'administrator' && !a.disabledAt && a.passwordHash);

/** At start: a new code to print, or null when the console has its administrator already. */
export async function openFirstRun(services: Services): Promise<string | null> {
  const at = services.now().toISOString();
  if (hasAdministrator(await services.storage.listAccounts())) {
    await services.storage.setFirstRunCode(null, at);
    return null;
  }
  const code = newFirstRunCode();
  await services.storage.setFirstRunCode(codeHash(code), at);
  return code;
}

/** Whether the console is still waiting for its first administrator: a code kept, and no administrator made since (by the token, say). */
export async function firstRunIsOpen(services: Services): Promise<boolean> {
  return (await services.storage.firstRunOpen()) && !hasAdministrator(await services.storage.listAccounts());
}

// Guesses count like failed sign-ins, from the same address and from everyone together.
const addressKey = (address: string) => `first-run:${address}`;
const EVERYONE = 'first-run:*';

export async function completeFirstRun(services: Services, input: FirstRunRequest, address: string): Promise<CommandResult<SignedIn>> {
  const now = services.now();
  const at = now.toISOString();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString();
  // Weighed and noted in one step before anything slow, as sign-ins are: parallel guesses
  // are judged one by one. An attempt that makes the administrator is taken back.
  const admission = await services.storage.reserveSignInAttempt([addressKey(address), EVERYONE], since, at, ([fromAddress, fromEveryone]) => ({
    admit: fromAddress!.count < SIGN_IN_LIMITS.perAddress && fromEveryone!.count < SIGN_IN_LIMITS.perAddress * 5,
  }));
  if (!admission.admit) {
    await auditDeployment(services, 'anonymous', 'first-run.throttled', { address });
    return refused({ code: 'too-many-codes', retryAfterSeconds: SIGN_IN_LIMITS.windowMinutes * 60 });
  }
  const account: AccountRow = {
    id: newId(),
    login: input.login,
    name: input.name,
    email: null,
    party: input.party,
    role: 'administrator',
    passwordHash: await hashPassword(input.password),
    mustChangePassword: false,
    setupTokenHash: null,
    setupExpiresAt: null,
    createdAt: now.toISOString(),
    createdBy: 'first-run',
    disabledAt: null,
  };
  // An administrator made meanwhile (with the token) ends the first run: the code makes nobody.
  const claimed = hasAdministrator(await services.storage.listAccounts()) ? 'wrong_code' : await services.storage.claimFirstRun(codeHash(input.code), account);
  if (claimed !== 'created') {
    // A wrong code stays noted as a failed attempt; a login already taken is not a guess.
    if (claimed !== 'wrong_code') for (const key of [addressKey(address), EVERYONE]) await services.storage.releaseSignInAttempt(key, at);
    await auditDeployment(services, 'anonymous', 'first-run.refused', { address, why: claimed });
    return refused({ code: claimed === 'wrong_code' ? 'wrong-code' : 'login-taken' });
  }
  for (const key of [addressKey(address), EVERYONE]) await services.storage.releaseSignInAttempt(key, at);
  await auditDeployment(services, `officer:${account.id}`, 'first-run.completed', { accountId: account.id, login: account.login });
  return { ok: true, value: { account, ...(await startOfficerSession(services, account)) } };
}
