// Real headless Chromium (Debian's) driven by playwright-core, against a real Accord server
// serving the built client. Each participant gets a browser context of their own: their own
// cookies, IndexedDB and service worker, as on their own laptop.
import { vi } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../../helpers/server';

export const CLIENT_DIR = fileURLToPath(new URL('../../../dist/client', import.meta.url));
/** Screenshots, scans and files a test hands the browser; there before any test writes to it. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../test-artifacts', import.meta.url));
mkdirSync(ARTIFACTS_DIR, { recursive: true });

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The server, serving the client that the e2e global setup built. */
export const startServerWithClient = (): Promise<TestServer> => startTestServer({ clientDir: CLIENT_DIR });

export interface Participant {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: a test that ends with any fails. */
  errors: string[];
}

/** Opens the invitation link in a fresh context and waits for the workspace to be live. */
export async function join(browser: Browser, server: TestServer, token: string): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${server.url}/join#${token}`);
  await page.waitForURL(/\/meetings\//);
  await connected(page);
  return { context, page, errors };
}

export const connected = (page: Page) => page.locator('[data-link="connected"]').waitFor({ timeout: 15_000 });

/** Shows the minutes of agenda item `number` (1-based). */
export async function openAgendaItem(page: Page, number: number): Promise<void> {
  await page
    .locator('.agenda li')
    .nth(number - 1)
    .locator('button')
    .click();
  await page
    .locator('.item-heading h2')
    .filter({ hasText: String(number) })
    .waitFor();
}

/** The editable text of one language's cell of the n-th segment (0-based) on screen. */
export const cell = (page: Page, segment: number, language: string): Locator =>
  page.locator('.segment').nth(segment).locator(`.cell-text[data-language="${language}"]`);

/**
 * The same cell once it is an editor. A cell away from the screen is drawn text, and becomes an
 * editor as it nears the screen: the drawn element is then replaced, so a box measured on it can
 * be of an element that has just left the page.
 */
export const editorCell = (page: Page, segment: number, language: string): Locator => cell(page, segment, language).and(page.locator('.ProseMirror'));

/** A cell's text as written, without the carets (and their name labels) of others in it. */
export const textOf = (target: Locator): Promise<string> =>
  target.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText;
  });

/** Waits until a cell's text (carets aside) passes `check`. */
export const untilText = (target: Locator, check: (text: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> =>
  vi.waitFor(
    async () => {
      const text = await textOf(target);
      if (!check(text)) throw new Error(`timed out waiting for ${what}; the cell reads: ${text}`);
      return text;
    },
    { timeout: timeoutMs, interval: 50 },
  );

/** Puts the caret at the start or end of a cell and types there. */
export async function typeInto(target: Locator, text: string, at: 'start' | 'end'): Promise<void> {
  await target.click();
  await target.page().keyboard.press(at === 'start' ? 'Control+Home' : 'Control+End');
  await target.page().keyboard.type(text);
}

/** How many record updates this browser holds in IndexedDB (y-indexeddb's store). */
export const updatesKeptInBrowser = (page: Page, documentId: string): Promise<number> =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const counting = db.transaction('updates').objectStore('updates').count();
          counting.onsuccess = () => {
            db.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(counting.error);
        };
      }),
    documentId,
  );

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = `${ARTIFACTS_DIR}/${name}.png`;
  await page.screenshot({ path });
  return path;
}
