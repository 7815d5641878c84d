// The workspace on a tablet (768×1024) and a phone (390×844): a screenshot of every view as
// test artifacts, and at phone size no editor, field or button cut off, neither outside the
// screen nor clipped by a box around it, and no page wider than the screen.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createMeeting, tokenOf } from '../helpers/server';
import { connected, screenshot } from './helpers/browser';
import { workspaceHarness } from './helpers/harness';
import { openView } from './helpers/signing';

const VIEWS = ['minutes', 'actions', 'participants', 'invitations', 'signing', 'export', 'audit'];

/** The visible controls of the page that do not fit: off the screen sideways, or clipped by an ancestor. */
const cutOff = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`the page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [contenteditable="true"]');
    for (const el of controls) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
      // Controls shown only on focus (a cell's toolbar) are not laid out for reading.
      if (el.closest('.cell-toolbar') || el.closest('.sr-only') || el.classList.contains('skip-link')) continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}”`;
      if (box.left < -1 || box.right > width + 1) {
        out.push(`${name} reaches ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`);
        continue;
      }
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflow = getComputedStyle(up).overflowX;
        if (overflow === 'visible') continue;
        const frame = up.getBoundingClientRect();
        if (box.left < frame.left - 1 || box.right > frame.right + 1) {
          out.push(`${name} is clipped by ${up.tagName.toLowerCase()}.${String(up.className).split(' ')[0]}`);
          break;
        }
      }
    }
    return out;
  });

describe('the workspace on a tablet and a phone', () => {
  const h = workspaceHarness();

  for (const [width, height] of [
    [768, 1024],
    [390, 844],
  ] as const) {
    it(`every view at ${width}×${height}: screenshots, ${width < 500 ? 'and nothing cut off' : 'columns side by side'}`, async () => {
      const meeting = await createMeeting(h.server);
      const context = await h.browser.newContext({ viewport: { width, height }, locale: 'en-US', hasTouch: true, isMobile: width < 500 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      try {
        await page.goto(`${h.server.url}/join#${tokenOf(meeting, 'secretariat', 'TH')}`);
        await page.waitForURL(/\/meetings\//);
        await connected(page);
        await page.locator('.agenda li').nth(2).locator('button').click();
        await page.locator('.segment').first().waitFor();
        const problems: string[] = [];
        for (const view of VIEWS) {
          await openView(page, view);
          await page.waitForTimeout(0);
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: `${(await import('./helpers/browser')).ARTIFACTS_DIR}/${width}x${height}-${view}.png`, fullPage: true });
          if (width < 500) problems.push(...(await cutOff(page)).map((p) => `${view}: ${p}`));
        }
        // An editor on a phone: its cells stacked one language under the other, each as wide as the screen allows.
        await openView(page, 'minutes');
        const cells = await page
          .locator('.segment')
          .first()
          .locator('.cell-text')
          .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
        if (width < 500) expect(Math.min(...cells)).toBeGreaterThan(width * 0.75);
        else expect(Math.min(...cells)).toBeGreaterThan(180);
        await screenshot(page, `${width}x${height}-minutes-viewport`);
        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
