// The workspace's first-load budget (issue #20): what a delegate opening an invitation link
// on a hotel's Wi-Fi downloads in JavaScript before they can type into the minutes. Real
// Chromium opens the link; every script it asks for until a minutes cell is editable is
// weighed by its compressed copies in the build (what the server sends), so the figure does
// not depend on the machine's speed. Nothing here is timed.
//
// The target is 200 kB of gzip, and gzip is what a delegate is sent when the server is
// reached over plain HTTP: Chromium asks for Brotli only over HTTPS and from localhost (so the
// client benchmark, on 127.0.0.1, is sent Brotli). Brotli is held too, at what 200 kB of gzip
// comes to in Brotli at the ratio of this build (0.9), so neither can grow past the target
// unnoticed. After the cuts of issue #20 (Preact for React's renderer, Zopfli for the gzip
// copies) the first load stands at 194.6 kB of gzip and 174.4 kB of Brotli (kB: 1000 bytes).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createMeeting, tokenOf, type TestServer } from '../helpers/server';
import { CLIENT_DIR, join as joinWith, launchChromium, startServerWithClient } from './helpers/browser';

const GZIP_CEILING_KB = 200;
const BROTLI_CEILING_KB = 180;

describe('the first load', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServerWithClient()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  it(`fetches at most ${GZIP_CEILING_KB} kB of gzip (${BROTLI_CEILING_KB} kB of Brotli) of JavaScript from the invitation link to an editable minutes cell`, async () => {
    const meeting = await createMeeting(server);
    // The Thai head, as in the client benchmark: the heaviest first screen (the lock summary,
    // the signing key made on arrival).
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      const scripts = new Set<string>();
      let editable = false;
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (!editable && path.endsWith('.js')) scripts.add(path);
      });
      await page.goto(`${server.url}/join#${tokenOf(meeting, 'head', 'TH')}`);
      // CMM 04 opens on an item without minutes; item 3 holds both parties' words.
      await page.locator('.agenda li').nth(2).locator('button').click();
      await page.locator('.cell-text[contenteditable="true"]').first().waitFor({ timeout: 30_000 });
      // Live, as the client benchmark counts it: what the connection's first moments ask for too.
      await page.locator('[data-link="connected"]').waitFor({ timeout: 30_000 });
      editable = true;

      const weighed = [...scripts].map((path) => {
        const file = join(CLIENT_DIR, path);
        const size = (suffix: string) => (existsSync(file + suffix) ? statSync(file + suffix).size : statSync(file).size);
        return { path, brotli: size('.br'), gzip: size('.gz') };
      });
      const kB = (bytes: number) => Math.round(bytes / 100) / 10;
      const brotli = weighed.reduce((n, s) => n + s.brotli, 0);
      const gzip = weighed.reduce((n, s) => n + s.gzip, 0);
      console.log(
        `first load: ${weighed.length} scripts, ${kB(brotli)} kB Brotli, ${kB(gzip)} kB gzip\n` +
          weighed
            .sort((a, b) => b.brotli - a.brotli)
            .map((s) => `  ${s.path}: ${kB(s.brotli)} kB Brotli, ${kB(s.gzip)} kB gzip`)
            .join('\n'),
      );
      // Only the interface language's catalog, the reader's party's (Thai, though the browser
      // speaks English), and only its first part: no other language's words, and not twice.
      expect(
        weighed
          .map((s) => s.path)
          .filter((p) => p.startsWith('/assets/i18n-'))
          .map((p) => p.split('-').slice(1, 3).join('-')),
      ).toEqual(['th-core']);
      // The console, verify page and the views behind tabs are not fetched.
      expect(
        weighed.map((s) => s.path).filter((p) => /(ConsoleApp|VerifyPage|LifecycleView|ExportPanel|AuditView|HistoryView|CasesView|CommentsPanel)-/.test(p)),
      ).toEqual([]);
      expect(gzip / 1000, 'kB of gzip JavaScript before the first editable cell').toBeLessThanOrEqual(GZIP_CEILING_KB);
      expect(brotli / 1000, 'kB of Brotli JavaScript before the first editable cell').toBeLessThanOrEqual(BROTLI_CEILING_KB);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps every chunk left for later once the service worker is ready: a view never opened opens offline, in the reader’s words', async () => {
    const meeting = await createMeeting(server);
    const lao = await joinWith(browser, server, tokenOf(meeting, 'delegate', 'LA'));
    try {
      await lao.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      // The precache is done when the last chunk the build names is in the cache.
      await lao.page.waitForFunction(
        async () => {
          const cache = await caches.open('accord-shell-v1');
          const keys = await cache.keys();
          return keys.some((r) => /\/assets\/i18n-vi-extra-/.test(r.url)) && keys.some((r) => /\/assets\/ConsoleApp-/.test(r.url));
        },
        undefined,
        { timeout: 30_000 },
      );
      await lao.context.setOffline(true);
      await lao.page.locator('[data-link="offline"]').waitFor();
      await lao.page.locator('.views button[data-view="participants"]').click();
      await lao.page.locator('main.view-participants section.participants').waitFor();
      expect(await lao.page.locator('.views button[data-view="participants"]').innerText()).toMatch(/[\u0E80-\u0EFF]/);
      expect(lao.errors).toEqual([]);
    } finally {
      await lao.context.close();
    }
  });
});
