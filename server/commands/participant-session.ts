// A participant's browser session: made when an invitation link is opened, or when an
// officer opens a meeting's workspace from the console. Joining is logged once per
// session: a browser that already holds a current session for the same invitation keeps it.
import { audit } from '../audit';
import { hashToken, newToken } from '../auth/tokens';
import type { Services } from '../services';
import type { InvitationRow } from '../storage/storage';

const SESSION_DAYS = 14;

export interface OpenedSession {
  token: string;
  expiresAt: Date;
}

export async function openParticipantSession(services: Services, invitation: InvitationRow, via: 'link' | 'console'): Promise<OpenedSession> {
  const now = services.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await services.storage.createSession({
    tokenHash: hashToken(token),
    invitationId: invitation.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  if (!invitation.firstUsedAt) await services.storage.markInvitationUsed(invitation.id, now.toISOString());
  await audit(services, invitation.meetingId, invitation.participantId, 'session.opened', { via });
  return { token, expiresAt };
}
