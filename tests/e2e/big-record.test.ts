// A big record in the browser: two agenda items of 60 segments in three languages (360
// cells). Only the cells on or near the screen are editors; the others show the same text
// and still take remote edits, Tab and typing. What users rely on is checked, nothing is
// timed: typing far down reaches the others, a remote edit far off screen is there when one
// scrolls to it, the editors on a page stay far fewer than the cells, and Tab reaches a far
// cell in the same number of stops as a near one.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createMeeting, fixture, tokenOf } from '../helpers/server';
import { stockClient, synced, waitFor } from '../helpers/clients';
import { agenda, agendaItemId, minutes, segmentCells } from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';
import { cell, editorCell, openAgendaItem, textOf, untilText } from './helpers/browser';
import { workspaceHarness } from './helpers/harness';
import { AxeTally } from './helpers/axe';

const SEGMENTS = 60;
const LANGUAGES = ['th', 'lo', 'en'];

function bigRecord(): unknown {
  const body = fixture('cmm04-th-la') as { minutes: unknown[] };
  body.minutes = [1, 2].map((item) => ({
    agendaItem: item,
    segments: Array.from({ length: SEGMENTS }, (_, i) => ({
      th: `วาระที่ ${item} ย่อหน้าที่ ${i + 1}: ทั้งสองฝ่ายได้ทบทวนกรณีที่ส่งต่อมา`,
      lo: `ວາລະທີ ${item} ວັກທີ ${i + 1}: ທັງສອງຝ່າຍໄດ້ທົບທວນກໍລະນີ`,
      en: `Item ${item}, paragraph ${i + 1}: both sides reviewed the cases referred since the last meeting.`,
    })),
  }));
  return body;
}

/** ProseMirror views in the page: the editors mounted. */
const editorsIn = (page: Page) => page.locator('.ProseMirror').count();
/** Whether the n-th segment's cell in `language` is an editor now (not the drawn text). */
const isEditor = (page: Page, segment: number, language: string) => cell(page, segment, language).evaluate((el) => el.classList.contains('ProseMirror'));

/** Presses Tab until the focus is in the n-th segment's text in `language`; how many presses it took. */
async function tabsTo(page: Page, segment: number, language: string, max = 60): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(
      ([n, lang]) => {
        const el = document.activeElement;
        return !!el?.matches(`.cell-text[data-language="${lang}"]`) && el.closest('.segment') === document.querySelectorAll('.segment')[n as number];
      },
      [segment, language] as const,
    );
    if (here) return presses;
  }
  throw new Error(`segment ${segment + 1} (${language}) was not reached with ${max} presses of Tab`);
}

/** Puts the focus on the last Tab stop of the n-th segment's row without scrolling to it. */
const focusEndOfRow = (page: Page, segment: number) =>
  page.evaluate((n) => {
    const stops = document.querySelectorAll('.segment')[n]!.querySelectorAll<HTMLElement>('.segment-side button:not([disabled])');
    stops[stops.length - 1]!.focus({ preventScroll: true });
  }, segment);

describe('a big record in the browser', () => {
  const h = workspaceHarness();

  it('keeps few editors, and a far cell takes typing, remote edits and the keyboard', async () => {
    const meeting = await createMeeting(h.server, bigRecord());
    const thai = await h.as(meeting, 'delegate', 'TH');
    const lao = await h.as(meeting, 'delegate', 'LA');
    const record = stockClient(h.server.wsUrl, meeting.documentId, tokenOf(meeting, 'secretariat', 'TH'));
    try {
      await synced(record);
      const stored = (segment: number, language: string) => {
        const item = agendaItemId(agenda(record.doc).get(0));
        return plainText(segmentCells(minutes(record.doc).get(item)!.get(segment)).get(language)!);
      };
      await openAgendaItem(thai.page, 1);
      await openAgendaItem(lao.page, 1);
      await thai.page
        .locator('.segment')
        .nth(SEGMENTS - 1)
        .waitFor({ state: 'attached' });
      await editorCell(thai.page, 0, 'th').waitFor();

      // Every cell is there, with its text; far fewer are editors.
      const cells = SEGMENTS * LANGUAGES.length;
      expect(await thai.page.locator('.segment .cell-text').count()).toBe(cells);
      expect(await editorsIn(thai.page)).toBeGreaterThan(0);
      expect(await editorsIn(thai.page)).toBeLessThan(cells / 2);
      expect(await isEditor(thai.page, SEGMENTS - 5, 'th')).toBe(false);
      expect(await textOf(cell(thai.page, SEGMENTS - 5, 'en'))).toContain(`paragraph ${SEGMENTS - 4}:`);
      // A drawn cell is a text box named for its cell, as the editor is, and axe finds nothing serious on the page.
      expect(await cell(thai.page, SEGMENTS - 5, 'en').getAttribute('role')).toBe('textbox');
      expect(await cell(thai.page, SEGMENTS - 5, 'en').getAttribute('aria-label')).toContain(String(SEGMENTS - 4));
      expect(await new AxeTally().scan(thai.page, 'a big record, most cells drawn')).toEqual([]);

      // Scrolled to a far cell, the Thai delegate types there; the record and the Lao screen, far from it, have the words.
      const far = SEGMENTS - 5;
      await cell(thai.page, far, 'th').scrollIntoViewIfNeeded();
      await editorCell(thai.page, far, 'th').waitFor();
      await cell(thai.page, far, 'th').click();
      await thai.page.keyboard.press('Control+End');
      await thai.page.keyboard.type(' ที่ประชุมเห็นชอบ');
      await waitFor(() => stored(far, 'th').endsWith('ที่ประชุมเห็นชอบ'), 10_000, 'the far edit in the record');
      expect(await isEditor(lao.page, far, 'th')).toBe(false);
      await untilText(cell(lao.page, far, 'th'), (t) => t.endsWith('ที่ประชุมเห็นชอบ'), 'the far edit drawn on the Lao screen');

      // A remote edit to a cell far off the Thai screen (scrolled to the end, the focus let go): there once scrolled back to.
      await thai.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // The editor of a cell that left the screen lingers a moment (scrolling back costs nothing); wait until it is drawn.
      await expectEventually(async () => (await isEditor(thai.page, 2, 'lo')) === false, 'the near editor to go once scrolled away');
      await cell(lao.page, 2, 'lo').click();
      await lao.page.keyboard.press('Control+End');
      await lao.page.keyboard.type(' ກອງປະຊຸມຮັບຊາບ');
      await waitFor(() => stored(2, 'lo').endsWith('ກອງປະຊຸມຮັບຊາບ'), 10_000, 'the Lao edit in the record');
      expect(await isEditor(thai.page, 2, 'lo')).toBe(false);
      await cell(thai.page, 2, 'lo').scrollIntoViewIfNeeded();
      await untilText(cell(thai.page, 2, 'lo'), (t) => t.endsWith('ກອງປະຊຸມຮັບຊາບ'), 'the Lao edit on the Thai screen');
      await editorCell(thai.page, 2, 'lo').waitFor();

      // Having been to the end and back, the page still holds far fewer editors than cells: those far away went.
      await expectEventually(async () => (await isEditor(thai.page, far, 'th')) === false, 'the far editor to go once off screen');
      expect(await editorsIn(thai.page)).toBeLessThan(cells / 2);

      // The keyboard: from the end of a row far below, Tab reaches the next segment's Thai text in as many
      // presses as from the end of the first row to the second's, and what is typed there lands in the record.
      await thai.page.evaluate(() => window.scrollTo(0, 0));
      await focusEndOfRow(thai.page, 0);
      const near = await tabsTo(thai.page, 1, 'th');
      const target = SEGMENTS - 10;
      expect(await isEditor(thai.page, target, 'th')).toBe(false);
      await focusEndOfRow(thai.page, target - 1);
      expect(await tabsTo(thai.page, target, 'th')).toBe(near);
      await thai.page.locator('.segment').nth(target).locator('.ProseMirror[data-language="th"]:focus').waitFor();
      await thai.page.keyboard.press('Control+End');
      await thai.page.keyboard.type(' พิมพ์ด้วยแป้น');
      await waitFor(() => stored(target, 'th').endsWith('พิมพ์ด้วยแป้น'), 10_000, 'the keyboard edit in the record');
      // Shift+Tab from there goes back through the same toolbar as before.
      await thai.page.keyboard.press('Shift+Tab');
      expect(await thai.page.evaluate(() => document.activeElement?.closest('.cell-toolbar') !== null)).toBe(true);

      // An observer's page: no cell, drawn or editor, takes the focus or typing.
      const observer = await h.as(meeting, 'observer');
      await openAgendaItem(observer.page, 1);
      await editorCell(observer.page, 0, 'th').waitFor();
      expect(await observer.page.locator('.cell-text[tabindex], .cell-text[contenteditable="true"]').count()).toBe(0);
      expect(await observer.page.locator('.cell-drawn').count()).toBeGreaterThan(0);
    } finally {
      record.destroy();
    }
  }, 240_000);
});

/** Polls `check` until it holds (each poll a round trip to the page; nothing timed). */
async function expectEventually(check: () => Promise<boolean>, what: string, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}
