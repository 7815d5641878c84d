// Negotiating the wording in real headless Chromium against a real server: a Lao delegate
// proposes Thai wording that the Thai head accepts, while the open proposal holds the lock
// back by name; a head agrees a whole item and is told when an edit lapses the mark; who
// is online shows in the header by party; a comment thread with a mention and a reply.
import { describe, expect, it, vi } from 'vitest';
import { createMeeting, type CreatedMeetingResponse } from '../helpers/server';
import { agreeEverything } from '../helpers/lifecycle';
import { cell, editorCell, openAgendaItem, screenshot, textOf, typeInto, untilText } from './helpers/browser';
import { openView } from './helpers/signing';
import { workspaceHarness } from './helpers/harness';

const LA_COLOR = 'rgb(185, 28, 28)';

const person = (meeting: CreatedMeetingResponse, role: string, party?: string) =>
  meeting.invitations.find((i) => i.role === role && (party === undefined || i.party === party))!;

describe('negotiating the wording in the browser', () => {
  const harness = workspaceHarness();
  const as = harness.as;

  it('a Lao delegate’s proposal for the Thai text is held against the lock by name, then accepted by the Thai head', async () => {
    const meeting = await createMeeting(harness.server);
    const lao = await as(meeting, 'delegate', 'LA');
    const head = await as(meeting, 'head', 'TH');
    const secretariat = await as(meeting, 'secretariat', 'TH');
    await openAgendaItem(lao.page, 3);
    await openAgendaItem(head.page, 3);

    // The Lao delegate proposes instead of editing: the Thai text itself does not change.
    const before = await textOf(cell(lao.page, 0, 'th'));
    const wording = `ที่ประชุมเห็นชอบ ${before.slice(12)}`;
    const thaiCell = lao.page.locator('.segment').first().locator('.segment-cell[data-language="th"]');
    await thaiCell.locator('button.propose').click();
    await thaiCell.locator('.proposal-form textarea').fill(wording);
    await thaiCell.locator('.proposal-form button[type="submit"]').click();

    // The Thai head sees it inline, as tracked changes in the Lao colour, with the proposer named.
    const proposal = head.page.locator('.segment').first().locator('.segment-cell[data-language="th"] .proposal[data-party="LA"]');
    await proposal.waitFor();
    expect(await proposal.locator('.proposal-by').innerText()).toContain(person(meeting, 'delegate', 'LA').name);
    expect(
      await proposal
        .locator('ins')
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    ).toBe(LA_COLOR);
    expect(await proposal.locator('del').count()).toBeGreaterThan(0);
    expect(await textOf(cell(head.page, 0, 'th'))).toBe(before);
    await screenshot(head.page, 'proposal-tracked');
    // The agenda list marks the item; the proposer cannot decide their own proposal.
    await head.page.locator('.agenda li').nth(2).locator('.item-marks[data-proposals="1"]').waitFor();
    await lao.page.locator('.segment').first().locator('.proposal').waitFor();
    expect(await lao.page.locator('.proposal button.accept').count()).toBe(0);

    // Everything agreed, the lock is still refused, and the blocker names the open proposal.
    await agreeEverything(harness.server, meeting);
    await openView(secretariat.page, 'signing');
    await secretariat.page.locator('button.lock').click();
    const refused = secretariat.page.locator('.refused[data-code="not_agreed"]');
    await refused.waitFor();
    const named = refused.locator('.blockers li .open-proposal');
    expect(await named.count()).toBe(1);
    expect(await named.innerText()).toContain(person(meeting, 'delegate', 'LA').name);

    // The Thai head accepts: the server writes the wording, on every screen.
    await proposal.locator('button.accept').click();
    await untilText(cell(lao.page, 0, 'th'), (text) => text.startsWith('ที่ประชุมเห็นชอบ'), 'the accepted wording on the Lao screen');
    await untilText(cell(head.page, 0, 'th'), (text) => text.startsWith('ที่ประชุมเห็นชอบ'), 'the accepted wording on the Thai screen');
    await head.page.locator('.proposal').waitFor({ state: 'detached' });
    await head.page.locator('.agenda li').nth(2).locator('.item-marks[data-proposals="0"]').waitFor();
  });

  it('a head agrees all that remains in an item, and is told who changed the text when the mark lapses; the header shows who is online', async () => {
    const meeting = await createMeeting(harness.server);
    const head = await as(meeting, 'head', 'TH');
    const lao = await as(meeting, 'delegate', 'LA');
    const laoDelegate = person(meeting, 'delegate', 'LA');

    // Online now, by party, in the colour of their caret.
    const laoOnline = head.page.locator(`.presence-list .presence-party[data-party="LA"] li[data-participant="${laoDelegate.participantId}"]`);
    await laoOnline.waitFor();
    expect(await laoOnline.evaluate((el) => getComputedStyle(el.querySelector('.presence-dot')!).backgroundColor)).toBe(LA_COLOR);

    await openAgendaItem(head.page, 3);
    await openAgendaItem(lao.page, 3);

    // The Lao delegate's caret at the end of the Thai cell's first line: its name label runs
    // over the next cell to the right, and is drawn above it, not under it.
    // Measured once it is an editor (boundingBox waits for one): the drawn text it replaces
    // could leave the page between being found and being measured.
    const lines = (await editorCell(lao.page, 0, 'th').boundingBox())!;
    // A click just inside the right edge of the first line, then a word back: the caret near the
    // line's end (at the very end it would be drawn at the start of the next line).
    await lao.page.mouse.click(lines.x + lines.width - 12, lines.y + 16);
    for (let i = 0; i < 3; i++) await lao.page.keyboard.press('ArrowLeft');
    const label = cell(head.page, 0, 'th').locator('.collaboration-carets__label');
    const neighbour = (await editorCell(head.page, 0, 'lo').boundingBox())!;
    // The caret moves to the line's end with the next presence message.
    let box = { x: 0, y: 0, width: 0, height: 0 };
    await vi.waitFor(
      async () => {
        box = (await label.boundingBox().catch(() => null)) ?? box;
        if (box.x + box.width <= neighbour.x)
          throw new Error(`the label never reached the next cell: ${JSON.stringify(box)}, the cell starts at ${neighbour.x}`);
      },
      { timeout: 10_000, interval: 50 },
    );
    // Which element is drawn on top there; carets let clicks through (pointer-events: none),
    // so for this one look the label takes part in hit-testing.
    const onTop = await head.page.evaluate(
      ([x, y]) => {
        const caret = document.querySelector<HTMLElement>('.segment .collaboration-carets__caret')!;
        caret.style.pointerEvents = 'auto';
        const hit = document.elementFromPoint(x!, y!);
        caret.style.pointerEvents = '';
        return hit?.closest('.collaboration-carets__label') != null;
      },
      [box.x + box.width - 3, box.y + box.height / 2],
    );
    expect(onTop, 'the label is drawn over the neighbouring cell').toBe(true);

    await head.page.locator('.agree-all button').click();
    await head.page.locator('.segment').first().locator('li[data-party="TH"][data-agreed="true"]').waitFor();
    // The agenda list now misses only the Lao agreement for that item.
    await lao.page.locator('.agenda li').nth(2).locator('.item-marks[data-missing="LA"]').waitFor();

    await typeInto(cell(lao.page, 0, 'lo'), ' (ແກ້ໄຂ)', 'end');
    const notice = head.page.locator('.lapse-notice');
    await notice.waitFor();
    const said = await notice.innerText();
    expect(said).toContain(laoDelegate.name);
    expect(said).toContain('ภาษาลาว');
    // The Lao delegate is told nothing: the notice is for the head whose mark lapsed.
    expect(await lao.page.locator('.lapse-notice').count()).toBe(0);
    await head.page.locator('.agenda li').nth(2).locator('.item-marks[data-missing="LA TH"]').waitFor();
  });

  it('a comment thread: a Thai delegate mentions the Lao head, who replies; the observer reads it and cannot write', async () => {
    const meeting = await createMeeting(harness.server);
    const thai = await as(meeting, 'delegate', 'TH');
    const laoHead = await as(meeting, 'head', 'LA');
    const observer = await as(meeting, 'observer');
    for (const p of [thai, laoHead, observer]) await openAgendaItem(p.page, 3);

    await thai.page.locator('.segment').first().locator('button.comments-toggle').click();
    const panel = thai.page.locator('.comments-panel');
    await panel.locator('.new-thread textarea').fill('ขอให้ระบุจำนวนกรณีที่ส่งกลับ');
    await panel.locator('.new-thread .composer select').selectOption(person(meeting, 'head', 'LA').participantId);
    await panel.locator('.new-thread button[type="submit"]').click();
    await panel.locator('.thread .comment').first().waitFor();
    expect(await panel.locator('.new-thread textarea').inputValue()).toBe('');

    // The Lao head opens the segment's comments: the thread, and that it mentions them.
    await laoHead.page.locator('.segment').first().locator('button.comments-toggle').click();
    const thread = laoHead.page.locator('.comments-panel .thread').first();
    await thread.locator('.comment').first().waitFor();
    expect(await thread.locator('.comment').first().innerText()).toContain('ขอให้ระบุจำนวนกรณีที่ส่งกลับ');
    expect(await thread.locator('.badge.mention').count()).toBe(1);
    await thread.locator('.composer textarea').fill('ເຫັນດີ, ຈະເພີ່ມຈຳນວນ');
    await thread.locator('.composer button[type="submit"]').click();

    // The reply reaches the Thai delegate, and the observer reads both but has nowhere to write.
    await thai.page.locator('.comments-panel .thread .comment').nth(1).filter({ hasText: 'ເຫັນດີ, ຈະເພີ່ມຈຳນວນ' }).waitFor();
    await observer.page.locator('.segment').first().locator('button.comments-toggle').click();
    await observer.page.locator('.comments-panel .thread .comment').nth(1).waitFor();
    expect(await observer.page.locator('.comments-panel textarea, .comments-panel button.resolve').count()).toBe(0);

    await screenshot(thai.page, 'comment-thread');
    // Resolved by the Thai delegate: every reader sees it resolved.
    await thai.page.locator('.comments-panel .thread button.resolve').click();
    await laoHead.page.locator('.comments-panel .thread.resolved').waitFor();
  });
});
