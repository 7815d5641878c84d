import { Hono } from 'hono';
import { can } from '../../shared/roles';
import { issueFreshLink, revokeInvitation } from '../commands/invitation-links';
import { invitationLink } from '../presenters/meeting';
import type { Services } from '../services';
import type { InvitationRow } from '../storage/storage';
import { apiError, type AppEnv } from './env';
import { baseUrl } from './http';
import { auditActor, meetingAccess, type MeetingAccess } from './meeting-access';
import { audit } from '../audit';

const presentInvitation = (i: InvitationRow) => ({
  participantId: i.participantId,
  name: i.name,
  role: i.role,
  party: i.party,
  joinedAt: i.firstUsedAt,
  revoked: i.revokedAt !== null,
});

/**
 * Only the administrator, the meeting's secretariat, and the officers who manage the
 * meeting (meetingAccess has checked that) manage its invitations.
 */
function mayManage(access: MeetingAccess): boolean {
  const { principal, record } = access;
  return principal.kind !== 'participant' || can(principal.actor, 'manageInvitations', record);
}

const NOT_ALLOWED = 'Only the secretariat can manage invitations.';

export function invitationRoutes(services: Services) {
  const findInvitation = async (meetingId: string, participantId: string) =>
    (await services.storage.listInvitations(meetingId)).find((i) => i.participantId === participantId);

  return new Hono<AppEnv>()
    .get('/:id/invitations', async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      if (!mayManage(access)) {
        await audit(services, access.meeting.id, auditActor(access.principal), 'invitations.read-refused');
        return c.json(apiError('not_allowed', NOT_ALLOWED), 403);
      }
      const invitations = await services.storage.listInvitations(access.meeting.id);
      return c.json({ invitations: invitations.map(presentInvitation) }, 200);
    })
    .post('/:id/invitations/:participantId/link', async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      if (!mayManage(access)) {
        await audit(services, access.meeting.id, auditActor(access.principal), 'invitation.link-refused');
        return c.json(apiError('not_allowed', NOT_ALLOWED), 403);
      }
      const invitation = await findInvitation(access.meeting.id, c.req.param('participantId'));
      if (!invitation) return c.json(apiError('not_found', 'There is no such participant in this meeting.'), 404);
      if (invitation.revokedAt)
        return c.json(apiError('revoked', 'This invitation was withdrawn; it cannot be given a new link.'), 409);
      const token = await issueFreshLink(services, invitation, auditActor(access.principal));
      return c.json({ participantId: invitation.participantId, token, link: invitationLink(baseUrl(c, services.config), token) }, 201);
    })
    .post('/:id/invitations/:participantId/revoke', async (c) => {
      const access = await meetingAccess(c, services);
      if (access instanceof Response) return access;
      if (!mayManage(access)) {
        await audit(services, access.meeting.id, auditActor(access.principal), 'invitation.revoke-refused');
        return c.json(apiError('not_allowed', NOT_ALLOWED), 403);
      }
      const invitation = await findInvitation(access.meeting.id, c.req.param('participantId'));
      if (!invitation) return c.json(apiError('not_found', 'There is no such participant in this meeting.'), 404);
      await revokeInvitation(services, invitation, auditActor(access.principal));
      return c.json(presentInvitation({ ...invitation, revokedAt: services.now().toISOString() }), 200);
    });
}
