// Moving through a page as a keyboard user does: Tab until the focus lands on what is
// wanted (proving it can be reached that way), and checking the focus can be seen there.
import type { Page } from 'playwright-core';

/** Presses Tab until the focused element matches `selector` (and holds `text`, if given). */
export async function tabTo(page: Page, selector: string, text?: string, maxPresses = 150): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(
      ([wanted, words]) => {
        const el = document.activeElement;
        return !!el && el.matches(wanted!) && (!words || (el.textContent ?? '').includes(words) || (el.getAttribute('aria-label') ?? '').includes(words));
      },
      [selector, text] as const,
    );
    if (here) return presses;
  }
  throw new Error(`${selector}${text ? ` (“${text}”)` : ''} was not reached with ${maxPresses} presses of Tab`);
}

/** Whether the focused element shows where the keyboard is: an outline, or a ring drawn with a shadow or a border. */
export const focusVisible = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
