// Who is asking: the administrator (bearer admin token), or a participant (session
// cookie, bearer invitation token, or `?token=` on the sync socket).
import { parse as parseCookies } from 'hono/utils/cookie';
import type { Actor } from '../../shared/roles';
import type { InvitationRow, Storage } from '../storage/storage';
import { hashToken, sameSecret } from './tokens';

export const SESSION_COOKIE = 'accord_session';

export type Principal =
  | { kind: 'admin' }
  | { kind: 'participant'; invitation: InvitationRow; actor: Actor; sessionHash: string | null };

export interface Credentials {
  authorization?: string | null;
  cookie?: string | null;
  queryToken?: string | null;
}

export async function resolvePrincipal(
  storage: Storage,
  adminToken: string,
  credentials: Credentials,
  now: Date,
): Promise<Principal | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer && sameSecret(bearer, adminToken)) return { kind: 'admin' };
  const token = bearer ?? credentials.queryToken ?? null;
  if (token) return participantFor(await storage.findInvitationByTokenHash(hashToken(token)), null);

  const sessionToken = credentials.cookie ? parseCookies(credentials.cookie, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
  if (!sessionToken) return null;
  const sessionHash = hashToken(sessionToken);
  const session = await storage.findSession(sessionHash);
  if (!session || new Date(session.expiresAt) <= now) return null;
  return participantFor(await storage.getInvitation(session.invitationId), sessionHash);
}

function participantFor(invitation: InvitationRow | undefined, sessionHash: string | null): Principal | null {
  if (!invitation || invitation.revokedAt) return null;
  return { kind: 'participant', invitation, actor: { role: invitation.role, party: invitation.party }, sessionHash };
}
