// The record's history in real headless Chromium against a real server: a Lao delegate's
// bin on an agenda item holding Thai minutes is refused and said on screen; the
// secretariat's is allowed and audited; the secretariat finds the item in the history and
// restores it; comparing two versions shows each party's changes in its colour, named.
import { describe, expect, it } from 'vitest';
import { createMeeting, tokenOf, type CreatedMeetingResponse } from '../helpers/server';
import { api } from '../helpers/lifecycle';
import { cell, openAgendaItem, screenshot, typeInto, untilText } from './helpers/browser';
import { openView } from './helpers/signing';
import { workspaceHarness } from './helpers/harness';

const TH_COLOR = 'rgb(29, 78, 216)';
const LA_COLOR = 'rgb(185, 28, 28)';

const person = (meeting: CreatedMeetingResponse, role: string, party?: string) =>
  meeting.invitations.find((i) => i.role === role && (party === undefined || i.party === party))!;

describe('the history in the browser', () => {
  const harness = workspaceHarness();
  const as = harness.as;

  it('refuses a delegate’s removal of the other party’s minutes, audits the secretariat’s, restores it from the history, and compares by party', async () => {
    const meeting = await createMeeting(harness.server);
    const secretariat = await as(meeting, 'secretariat', 'TH');
    const thai = await as(meeting, 'delegate', 'TH');
    const lao = await as(meeting, 'delegate', 'LA');
    for (const p of [secretariat, thai, lao]) p.page.on('dialog', (dialog) => void dialog.accept());

    // A version named by hand before the session's edits.
    await openView(secretariat.page, 'history');
    await secretariat.page.locator('.history-name input').fill('before the session');
    await secretariat.page.locator('.history-name button[type="submit"]').click();
    await secretariat.page.locator('.history-list li[data-version-kind="named"]').waitFor();

    // Each delegation writes its own words in agenda item 3.
    await openAgendaItem(thai.page, 3);
    await openAgendaItem(lao.page, 3);
    await typeInto(cell(thai.page, 0, 'th'), 'ไทยเพิ่ม ', 'start');
    await typeInto(cell(lao.page, 0, 'lo'), 'ລາວເພີ່ມ ', 'start');
    await untilText(cell(lao.page, 0, 'th'), (text) => text.startsWith('ไทยเพิ่ม'), 'the Thai words on the Lao screen');
    await untilText(cell(thai.page, 0, 'lo'), (text) => text.startsWith('ລາວເພີ່ມ'), 'the Lao words on the Thai screen');

    // The Lao delegate's bin: refused, said on screen, nothing removed.
    await lao.page.locator('.item-heading .row-actions button').last().click();
    const refusal = lao.page.locator('.removal-refusal[data-refusal="remove:not-your-party"]');
    await refusal.waitFor();
    await screenshot(lao.page, 'removal-refused');
    expect(await lao.page.locator('.agenda li').count()).toBe(8);

    // The secretariat's: allowed, on every screen, and audited with what it removed.
    await openView(secretariat.page, 'minutes');
    await openAgendaItem(secretariat.page, 3);
    await secretariat.page.locator('.item-heading .row-actions button').last().click();
    await lao.page.waitForFunction(() => document.querySelectorAll('.agenda li').length === 7);
    const audit = await api<{ entries: { action: string; actor: string; detail: { removed?: unknown } }[] }>(
      harness.server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    const removed = audit.body.entries.find((e) => e.action === 'record.removed')!;
    expect(removed.actor).toBe(person(meeting, 'secretariat', 'TH').participantId);
    expect(JSON.stringify(removed.detail.removed)).toContain('ไทยเพิ่ม');

    // Comparing the named version with the one kept before the removal: each party's words in its colour, named.
    await openView(secretariat.page, 'history');
    const beforeRemoval = secretariat.page.locator('.history-list li[data-version-kind="remove"]');
    await beforeRemoval.waitFor();
    const removalId = await beforeRemoval.getAttribute('data-version-id');
    const namedId = await secretariat.page.locator('.history-list li[data-version-kind="named"]').getAttribute('data-version-id');
    await secretariat.page.locator('.history-compare select[name="from"]').selectOption(namedId!);
    await secretariat.page.locator('.history-compare select[name="to"]').selectOption(removalId!);
    await secretariat.page.locator('.history-compare button[data-action="compare"]').click();
    const thaiInsert = secretariat.page.locator('.history-comparison ins[data-party="TH"]').first();
    const laoInsert = secretariat.page.locator('.history-comparison ins[data-party="LA"]').first();
    await thaiInsert.waitFor();
    expect((await secretariat.page.locator('.history-comparison ins[data-party="TH"]').allInnerTexts()).join('')).toContain('เพิ่ม'); // (the editor may keep an original letter between typed ones)
    expect(await thaiInsert.evaluate((el) => getComputedStyle(el).color)).toBe(TH_COLOR);
    expect(await thaiInsert.getAttribute('title')).toContain(person(meeting, 'delegate', 'TH').name);
    expect((await secretariat.page.locator('.history-comparison ins[data-party="LA"]').allInnerTexts()).join('')).toContain('ເພີ່ມ');
    expect(await laoInsert.evaluate((el) => getComputedStyle(el).color)).toBe(LA_COLOR);
    expect(await laoInsert.getAttribute('title')).toContain(person(meeting, 'delegate', 'LA').name);
    await screenshot(secretariat.page, 'history-comparison');

    // The secretariat finds the item in the version kept before the removal and restores it.
    await beforeRemoval.locator('button').click();
    const restore = secretariat.page.locator('.history-version tr.item-title button[data-restore]');
    await restore.waitFor();
    await restore.click();
    await secretariat.page.locator('.history-version [role="status"]').waitFor();
    await lao.page.waitForFunction(() => document.querySelectorAll('.agenda li').length === 8);
    await openAgendaItem(lao.page, 3);
    await untilText(cell(lao.page, 0, 'th'), (text) => text.startsWith('ไทยเพิ่ม'), 'the restored Thai minutes');
    const after = await api<{ entries: { action: string }[] }>(
      harness.server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(after.body.entries.some((e) => e.action === 'record.restored')).toBe(true);
  });
});
