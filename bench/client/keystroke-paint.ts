// A keystroke's time to paint, as bench:client takes it, and the same loop on a page that
// does nothing: its floor. Headless Chromium draws at 60 Hz, so keydown → the next frame
// waits for a frame boundary (0 to 16.7 ms) on any page; the figures of a page that only
// holds a contenteditable say how much of the app's figure is the measure itself.
import type { Browser, Page } from 'playwright-core';

/** One keystroke: keydown → a task just after the next frame; and how many frames it missed. */
export interface PaintSample {
  ms: number;
  /** Frame intervals between the keydown and the frame that showed it (0: the next frame). */
  framesLate: number;
}

export interface PaintFigures {
  p50Ms: number;
  p95Ms: number;
  /** Share of keystrokes shown in the first frame after their keydown, 0 to 1. */
  nextFrameShare: number;
  framesLateP95: number;
}

/** Headless Chromium's frame interval (60 Hz). */
const FRAME_MS = 1000 / 60;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

export function summarise(samples: PaintSample[]): PaintFigures {
  const ms = samples.map((s) => s.ms);
  const late = samples.map((s) => s.framesLate);
  return {
    p50Ms: percentile(ms, 0.5),
    p95Ms: percentile(ms, 0.95),
    nextFrameShare: late.filter((n) => n === 0).length / Math.max(1, late.length),
    framesLateP95: percentile(late, 0.95),
  };
}

/**
 * Times every keydown from now on: to a task queued from the next animation frame (the
 * frame's main-thread work, the keystroke's with it, is done by then). The frame's own
 * time, given to its callbacks, says which frame it was: one that began a whole interval or
 * more after the keydown is a frame that was missed.
 */
async function watchKeystrokes(page: Page): Promise<void> {
  await page.evaluate((frameMs) => {
    const w = window as unknown as { __paints: { ms: number; framesLate: number }[] };
    w.__paints = [];
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame((frameTime) =>
          setTimeout(() => w.__paints.push({ ms: performance.now() - t0, framesLate: Math.max(0, Math.floor((frameTime - t0) / frameMs)) }), 0),
        );
      },
      true,
    );
  }, FRAME_MS);
}

/** Presses a key `keystrokes` times 40 ms apart into `selector` and returns each one's figures. */
export async function typeAndTime(page: Page, selector: string, keystrokes: number): Promise<PaintSample[]> {
  await watchKeystrokes(page);
  // A page that cannot keep up with the typists may take long to answer a click.
  await page.locator(selector).first().click({ timeout: 120_000 });
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.press('x');
    await page.waitForTimeout(40);
  }
  await page.waitForFunction((n) => (window as unknown as { __paints: unknown[] }).__paints.length >= n, keystrokes, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __paints: PaintSample[] }).__paints);
}

/**
 * The floor: the same keystrokes, in the same browser and at the same moment, into a bare
 * page with one contenteditable paragraph and nothing else (no script, no network).
 */
export async function floorOfTheMeasure(browser: Browser, keystrokes: number): Promise<PaintFigures> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body><p contenteditable="true">Typed here: </p></body></html>');
    return summarise(await typeAndTime(page, '[contenteditable="true"]', keystrokes));
  } finally {
    await context.close();
  }
}
