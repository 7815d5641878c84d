// A person reading Accord in one interface language, in a browser of their own: the choice
// is the one a person makes once and the browser keeps. For the tests that look at every
// page in every language.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { UiLanguage } from '../../../client/i18n/translate';
import { tokenOf, type CreatedMeetingResponse, type TestServer } from '../../helpers/server';
import { connected, launchChromium, startServerWithClient } from './browser';

function readers(browser: () => Browser, server: () => TestServer) {
  const contexts: BrowserContext[] = [];
  const reader = async (language: UiLanguage, cookie?: string): Promise<Page> => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    await context.addInitScript((l) => window.localStorage.setItem('accord.language', l), language);
    if (cookie) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server().url }]);
    }
    return context.newPage();
  };
  const participant = async (language: UiLanguage, meeting: CreatedMeetingResponse, role: string, party?: string) => {
    const page = await reader(language);
    await page.goto(`${server().url}/join#${tokenOf(meeting, role, party)}`);
    await page.waitForURL(/\/meetings\//);
    await connected(page);
    return page;
  };
  const closeAll = async () => {
    for (const c of contexts.splice(0)) await c.close();
  };
  return { reader, participant, closeAll };
}

/** One server serving the client and one browser for a test file, and its readers. */
export function readersHarness() {
  let server: TestServer;
  let browser: Browser;
  const people = readers(
    () => browser,
    () => server,
  );
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerWithClient(), launchChromium()]);
  });
  afterAll(async () => {
    await people.closeAll();
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });
  return { ...people, server: () => server };
}
