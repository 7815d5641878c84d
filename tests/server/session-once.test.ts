// Joining is logged once per browser session: an invitation link opened again in a browser
// that is already in keeps its session and writes nothing; another browser, or another
// invitation, opens a session of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, startTestServer, tokenOf, type TestServer } from '../helpers/server';
import { call, cookieOf } from '../helpers/console';

describe('opening an invitation link', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('is logged once per session, not each time the link is opened in the same browser', async () => {
    const meeting = await createMeeting(server);
    const token = tokenOf(meeting, 'delegate', 'LA');
    const first = await call(server, {}, 'POST', '/api/session', { token });
    expect(first.status).toBe(201);
    const cookie = cookieOf(first);
    for (let i = 0; i < 3; i++) {
      const reopened = await call(server, { cookie }, 'POST', '/api/session', { token });
      expect(reopened.status).toBe(200);
      expect(reopened.headers.get('set-cookie')).toBeNull();
      expect(reopened.body).toEqual(first.body);
    }
    const elsewhere = await call(server, {}, 'POST', '/api/session', { token });
    expect(elsewhere.status).toBe(201);
    // The same browser opening someone else's link signs in as them: a session of its own.
    const other = await call(server, { cookie }, 'POST', '/api/session', { token: tokenOf(meeting, 'head', 'LA') });
    expect(other.status).toBe(201);

    const log = await server.services.storage.listAudit(meeting.meetingId);
    const joined = log.filter((e) => e.action === 'session.opened').map((e) => [e.actor, e.detail.via]);
    const participant = (role: string) => meeting.invitations.find((i) => i.role === role && i.party === 'LA')!.participantId;
    expect(joined).toEqual([
      [participant('delegate'), 'link'],
      [participant('delegate'), 'link'],
      [participant('head'), 'link'],
    ]);
  });
});
