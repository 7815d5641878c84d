// A socket does not outlive the sign-in that let it in: signing out closes the sockets that
// session opened (4401), and so does the session's expiry. Sockets opened otherwise (a
// token in the address, another browser's session) stay. (Once, logging out left them open.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { hashToken, newToken } from '../../server/auth/tokens';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { closed, rawSocket } from '../helpers/clients';

describe('sockets opened with a session', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  const signIn = async (token: string) => {
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(res.status).toBe(201);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const socketWith = (cookie: string) => rawSocket(`${server.wsUrl}/${meeting.documentId}`, { cookie });

  it('signing out closes the session’s sockets, and only those', async () => {
    const token = tokenOf(meeting, 'delegate', 'TH');
    const cookie = await signIn(token);
    const otherBrowser = await signIn(token);
    const mine = await socketWith(cookie);
    const theirs = await socketWith(otherBrowser);
    const byToken = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${token}`);
    const mineClosed = closed(mine);

    const out = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(await mineClosed).toBe(CloseCode.sessionEnded);
    // The other sockets were told nothing: the same participant's other sign-ins still stand.
    for (const ws of [theirs, byToken]) {
      const pong = new Promise<void>((resolve) => ws.once('pong', () => resolve()));
      ws.ping();
      await pong;
      expect(ws.readyState).toBe(ws.OPEN);
      ws.close();
    }
    await expect(socketWith(cookie)).rejects.toThrow('refused with 401');
  });

  it('a session that expires closes its sockets when it does', async () => {
    const invitation = meeting.invitations.find((i) => i.role === 'head' && i.party === 'LA')!;
    const row = (await server.services.storage.findInvitationByTokenHash(hashToken(invitation.token)))!;
    const sessionToken = newToken();
    const now = Date.now();
    await server.services.storage.createSession({
      tokenHash: hashToken(sessionToken),
      invitationId: row.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 800).toISOString(),
    });
    const ws = await socketWith(`accord_session=${sessionToken}`);
    expect(await closed(ws)).toBe(CloseCode.sessionEnded);
    expect(Date.now() - now).toBeGreaterThanOrEqual(700);
  });
});
