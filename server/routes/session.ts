// The browser trades its invitation token for an http-only session cookie, so the token
// leaves the address bar and never rides on later requests.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_COOKIE, resolvePrincipal } from '../auth/principal';
import { hashToken, newToken } from '../auth/tokens';
import { audit } from '../audit';
import { presentViewer } from '../presenters/meeting';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody, isHttps } from './http';

const SESSION_DAYS = 14;
const exchange = z.object({ token: z.string().min(16).max(200) });

export function sessionRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post('/', zValidator('json', exchange, invalidBody('invalid_session_request')), async (c) => {
      const principal = await resolvePrincipal(
        services.storage,
        services.adminTokenHash,
        { authorization: `Bearer ${c.req.valid('json').token}` },
        services.now(),
      );
      if (principal?.kind !== 'participant')
        return c.json(apiError('invalid_invitation', 'This invitation link is not valid, or it was withdrawn. Ask the secretariat for a new one.'), 401);
      const now = services.now();
      const sessionToken = newToken();
      const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      await services.storage.createSession({
        tokenHash: hashToken(sessionToken),
        invitationId: principal.invitation.id,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      if (!principal.invitation.firstUsedAt) await services.storage.markInvitationUsed(principal.invitation.id, now.toISOString());
      await audit(services, principal.invitation.meetingId, principal.invitation.participantId, 'session.opened');
      setCookie(c, SESSION_COOKIE, sessionToken, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c, services.config),
        path: '/',
        expires: expiresAt,
      });
      const meeting = await services.storage.getMeeting(principal.invitation.meetingId);
      return c.json({ meetingId: principal.invitation.meetingId, documentId: meeting?.currentDocumentId, you: presentViewer(principal.invitation) }, 201);
    })
    .get('/', async (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'participant') return c.json(apiError('unauthorized', 'Not signed in.'), 401);
      const meeting = await services.storage.getMeeting(principal.invitation.meetingId);
      return c.json({ meetingId: principal.invitation.meetingId, documentId: meeting?.currentDocumentId, you: presentViewer(principal.invitation) }, 200);
    })
    .delete('/', async (c) => {
      const principal = c.get('principal');
      if (principal?.kind === 'participant' && principal.sessionHash) await services.storage.deleteSession(principal.sessionHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
