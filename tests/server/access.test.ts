import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, fixture, startTestServer, tokenOf, ADMIN_TOKEN, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { rawSocket } from '../helpers/clients';

describe('who may open a record', () => {
  let server: TestServer;
  let cmm: CreatedMeetingResponse;
  let other: CreatedMeetingResponse;
  beforeAll(async () => {
    server = await startTestServer();
    cmm = await createMeeting(server);
    other = await createMeeting(server);
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  const refusal = (url: string, headers?: Record<string, string>) =>
    rawSocket(url, headers).then(
      (ws) => {
        ws.close();
        return 'opened';
      },
      (err: Error) => err.message,
    );

  it('no token, a wrong token, and another meeting’s token get no socket', async () => {
    const sync = `${server.wsUrl}/${cmm.documentId}`;
    expect(await refusal(sync)).toBe('refused with 401');
    expect(await refusal(`${sync}?token=${'x'.repeat(43)}`)).toBe('refused with 401');
    expect(await refusal(`${sync}?token=${tokenOf(other, 'head', 'TH')}`)).toBe('refused with 403');
    expect(await refusal(`${sync}?token=${ADMIN_TOKEN}`)).toBe('refused with 401');
    expect(await refusal(`${server.wsUrl}/no-such-record?token=${tokenOf(cmm, 'head', 'TH')}`)).toBe('refused with 403');
    expect(await refusal(`${sync}?token=${tokenOf(cmm, 'head', 'TH')}`)).toBe('opened');
  });

  it('the meeting API answers only its own participants and the administrator', async () => {
    const get = (token?: string) => fetch(`${server.url}/api/meetings/${cmm.meetingId}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect((await get()).status).toBe(401);
    expect((await get('not-a-token-at-all-000000')).status).toBe(401);
    expect((await get(tokenOf(other, 'secretariat', 'TH'))).status).toBe(404);
    const mine = await get(tokenOf(cmm, 'delegate', 'LA'));
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { code: string; you: { role: string; party: string }; facts: { venue: Record<string, string> } };
    expect(body.code).toBe('CMM 04');
    expect(body.you).toMatchObject({ role: 'delegate', party: 'LA' });
    expect(body.facts.venue.lo).toContain('ວຽງຈັນ');
    expect((await get(ADMIN_TOKEN)).status).toBe(200);
  });

  it('creating a meeting needs the administrator token, and a bad meeting is refused with every problem named', async () => {
    const post = (body: unknown, token = ADMIN_TOKEN) =>
      fetch(`${server.url}/api/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const valid = fixture('cmm04-th-la');
    const participant = await post(valid, tokenOf(cmm, 'secretariat', 'TH'));
    expect(participant.status).toBe(401);
    expect(await participant.json()).toEqual({ error: { code: 'unauthorized', message: 'Creating a meeting needs the administrator token.' } });
    expect((await post({}, 'nobody-0000000000000000')).status).toBe(401); // who asks comes before what
    const bad = { ...(valid as object), prevailingLanguage: 'fr', participants: [{ party: 'XX', role: 'head', name: 'Somebody' }] };
    const res = await post(bad);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['prevailingLanguage', 'participants.0.party']));
  });

  it('an invitation is exchanged for an http-only session cookie that opens the sync socket', async () => {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(cmm, 'head', 'LA') }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^accord_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    const me = await fetch(`${server.url}/api/session`, { headers: { cookie: session } });
    expect(await me.json()).toMatchObject({ meetingId: cmm.meetingId, you: { role: 'head', party: 'LA' } });
    const host = new URL(server.url).host;
    expect(await refusal(`${server.wsUrl}/${cmm.documentId}`, { cookie: session, origin: `http://${host}` })).toBe('opened');
    // A page on another site cannot ride on the cookie.
    expect(await refusal(`${server.wsUrl}/${cmm.documentId}`, { cookie: session, origin: 'http://evil.example' })).toBe('refused with 403');
    const wrong = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'y'.repeat(43) }),
    });
    expect(wrong.status).toBe(401);
  });
});
