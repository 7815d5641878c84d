import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import { childServer, type ChildServer } from '../helpers/child-server';
import { ADMIN_TOKEN, createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse } from '../helpers/server';
import { closed, rawSocket } from '../helpers/clients';

describe('secrets stay secret', () => {
  let server: ChildServer;
  let meeting: CreatedMeetingResponse;
  beforeAll(async () => {
    server = await childServer({ LOG_LEVEL: 'debug' });
    await server.start();
    meeting = await createMeeting(server);
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('no token or session secret ever appears in the logs, whatever goes wrong', async () => {
    const head = tokenOf(meeting, 'head', 'TH');
    const observer = tokenOf(meeting, 'observer');
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: head }),
    });
    const sessionSecret = session.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const guess = 'z'.repeat(43);
    await fetch(`${server.url}/api/meetings/${meeting.meetingId}`, { headers: { authorization: `Bearer ${guess}` } });
    await fetch(`${server.url}/api/meetings/${meeting.meetingId}/agreement`, {
      method: 'POST',
      headers: { authorization: `Bearer ${observer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targetId: 'x', agreed: true }),
    });
    await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${guess}`).catch(() => undefined);
    const ws = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${head}`);
    const code = closed(ws);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 77);
    ws.send(encoding.toUint8Array(e));
    await code;
    await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: '{"not json',
    });
    // A last request the server logs (a cross-origin write, refused): once its line is in the
    // output, so is every line logged before it.
    await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
      body: '{}',
    });
    await vi.waitFor(() => expect(server.output()).toContain('http.request-refused'), { timeout: 5000, interval: 10 });

    const logs = server.output();
    expect(logs).toContain('sync.message-refused'); // the logs did record what happened…
    for (const secret of [head, observer, sessionSecret, guess, ADMIN_TOKEN, ...meeting.invitations.map((i) => i.token)]) expect(logs).not.toContain(secret); // …and not one secret
  });
});

describe('every page and answer carries the security headers', () => {
  it('CSP forbids inline script, framing and connections elsewhere; cookies are Secure behind TLS', async () => {
    const server = await startTestServer({ trustProxy: true });
    try {
      const meeting = await createMeeting(server);
      for (const path of ['/healthz', '/api/session', '/api/meetings/nope', '/no-such-page']) {
        const res = await fetch(`${server.url}${path}`);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, path).toMatch(/script-src 'self'(;|$)/);
        expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(csp, path).toContain("frame-ancestors 'none'");
        // Script talks to this server only: no socket to any other ws: or wss: host.
        expect(csp, path).toMatch(/connect-src 'self'(;|$)/);
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
      const behindTls = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ token: tokenOf(meeting, 'delegate', 'LA') }),
      });
      expect(behindTls.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      const plain = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: tokenOf(meeting, 'delegate', 'LA') }),
      });
      expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});
