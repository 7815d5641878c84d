import { Hono } from 'hono';
import { issueFreshLink, revokeInvitation } from '../commands/invitation-links';
import { invitationLink } from '../presenters/meeting';
import type { Services } from '../services';
import type { InvitationRow } from '../storage/storage';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { baseUrl } from './http';
import { meetingAccess, refuse } from './meeting-access';

const presentInvitation = (i: InvitationRow) => ({
  participantId: i.participantId,
  name: i.name,
  role: i.role,
  party: i.party,
  joinedAt: i.firstUsedAt,
  revoked: i.revokedAt !== null,
});

export function invitationRoutes(services: Services) {
  const findInvitation = async (meetingId: string, participantId: string) =>
    (await services.storage.listInvitations(meetingId)).find((i) => i.participantId === participantId);

  return new Hono<AppEnv>()
    .get('/:id/invitations', doc({ summary: 'The meeting’s invitations, never a token (secretariat, administrator)', tag: 'Invitations' }), async (c) => {
      const access = await meetingAccess(c, services, 'manageInvitations', { refusedAs: 'invitations.read-refused' });
      if (access instanceof Response) return access;
      const invitations = await services.storage.listInvitations(access.meeting.id);
      return c.json({ invitations: invitations.map(presentInvitation) }, 200);
    })
    .post('/:id/invitations/:participantId/link', doc({ summary: 'A fresh invitation link; the old one stops working', tag: 'Invitations' }), async (c) => {
      const access = await meetingAccess(c, services, 'manageInvitations', { refusedAs: 'invitation.link-refused' });
      if (access instanceof Response) return access;
      const invitation = await findInvitation(access.meeting.id, c.req.param('participantId'));
      if (!invitation) return refuse(c, { code: 'not-found', what: 'participant' });
      if (invitation.revokedAt) return refuse(c, { code: 'invitation-revoked' });
      const token = await issueFreshLink(services, invitation, access.actor);
      return c.json({ participantId: invitation.participantId, token, link: invitationLink(baseUrl(c, services.config), token) }, 201);
    })
    .post('/:id/invitations/:participantId/revoke', doc({ summary: 'Withdraws an invitation; its sessions end', tag: 'Invitations' }), async (c) => {
      const access = await meetingAccess(c, services, 'manageInvitations', { refusedAs: 'invitation.revoke-refused' });
      if (access instanceof Response) return access;
      const invitation = await findInvitation(access.meeting.id, c.req.param('participantId'));
      if (!invitation) return refuse(c, { code: 'not-found', what: 'participant' });
      await revokeInvitation(services, invitation, access.actor);
      return c.json(presentInvitation({ ...invitation, revokedAt: services.now().toISOString() }), 200);
    });
}
