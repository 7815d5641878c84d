// A page of the same site on another port (http://127.0.0.1:18799) gets this site's
// cookies sent with whatever it makes the browser request. Here the requests such a page
// can make are sent raw, with the headers a browser adds: nothing they ask is done. The
// same attack from a real page in Chromium is tests/e2e/cross-origin.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { CloseCode } from '../../shared/protocol';
import { startTestServer, type TestServer } from '../helpers/server';
import { closed, rawSocket } from '../helpers/clients';
import { call, meetingBody, officer } from '../helpers/console';
import { agreeEverything, api } from '../helpers/lifecycle';

const ELSEWHERE = 'http://127.0.0.1:18799';

describe('requests another page makes with the user’s cookies', () => {
  let server: TestServer;
  let officerCookie: string;
  let secretariatCookie: string;
  let meeting: { meetingId: string; documentId: string; invitations: { participantId: string; role: string; party: string; name: string; token: string }[] };
  const head = (party: string) => meeting.invitations.find((i) => i.role === 'head' && i.party === party)!;
  const state = async () => (await api<{ state: string }>(server, head('TH').token, 'GET', `/api/meetings/${meeting.meetingId}/record`)).body.state;

  beforeAll(async () => {
    server = await startTestServer();
    officerCookie = (await officer(server, 'csrf@example.org')).cookie;
    meeting = (await call(server, { cookie: officerCookie }, 'POST', '/api/console/meetings', meetingBody())).body;
    await agreeEverything(server, meeting as never);
    const secretariat = meeting.invitations.find((i) => i.role === 'secretariat' && i.party === 'TH')!;
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: secretariat.token }),
    });
    secretariatCookie = session.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  const post = (path: string, headers: Record<string, string>, body?: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie: `${secretariatCookie}; ${officerCookie}`, ...headers }, body });

  it('a plain form from another port of the same site locks nothing, whatever it says its type is', async () => {
    const lock = `/api/meetings/${meeting.meetingId}/lock`;
    const attempts: Record<string, string>[] = [
      // What a <form enctype="text/plain"> sends: Origin of its page, Sec-Fetch-Site same-site.
      { origin: ELSEWHERE, 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
      { origin: ELSEWHERE, 'content-type': 'application/x-www-form-urlencoded' },
      { origin: ELSEWHERE, 'content-type': 'multipart/form-data; boundary=x' },
      // JSON cannot come from a form; from another page's script it still names that page.
      { origin: ELSEWHERE, 'content-type': 'application/json' },
      { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
    ];
    for (const headers of attempts) {
      const res = await post(lock, headers, '{}');
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_origin');
    }
    // From Accord's own page, but not JSON: refused too.
    const plain = await post(lock, { origin: server.url, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }, '{}');
    expect(plain.status).toBe(415);
    expect(await state()).toBe('draft');

    // Accord's own page, as its client sends it: locked.
    const own = await post(lock, { origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(await state()).toBe('locked');
    const unlock = await post(`/api/meetings/${meeting.meetingId}/unlock`, { origin: ELSEWHERE, 'content-type': 'text/plain' }, 'reason=x');
    expect(unlock.status).toBe(403);
    expect(await state()).toBe('locked');
  });

  it('no GET changes anything: the QR sheet is a POST, and an image of it replaces no link', async () => {
    const lao = head('LA');
    const socket = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${lao.token}`);
    const closing = closed(socket);
    const sheet = `/api/console/meetings/${meeting.meetingId}/invitations/sheet`;

    // What <img src> on the other page sends, and the same GET as a plain request.
    const image = await fetch(`${server.url}${sheet}`, {
      headers: { cookie: officerCookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
    });
    expect(image.status).toBe(403);
    expect((await fetch(`${server.url}${sheet}`, { headers: { cookie: officerCookie } })).status).toBe(404);
    // Every GET the API has, with the officer's cookie and the meeting's own ids.
    const routes = createApp(server.services).routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const path = route.path.replace(':id', meeting.meetingId).replace(':participantId', lao.participantId).replace(':accountId', 'x');
      await fetch(`${server.url}${path}`, { headers: { cookie: officerCookie } });
    }
    // The other page's form POST for the sheet: refused.
    expect((await post(sheet, { origin: ELSEWHERE, 'content-type': 'text/plain' }, '{}')).status).toBe(403);

    expect(socket.readyState).toBe(socket.OPEN);
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: lao.token }),
    });
    expect(session.status).toBe(201);

    // The console's own POST issues the sheet, and only then is the old link replaced.
    const issued = await fetch(`${server.url}${sheet}`, {
      method: 'POST',
      headers: { cookie: officerCookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ participants: [lao.participantId] }),
    });
    expect(issued.status).toBe(200);
    expect(await closing).toBe(CloseCode.accessRevoked);
  });

  it('a Bearer token is not a cookie: API clients need no Origin, whatever page they run in', async () => {
    const res = await fetch(`${server.url}/api/meetings/${meeting.meetingId}/agreement`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head('TH').token}`, origin: ELSEWHERE, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: JSON.stringify({ targetId: 'no-such-segment', agreed: true }),
    });
    expect(res.status).toBe(409); // the record is locked: the route answered, not the guard
    expect(((await res.json()) as { error: { code: string } }).error.code).not.toBe('cross_origin');
  });
});
