// WCAG 2.2 AA, measured by axe-core in Chromium, on every page and state a person meets, in
// each of the six interface languages: the workspace (every view, as secretariat, head and
// observer, while a draft, locked and signed; a date's calendar open), the console (first
// run, sign-in, setup link, password change, meetings, a new meeting, a meeting, register,
// dashboard, accounts), the verify page (empty, valid, not valid, a bad file) and the start
// page. No serious or critical violation is allowed; every finding is written to
// test-artifacts/axe-<language>.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openFirstRun } from '../../server/commands/console/first-run';
import { UI_LANGUAGES, type UiLanguage } from '../../client/i18n/translate';
import { createMeeting, fixture, tokenOf, ADMIN_TOKEN, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { call, cookieOf, officer, signIn } from '../helpers/console';
import { agreeEverything, api, enrolNewKey, signAs } from '../helpers/lifecycle';
import { connected, launchChromium, startServerWithClient } from './helpers/browser';
import { openView, verifyFile } from './helpers/signing';
import { AxeTally, type Finding } from './helpers/axe';

describe('accessibility in every interface language', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerWithClient(), launchChromium()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  /** A browser of its own, reading in `language`: the choice a person makes once, kept. */
  async function reader(language: UiLanguage, cookie?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    await context.addInitScript((l) => window.localStorage.setItem('accord.language', l), language);
    if (cookie) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.url }]);
    }
    return context.newPage();
  }
  const participant = async (language: UiLanguage, meeting: CreatedMeetingResponse, role: string, party?: string) => {
    const page = await reader(language);
    await page.goto(`${server.url}/join#${tokenOf(meeting, role, party)}`);
    await page.waitForURL(/\/meetings\//);
    await connected(page);
    return page;
  };

  it('the first-run page, before any administrator exists', async () => {
    await openFirstRun(server.services);
    const tally = new AxeTally();
    const serious: Finding[] = [];
    for (const language of UI_LANGUAGES) {
      const page = await reader(language);
      await page.goto(`${server.url}/console`);
      await page.locator('input[autocomplete="off"]').first().waitFor();
      serious.push(...(await tally.scan(page, `${language} console first run`)));
      await page.context().close();
    }
    tally.save('axe-first-run');
    expect(serious).toEqual([]);
  });

  for (const language of UI_LANGUAGES) {
    it(`the workspace, the console and the verify page in ${language}`, async () => {
      const tally = new AxeTally();
      const serious: Finding[] = [];
      const scan = async (page: Page, where: string) => serious.push(...(await tally.scan(page, `${language} ${where}`)));

      // ——— the workspace, as a draft ———
      const meeting = await createMeeting(server);
      const secretariat = await participant(language, meeting, 'secretariat', 'TH');
      for (const view of ['minutes', 'actions', 'participants', 'invitations', 'signing', 'export', 'audit']) {
        await openView(secretariat, view);
        await scan(secretariat, `workspace draft ${view}`);
      }
      await openView(secretariat, 'actions');
      await secretariat.locator('.date-toggle').first().click();
      await secretariat.locator('.calendar').waitFor();
      await scan(secretariat, 'workspace calendar');
      await secretariat.keyboard.press('Escape');
      const head = await participant(language, meeting, 'head', 'LA');
      await head.locator('.key-badge[data-key-situation="ready"]').waitFor({ timeout: 15_000 });
      await openView(head, 'signing');
      await scan(head, 'workspace head signing');
      const observer = await participant(language, meeting, 'observer');
      await scan(observer, 'workspace observer minutes');

      // ——— locked, then signed ———
      await agreeEverything(server, meeting);
      expect((await api(server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`, {})).status).toBe(200);
      await secretariat.locator('.record-state[data-state="locked"]').waitFor();
      for (const view of ['minutes', 'signing']) {
        await openView(secretariat, view);
        await scan(secretariat, `workspace locked ${view}`);
      }
      await head.locator('.signing-review .record-document').waitFor();
      await scan(head, 'workspace head review');
      for (const party of ['TH', 'LA']) {
        const { keys } = await enrolNewKey(server, meeting, party);
        expect((await signAs(server, meeting, party, keys.privateKey)).status).toBe(201);
      }
      await secretariat.locator('.record-state[data-state="signed"]').waitFor();
      for (const view of ['signing', 'export']) {
        await openView(secretariat, view);
        await scan(secretariat, `workspace signed ${view}`);
      }

      // ——— the console ———
      const signInPage = await reader(language);
      await signInPage.goto(`${server.url}/console`);
      await signInPage.locator('input[name="login"]').waitFor();
      await scan(signInPage, 'console sign-in');
      const invited = await call(server, { bearer: ADMIN_TOKEN }, 'POST', '/api/console/accounts', { name: `Invited ${language}`, login: `invited.${language}`, party: 'KH' });
      await signInPage.goto(invited.body.setupLink);
      await signInPage.locator('.setup-account').waitFor();
      await scan(signInPage, 'console setup link');
      await call(server, { bearer: ADMIN_TOKEN }, 'POST', '/api/console/accounts', { name: `First ${language}`, login: `first.${language}`, party: 'VN', initialPassword: 'given password 2025' });
      const first = await signIn(server, `first.${language}`, 'given password 2025', `192.0.2.${UI_LANGUAGES.indexOf(language) + 10}`);
      const change = await reader(language, cookieOf(first));
      await change.goto(`${server.url}/console`);
      await change.locator('input[autocomplete="current-password"]').waitFor();
      await scan(change, 'console password change');

      const { cookie } = await officer(server, `officer.${language}@example.org`, 'TH');
      const made = await call(server, { cookie }, 'POST', '/api/console/meetings', { ...(fixture('cmm04-th-la') as object), participants: [] });
      const desk = await reader(language, cookie);
      await desk.goto(`${server.url}/console`);
      await desk.locator('.console-table').waitFor();
      await scan(desk, 'console meetings');
      await desk.locator('.section-head button.primary').click();
      await desk.locator('.facts-form').waitFor();
      await scan(desk, 'console new meeting');
      await desk.locator('.date-toggle').first().click();
      await desk.locator('.calendar').waitFor();
      await scan(desk, 'console calendar');
      await desk.goto(`${server.url}/console/meetings/${made.body.meetingId}`);
      await desk.locator('.agenda-panel').waitFor();
      await scan(desk, 'console meeting');
      for (const page of ['register', 'dashboard']) {
        await desk.goto(`${server.url}/console/${page}`);
        await desk.locator('.console-main h1').waitFor();
        await desk.locator('.console-main table, .console-main .counts').first().waitFor();
        await scan(desk, `console ${page}`);
      }
      const administrator = await officer(server, `admin.${language}@example.org`, 'TH', 'administrator');
      const accounts = await reader(language, administrator.cookie);
      await accounts.goto(`${server.url}/console/accounts`);
      await accounts.locator('.console-table').waitFor();
      await scan(accounts, 'console accounts');

      // ——— the verify page and the start page ———
      const verify = await reader(language);
      await verify.goto(`${server.url}/verify`);
      await verify.locator('.drop-zone').waitFor();
      await scan(verify, 'verify empty');
      const bundle = await api<unknown>(server, tokenOf(meeting, 'secretariat', 'TH'), 'GET', `/api/meetings/${meeting.meetingId}/bundle`);
      const text = JSON.stringify(bundle.body);
      await verifyFile(verify, 'CMM04.accord.json', text);
      await verify.locator('.verdict').waitFor();
      await scan(verify, 'verify valid');
      await verifyFile(verify, 'CMM04-changed.accord.json', text.replace('CMM 04', 'CMM 4'));
      await verify.locator('.verdict').waitFor();
      await scan(verify, 'verify not valid');
      await verifyFile(verify, 'notes.txt', 'not a bundle', 'text/plain');
      await verify.locator('.verdict-error').waitFor();
      await scan(verify, 'verify bad file');
      await verify.goto(`${server.url}/`);
      await verify.locator('.welcome').waitFor();
      await scan(verify, 'start page');

      tally.save(`axe-${language}`);
      expect(serious).toEqual([]);
    }, 180_000);
  }
});
