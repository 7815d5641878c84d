// WCAG 2.2 AA, measured by axe-core in Chromium, on every page of the console (first run,
// sign-in, setup link, password change, meetings, a new meeting and its calendar, a meeting,
// register, dashboard, accounts), the verify page (empty, valid, not valid, a bad file) and
// the start page, in each of the six interface languages. No serious or critical violation
// is allowed; every finding is written to test-artifacts/axe-console-<language>.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openFirstRun } from '../../server/commands/console/first-run';
import { createMeeting, fixture, ADMIN_TOKEN, type TestServer } from '../helpers/server';
import { call, cookieOf, officer, signIn } from '../helpers/console';
import { signedBundleText } from '../helpers/lifecycle';
import { verifyFile } from './helpers/signing';
import { UI_LANGUAGES } from '../../client/i18n/translate';
import { readersHarness } from './helpers/readers';
import { AxeTally, type Finding } from './helpers/axe';

describe('the console’s and the verify page’s accessibility in every interface language', () => {
  const { reader, closeAll, server: current } = readersHarness();
  let server: TestServer;
  beforeAll(() => {
    server = current();
  });
  let bundle = '';

  it('the first-run page in every language, before any administrator exists', async () => {
    await openFirstRun(server.services);
    const tally = new AxeTally();
    const serious: Finding[] = [];
    for (const language of UI_LANGUAGES) {
      const page = await reader(language);
      await page.goto(`${server.url}/console`);
      await page.locator('input[autocomplete="off"]').first().waitFor();
      serious.push(...(await tally.scan(page, `${language} console first run`)));
    }
    tally.save('axe-first-run');
    expect(serious).toEqual([]);
    // An administrator made with the token ends the first run: the sign-in page is shown from now on.
    await officer(server, 'first.administrator@example.org', 'TH', 'administrator');
    expect((await call(server, {}, 'GET', '/api/console/first-run')).body).toEqual({ open: false });
    // A signed record for the verify page.
    bundle = await signedBundleText(server, await createMeeting(server));
    await closeAll();
  });

  for (const language of UI_LANGUAGES) {
    it(`the console, the verify page and the start page in ${language}`, async () => {
      const tally = new AxeTally();
      const serious: Finding[] = [];
      const scan = async (page: Page, where: string) => serious.push(...(await tally.scan(page, `${language} ${where}`)));

      // ——— the console ———
      const signInPage = await reader(language);
      await signInPage.goto(`${server.url}/console`);
      await signInPage.locator('input[name="login"]').waitFor();
      await scan(signInPage, 'console sign-in');
      const invited = await call(server, { bearer: ADMIN_TOKEN }, 'POST', '/api/console/accounts', {
        name: `Invited ${language}`,
        login: `invited.${language}`,
        party: 'KH',
      });
      await signInPage.goto(invited.body.setupLink);
      await signInPage.locator('.setup-account').waitFor();
      await scan(signInPage, 'console setup link');
      await call(server, { bearer: ADMIN_TOKEN }, 'POST', '/api/console/accounts', {
        name: `First ${language}`,
        login: `first.${language}`,
        party: 'VN',
        initialPassword: 'given password 2025',
      });
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
      const text = bundle;
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

      tally.save(`axe-console-${language}`);
      expect(serious).toEqual([]);
      await closeAll();
    }, 120_000);
  }
});
