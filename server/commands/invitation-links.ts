// The secretariat hands out links. Tokens are kept only as hashes, so a link cannot be
// shown twice: "copy the link" issues a fresh one, and the old one stops working at once,
// open sockets included.
import { CloseCode } from '../../shared/protocol';
import { audit } from '../audit';
import { hashToken, newToken } from '../auth/tokens';
import type { Services } from '../services';
import type { InvitationRow } from '../storage/storage';

export async function issueFreshLink(services: Services, invitation: InvitationRow, by: string): Promise<string> {
  const token = newToken();
  await services.storage.replaceInvitationToken(invitation.id, hashToken(token));
  services.rooms.closeConnectionsOf(invitation.id, CloseCode.accessRevoked, 'a new link was issued for this invitation');
  await audit(services, invitation.meetingId, by, 'invitation.link-issued', { participantId: invitation.participantId });
  return token;
}

export async function revokeInvitation(services: Services, invitation: InvitationRow, by: string): Promise<void> {
  await services.storage.revokeInvitation(invitation.id, services.now().toISOString());
  services.rooms.closeConnectionsOf(invitation.id, CloseCode.accessRevoked, 'this invitation was withdrawn');
  await audit(services, invitation.meetingId, by, 'invitation.revoked', { participantId: invitation.participantId });
}
