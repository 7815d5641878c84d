// The red team's page, in Chromium: served from the same site on another port, it makes the
// browser of a signed-in secretariat and officer post a plain form to lock the record,
// fetch the QR sheet as an image and post for it in the background. The browser sends the
// cookies (SameSite=Strict does not tell ports apart); the server does nothing it asks. The
// app's own page, in the same browser, still locks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/server';
import { rawSocket } from '../helpers/clients';
import { call, meetingBody, officer } from '../helpers/console';
import { agreeEverything, api } from '../helpers/lifecycle';
import { launchChromium } from './helpers/browser';

describe('a page of the same site on another port', () => {
  let browser: Browser;
  let server: TestServer;
  let attacker: Server;
  let attackerUrl = '';
  let context: BrowserContext;
  let meeting: { meetingId: string; documentId: string; invitations: { participantId: string; role: string; party: string; token: string }[] };
  /** What the other site serves, by path. */
  const pages = new Map<string, string>();

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
    const { cookie: officerCookie } = await officer(server, 'red-team@example.org');
    meeting = (await call(server, { cookie: officerCookie }, 'POST', '/api/console/meetings', meetingBody())).body;
    await agreeEverything(server, meeting as never);
    const secretariat = meeting.invitations.find((i) => i.role === 'secretariat' && i.party === 'TH')!;
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: secretariat.token }),
    });
    const secretariatCookie = session.headers.get('set-cookie')!.split(';')[0]!;

    attacker = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(pages.get(req.url ?? '') ?? ''));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;

    // The secretariat and the officer, signed in in this browser.
    context = await browser.newContext();
    await context.addCookies(
      [secretariatCookie, officerCookie].map((pair) => {
        const [name, value] = pair.split('=') as [string, string];
        return { name, value, url: server.url, httpOnly: true, sameSite: 'Strict' as const };
      }),
    );
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await server?.stop();
    server?.cleanup();
  });

  /** The record's state, as the administrator reads it (no link of theirs can be replaced). */
  const state = async () => (await api<{ state: string }>(server, ADMIN_TOKEN, 'GET', `/api/meetings/${meeting.meetingId}/record`)).body.state;

  it('locks nothing, replaces no link; the app’s own page still locks', async () => {
    const accord = `${server.url}/api`;
    const lao = meeting.invitations.find((i) => i.role === 'head' && i.party === 'LA')!;
    const laoSocket = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${lao.token}`);
    pages.set(
      '/form',
      `<!doctype html><html><body>
      <form id="lock" method="post" action="${accord}/meetings/${meeting.meetingId}/lock" enctype="text/plain"><input name='{"x":"' value='"}'></form>
      </body></html>`,
    );
    pages.set(
      '/images',
      `<!doctype html><html><body>
      <img id="sheet" src="${accord}/console/meetings/${meeting.meetingId}/invitations/sheet">
      <script>
        window.imageDone = new Promise((resolve) => { const img = document.getElementById('sheet'); img.onload = img.onerror = () => resolve(img.complete); });
        window.postDone = fetch('${accord}/console/meetings/${meeting.meetingId}/invitations/sheet', { method: 'POST', mode: 'no-cors', credentials: 'include', body: new FormData() }).then(() => 'read', () => 'not readable');
      </script></body></html>`,
    );

    // A plain form posted to the lock.
    const tab = await context.newPage();
    await tab.goto(`${attackerUrl}/form`);
    const [formAnswer] = await Promise.all([
      tab.waitForResponse((res) => res.url().endsWith('/lock')),
      tab.evaluate(() => (document.getElementById('lock') as HTMLFormElement).submit()),
    ]);
    expect(formAnswer.status()).toBe(403);
    expect(await state()).toBe('draft');

    // The QR sheet as an image, and posted for in the background. How each request to Accord
    // ended: answered (status), or answered and hidden from the page.
    const other = await context.newPage();
    const ended: string[] = [];
    other.on('requestfinished', (req) => void req.response().then((res) => req.url().startsWith(accord) && ended.push(String(res?.status()))));
    other.on('requestfailed', (req) => req.url().startsWith(accord) && ended.push(req.failure()?.errorText ?? 'failed'));
    await other.goto(`${attackerUrl}/images`);
    await other.evaluate(() =>
      Promise.all([(window as never as { imageDone: Promise<boolean> }).imageDone, (window as never as { postDone: Promise<string> }).postDone]),
    );
    await expect.poll(() => ended.length).toBe(2);
    // Both were answered; the browser withheld the answers from the other page (they are not its own).
    expect(ended).toEqual(['net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin']);
    expect(laoSocket.readyState).toBe(laoSocket.OPEN);
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: lao.token }),
    });
    expect(session.status).toBe(201);
    laoSocket.close();

    // The same browser on Accord's own page: the same cookie locks the record.
    const own = await context.newPage();
    await own.goto(`${server.url}/healthz`);
    const status = await own.evaluate(
      async (path) => (await fetch(path, { method: 'POST', credentials: 'same-origin' })).status,
      `/api/meetings/${meeting.meetingId}/lock`,
    );
    expect(status).toBe(200);
    expect(await state()).toBe('locked');
  });
});
