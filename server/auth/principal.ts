// Who is asking: the administrator (bearer admin token), a participant (session
// cookie, bearer invitation token, or `?token=` on the sync socket), or a secretariat
// officer signed in to the console (its own session cookie).
import { parse as parseCookies } from 'hono/utils/cookie';
import type { Actor } from '../../shared/roles';
import type { AccountRow, InvitationRow, SessionRow, Storage } from '../storage/storage';
import { hashToken, sameHash } from './tokens';

export const SESSION_COOKIE = 'accord_session';
/** The console's session: an officer's, apart from any invitation's in the same browser. */
export const OFFICER_COOKIE = 'accord_console';

/** An Authorization header that names its own credential: no other page can make a browser send one. */
export const BEARER = /^Bearer\s+(\S+)$/i;

export type Principal =
  | { kind: 'admin' }
  | { kind: 'participant'; invitation: InvitationRow; actor: Actor; sessionHash: string | null; sessionExpiresAt: string | null }
  | { kind: 'officer'; account: AccountRow; sessionHash: string };

export interface Credentials {
  authorization?: string | null;
  cookie?: string | null;
  queryToken?: string | null;
}

export async function resolvePrincipal(storage: Storage, adminTokenHash: string, credentials: Credentials, now: Date): Promise<Principal | null> {
  const bearer = BEARER.exec(credentials.authorization ?? '')?.[1];
  if (bearer && sameHash(hashToken(bearer), adminTokenHash)) return { kind: 'admin' };
  const token = bearer ?? credentials.queryToken ?? null;
  if (token) return participantFor(await storage.findInvitationByTokenHash(hashToken(token)), null);

  const cookies = credentials.cookie ? parseCookies(credentials.cookie) : {};
  const sessionToken = cookies[SESSION_COOKIE];
  if (sessionToken) {
    const sessionHash = hashToken(sessionToken);
    const session = await storage.findSession(sessionHash);
    const participant = session && new Date(session.expiresAt) > now ? participantFor(await storage.getInvitation(session.invitationId), session) : null;
    if (participant) return participant;
  }
  const officerToken = cookies[OFFICER_COOKIE];
  return officerToken ? resolveOfficer(storage, officerToken, now) : null;
}

/** The officer whose console session this is, if it is current and the account enabled. */
export async function resolveOfficer(storage: Storage, sessionToken: string, now: Date): Promise<Principal | null> {
  const sessionHash = hashToken(sessionToken);
  const session = await storage.findOfficerSession(sessionHash);
  if (!session || new Date(session.expiresAt) <= now) return null;
  const account = await storage.getAccount(session.accountId);
  if (!account || account.disabledAt) return null;
  return { kind: 'officer', account, sessionHash };
}

function participantFor(invitation: InvitationRow | undefined, session: SessionRow | null): Principal | null {
  if (!invitation || invitation.revokedAt) return null;
  return {
    kind: 'participant',
    invitation,
    actor: { role: invitation.role, party: invitation.party },
    sessionHash: session?.tokenHash ?? null,
    sessionExpiresAt: session?.expiresAt ?? null,
  };
}
