// The browser trades its invitation token for an http-only session cookie, so the token
// leaves the address bar and never rides on later requests.
import { Hono, type Context } from 'hono';
import { validator } from './validator';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_COOKIE, resolvePrincipal } from '../auth/principal';
import { openParticipantSession, type OpenedSession } from '../commands/participant-session';
import type { InvitationRow } from '../storage/storage';
import { presentViewer } from '../presenters/meeting';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { invalidBody, isHttps } from './http';
import { refuse } from './meeting-access';

const exchange = z.object({ token: z.string().min(16).max(200) });

/** The participant session's cookie: http-only, same-site, Secure behind TLS. */
export function setSessionCookie(c: Context, services: Services, session: OpenedSession): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, services.config),
    path: '/',
    expires: session.expiresAt,
  });
}

export function sessionRoutes(services: Services) {
  const presentSession = async (invitation: InvitationRow) => {
    const meeting = await services.storage.getMeeting(invitation.meetingId);
    return { meetingId: invitation.meetingId, documentId: meeting?.currentDocumentId, you: presentViewer(invitation) };
  };

  return new Hono<AppEnv>()
    .post(
      '/',
      doc({ summary: 'Trades an invitation token for the participant’s session cookie', tag: 'Session' }),
      validator('json', exchange, invalidBody('invalid_session_request')),
      async (c) => {
        const principal = await resolvePrincipal(
          services.storage,
          services.adminTokenHash,
          { authorization: `Bearer ${c.req.valid('json').token}` },
          services.now(),
        );
        if (principal?.kind !== 'participant') return refuse(c, { code: 'invalid-invitation' });
        // The same link opened again in a browser that is already in: no second session, no second "joined".
        const current = c.get('principal');
        if (current?.kind === 'participant' && current.sessionHash && current.invitation.id === principal.invitation.id)
          return c.json(await presentSession(principal.invitation), 200);
        const session = await openParticipantSession(services, principal.invitation, 'link');
        setSessionCookie(c, services, session);
        return c.json(await presentSession(principal.invitation), 201);
      },
    )
    .get('/', doc({ summary: 'The participant signed in by the session cookie', tag: 'Session' }), async (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'participant') return refuse(c, { code: 'no-session', of: 'participant' });
      return c.json(await presentSession(principal.invitation), 200);
    })
    .delete('/', doc({ summary: 'Signs the participant out; the session’s sockets close', tag: 'Session' }), async (c) => {
      const principal = c.get('principal');
      if (principal?.kind === 'participant' && principal.sessionHash) {
        await services.storage.deleteSession(principal.sessionHash);
        // Signed out means out: the sockets this session opened close too (4401).
        services.sessionSockets.end(principal.sessionHash, services.now());
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
