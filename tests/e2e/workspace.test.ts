// The delegation workspace in real headless Chromium against a real server: two
// delegations editing one segment live, agreement crossing from one side to the other,
// an observer who can change nothing, and a delegate who edits offline across a reload.
import { describe, expect, it, vi } from 'vitest';
import { createMeeting } from '../helpers/server';
import { waitFor } from '../helpers/clients';
import { cell, connected, openAgendaItem, screenshot, textOf, typeInto, untilText, updatesKeptInBrowser, type Participant } from './helpers/browser';
import { workspaceHarness } from './helpers/harness';

/** Polls a list read from a page until `check` holds. */
async function untilList(p: Participant, read: (p: Participant) => Promise<string[]>, check: (list: string[]) => boolean): Promise<void> {
  await vi.waitFor(
    async () => {
      const list = await read(p);
      if (!check(list)) throw new Error(`timed out; the list reads: ${list.join(' | ')}`);
    },
    { timeout: 10_000, interval: 50 },
  );
}

const TH_COLOR = 'rgb(29, 78, 216)';
const LA_COLOR = 'rgb(185, 28, 28)';

describe('the delegation workspace in the browser', () => {
  const harness = workspaceHarness();
  const as = harness.as;
  const serverView = harness.storedSegment;

  it('a Thai and a Lao delegate type into one segment and each sees the other’s text and caret', async () => {
    const meeting = await createMeeting(harness.server);
    const thai = await as(meeting, 'delegate', 'TH');
    const lao = await as(meeting, 'delegate', 'LA');

    // Each opens in their own language, dates in their own calendar, their column first.
    await thai.page.getByText('12 มีนาคม 2568').waitFor();
    await lao.page.getByText('12 ມີນາ 2025').waitFor();
    await openAgendaItem(thai.page, 3);
    await openAgendaItem(lao.page, 3);
    expect(await thai.page.locator('.segment-head [role="columnheader"]').first().getAttribute('lang')).toBe('th');
    expect(await lao.page.locator('.segment-head [role="columnheader"]').first().getAttribute('lang')).toBe('lo');

    await typeInto(cell(thai.page, 0, 'th'), 'ที่ประชุมรับทราบ ', 'start');
    await typeInto(cell(lao.page, 0, 'lo'), ' ກອງປະຊຸມຮັບຊາບ', 'end');

    await untilText(cell(lao.page, 0, 'th'), (t) => t.startsWith('ที่ประชุมรับทราบ ทั้งสองประเทศ'), 'the Thai words on the Lao screen');
    await untilText(cell(thai.page, 0, 'lo'), (t) => t.endsWith('ກອງປະຊຸມຮັບຊາບ'), 'the Lao words on the Thai screen');

    // The other's caret sits in the cell they are typing in, labelled and coloured by party.
    const thaiCaretSeenByLao = cell(lao.page, 0, 'th').locator('.collaboration-carets__caret');
    await thaiCaretSeenByLao.waitFor();
    expect(await thaiCaretSeenByLao.innerText()).toContain('Police Colonel Anan Thongdee');
    expect(await thaiCaretSeenByLao.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(TH_COLOR);
    const laoCaretSeenByThai = cell(thai.page, 0, 'lo').locator('.collaboration-carets__caret');
    await laoCaretSeenByThai.waitFor();
    expect(await laoCaretSeenByThai.innerText()).toContain('Souksavanh Keomany');
    expect(await laoCaretSeenByThai.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(LA_COLOR);

    // What both typed is in the record the server keeps.
    const stored = await serverView(meeting);
    expect(stored('th')).toMatch(/^ที่ประชุมรับทราบ ทั้งสองประเทศ/);
    expect(stored('lo')).toMatch(/ກອງປະຊຸມຮັບຊາບ$/);

    // Thai and Lao are set in the fonts the app ships (Sarabun, Noto Sans Lao), not the machine's.
    for (const [page, family] of [
      [thai.page, 'Sarabun'],
      [lao.page, 'Noto Sans Lao'],
    ] as const) {
      const loaded = await page.evaluate(() => document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)));
      expect(loaded).toContain(family);
    }
    await screenshot(thai.page, 'workspace-th');
    await screenshot(lao.page, 'workspace-lo');
  });

  it('a delegate’s agenda, segment and action point edits reach the other delegation', async () => {
    const meeting = await createMeeting(harness.server);
    const thai = await as(meeting, 'delegate', 'TH');
    const lao = await as(meeting, 'delegate', 'LA');
    const agendaTitles = (p: Participant) => p.page.locator('.agenda li .title').allInnerTexts();

    // A new agenda item, titled in Thai, moved above "closing".
    await thai.page.locator('.agenda button.add').click();
    await thai.page.locator('.item-title[lang="th"] textarea').fill('เรื่องการส่งกลับผู้เสียหาย');
    await thai.page.locator('.item-number .row-actions button').first().click();
    await lao.page.waitForFunction(() => document.querySelectorAll('.agenda li').length === 9);
    await untilList(lao, agendaTitles, (titles) => titles[7] === 'เรื่องการส่งกลับผู้เสียหาย');

    // Its first segment, written by the Thai delegate, read by the Lao one.
    await thai.page.locator('.segments button.add').click();
    await typeInto(cell(thai.page, 0, 'th'), 'ที่ประชุมหารือแนวทางการส่งกลับ', 'start');
    await openAgendaItem(lao.page, 8);
    await untilText(cell(lao.page, 0, 'th'), (t) => t === 'ที่ประชุมหารือแนวทางการส่งกลับ', 'the new segment on the Lao screen');

    // A segment split at the caret: the English of item 3 is cut after "Both countries".
    await openAgendaItem(thai.page, 3);
    await openAgendaItem(lao.page, 3);
    const english = cell(thai.page, 0, 'en');
    await english.click();
    await thai.page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Both countries'.length; i++) await thai.page.keyboard.press('ArrowRight');
    await thai.page.locator('.segment').first().locator('.segment-cell[data-language="en"] .cell-toolbar button').last().click();
    await lao.page.waitForFunction(() => document.querySelectorAll('.segment').length === 2);
    expect(await textOf(cell(lao.page, 0, 'en'))).toBe('Both countries');
    await untilText(cell(lao.page, 1, 'en'), (t) => t.startsWith(' presented progress'), 'the cut-off words in a new segment');

    // A new action point with a due date each side reads in its own calendar, and a bracket.
    await thai.page.locator('.views button[data-view="actions"]').click();
    await lao.page.locator('.views button[data-view="actions"]').click();
    await thai.page.locator('.action-points button.add').click();
    const newPoint = (p: Participant) => p.page.locator('.action-point').nth(2);
    await newPoint(thai).locator('td[lang="th"] textarea').fill('ฝ่ายไทยส่งรายชื่อผู้เสียหายที่รอการส่งกลับ');
    // Typed as Thai writes it, in the Buddhist Era; shown to each in their own calendar and words.
    const due = newPoint(thai).locator('.date-field input');
    await due.fill('30/9/2568');
    await due.press('Tab');
    await expect.poll(() => due.inputValue()).toBe('30 กันยายน 2568');
    await expect.poll(() => newPoint(lao).locator('.date-field input').inputValue()).toBe('30 ກັນຍາ 2025');
    expect(await newPoint(lao).locator('td[lang="th"] textarea').inputValue()).toBe('ฝ่ายไทยส่งรายชื่อผู้เสียหายที่รอการส่งกลับ');
    const field = newPoint(thai).locator('td[lang="th"] textarea');
    await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 7));
    await newPoint(thai).locator('td[lang="th"] button.tool').click();
    await newPoint(lao).locator('td[lang="th"] .ytext-backdrop .bracket').getByText('ฝ่ายไทย').waitFor();
    await lao.page.locator('.lock-summary[data-brackets="1"]').waitFor();
  });

  it('the secretariat sees who has joined and issues a new link; the old one stops working', async () => {
    const meeting = await createMeeting(harness.server);
    const thai = await as(meeting, 'delegate', 'TH');
    const secretariat = await as(meeting, 'secretariat', 'TH');
    const laoDelegate = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!;
    const thaiDelegate = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'TH')!;
    // Only the secretariat has the invitations view.
    expect(await thai.page.locator('.views button[data-view="invitations"]').count()).toBe(0);

    await secretariat.page.locator('.views button[data-view="invitations"]').click();
    const row = (participantId: string) => secretariat.page.locator(`tr[data-participant-id="${participantId}"]`);
    await row(thaiDelegate.participantId)
      .getByText(/^เข้าร่วมเมื่อ \d{1,2} \S+ 25\d\d$/)
      .waitFor();
    await row(laoDelegate.participantId).getByText('ยังไม่เข้าร่วม').waitFor();

    await row(laoDelegate.participantId).locator('button').click();
    const link = await row(laoDelegate.participantId).locator('input').inputValue();
    expect(link).toMatch(new RegExp(`^${harness.server.url}/join#[A-Za-z0-9_-]{16,}$`));
    const refused = await fetch(`${harness.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: laoDelegate.token }),
    });
    expect(refused.status).toBe(401);
    const lao = await harness.joinWith(link.split('#')[1]!);
    await lao.page.getByText(laoDelegate.name).first().waitFor();
  });

  it('a head marks a segment agreed for their party, the other side sees it, and an edit clears it', async () => {
    const meeting = await createMeeting(harness.server);
    const head = await as(meeting, 'head', 'TH');
    const lao = await as(meeting, 'delegate', 'LA');
    await openAgendaItem(head.page, 3);
    await openAgendaItem(lao.page, 3);
    const thaiMark = (p: Participant) => p.page.locator('.segment').first().locator('li[data-party="TH"]');
    const blockedSegments = (p: Participant) => p.page.locator('.lock-summary').getAttribute('data-segments');
    expect(await thaiMark(lao).getAttribute('data-agreed')).toBe('false');
    const before = Number(await blockedSegments(lao));

    // The head may speak only for Thailand: there is no button for the Lao side.
    const agree = head.page.locator('.segment').first().locator('.agreement button.agree');
    expect(await agree.innerText()).toContain('ราชอาณาจักรไทย');
    expect(await head.page.locator('.segment').first().locator('.agreement button').count()).toBe(1);
    await agree.click();

    await lao.page.locator('.segment').first().locator('li[data-party="TH"][data-agreed="true"]').waitFor();
    await head.page.locator('.segment').first().locator('li[data-party="TH"][data-agreed="true"]').waitFor();
    expect(await lao.page.locator('.segment').first().locator('li[data-party="LA"]').getAttribute('data-agreed')).toBe('false');
    // Still blocked (Lao has not agreed), so the count of segments to agree does not move.
    expect(Number(await blockedSegments(lao))).toBe(before);

    // A Lao delegate edits the agreed text: Thailand's agreement lapses on both screens.
    await typeInto(cell(lao.page, 0, 'lo'), ' (ແກ້ໄຂ)', 'end');
    await head.page.locator('.segment').first().locator('li[data-party="TH"][data-agreed="false"]').waitFor();
    await lao.page.locator('.segment').first().locator('li[data-party="TH"][data-agreed="false"]').waitFor();
  });

  it('an observer reads everything and can change nothing', async () => {
    const meeting = await createMeeting(harness.server);
    const observer = await as(meeting, 'observer');
    const thai = await as(meeting, 'delegate', 'TH');
    await openAgendaItem(observer.page, 3);
    await openAgendaItem(thai.page, 3);
    const page = observer.page;

    expect(await page.locator('.workspace').getAttribute('data-read-only')).toBe('true');
    await page.getByText('observer: read only').waitFor();
    const editors = page.locator('.cell-text');
    expect(await editors.count()).toBe(3);
    for (const editable of await editors.evaluateAll((els) => els.map((el) => el.getAttribute('contenteditable')))) expect(editable).toBe('false');
    // No control that writes: no add, move, merge, delete, agree, no text field, no select.
    for (const selector of ['button.add', '.row-actions', '.cell-toolbar', '.agreement button', 'textarea', 'select', 'input'])
      expect(await page.locator(selector).count(), selector).toBe(0);
    await page.locator('.views button[data-view="actions"]').click();
    for (const selector of ['button.add', '.row-actions', 'textarea', 'select', 'input'])
      expect(await page.locator(selector).count(), `action points: ${selector}`).toBe(0);
    await page.locator('.views button[data-view="minutes"]').click();

    // Typing into a cell does nothing, on screen or in the record.
    const before = await textOf(cell(page, 0, 'en'));
    await cell(page, 0, 'en').click();
    await page.keyboard.type('observer words');
    await page.keyboard.press('Enter');
    expect(await textOf(cell(page, 0, 'en'))).toBe(before);
    const stored = await serverView(meeting);
    expect(stored('en')).not.toContain('observer words');
    expect(await page.locator('.refusal').evaluateAll((els) => els.map((el) => el.getAttribute('data-reason')))).toEqual([]);

    // The observer follows live, and may read in any interface language.
    await typeInto(cell(thai.page, 0, 'en'), 'Noted. ', 'start');
    await untilText(cell(page, 0, 'en'), (t) => t.startsWith('Noted. Both countries'), 'the delegate’s words on the observer’s screen');
    await page.locator('.language-switch button[lang="lo"]').click();
    await page.getByText('ຜູ້ສັງເກດການ: ອ່ານຢ່າງດຽວ').waitFor();
    await page.getByText('12 ມີນາ 2025').waitFor();
  });

  it('a delegate who goes offline, types and reloads keeps the text, and it reaches the other side once back online', async () => {
    const meeting = await createMeeting(harness.server);
    const lao = await as(meeting, 'delegate', 'LA');
    const thai = await as(meeting, 'delegate', 'TH');
    await openAgendaItem(lao.page, 3);
    await openAgendaItem(thai.page, 3);
    // The app's own files are cached once the service worker is ready.
    await lao.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await lao.context.setOffline(true);
    await lao.page.locator('[data-link="offline"]').waitFor();
    const keptBefore = await updatesKeptInBrowser(lao.page, meeting.documentId);
    await typeInto(cell(lao.page, 0, 'lo'), ' ບັນທຶກຕອນອອບລາຍ', 'end');
    await lao.page.locator('.connection-badge .unsent').waitFor();
    // The edit is in IndexedDB before the page goes away.
    await vi.waitFor(async () => expect(await updatesKeptInBrowser(lao.page, meeting.documentId)).toBeGreaterThan(keptBefore), {
      timeout: 10_000,
      interval: 20,
    });
    expect(await textOf(cell(thai.page, 0, 'lo'))).not.toContain('ບັນທຶກຕອນອອບລາຍ');

    await lao.page.reload();
    await lao.page.locator('[data-link="offline"]').waitFor();
    await lao.page.locator('.connection-badge .unsent').waitFor();
    await untilText(cell(lao.page, 0, 'lo'), (t) => t.endsWith('ບັນທຶກຕອນອອບລາຍ'), 'the offline words after the reload');
    expect(await textOf(cell(thai.page, 0, 'lo'))).not.toContain('ບັນທຶກຕອນອອບລາຍ');

    await lao.context.setOffline(false);
    await connected(lao.page);
    await untilText(cell(thai.page, 0, 'lo'), (t) => t.endsWith('ບັນທຶກຕອນອອບລາຍ'), 'the offline words on the Thai screen');
    const stored = await serverView(meeting);
    await waitFor(() => stored('lo').endsWith('ບັນທຶກຕອນອອບລາຍ'), 5000, 'the offline edit on the server');
  });
});
