// A write the server refuses is explained in the writer's language, and what they typed
// stays on their screen, copyable; the record on the server does not take it.
import { describe, expect, it } from 'vitest';
import { createMeeting, tokenOf } from '../helpers/server';
import { agreeEverything, api } from '../helpers/lifecycle';
import { cell, openAgendaItem, textOf, typeInto, untilText } from './helpers/browser';
import { workspaceHarness } from './helpers/harness';

describe('writes the server refuses, in the browser', () => {
  const harness = workspaceHarness();

  it('text typed offline into a record locked meanwhile is refused in words and kept on screen', async () => {
    const meeting = await createMeeting(harness.server);
    const lao = await harness.as(meeting, 'delegate', 'LA');
    await openAgendaItem(lao.page, 3);

    await lao.context.setOffline(true);
    await lao.page.locator('[data-link="offline"]').waitFor();
    const typed = ' ຝ່າຍລາວສະເໜີເພີ່ມເຕີມ';
    await typeInto(cell(lao.page, 0, 'lo'), typed, 'end');

    // Meanwhile both heads agree everything and the secretariat locks the record.
    await agreeEverything(harness.server, meeting);
    const locked = await api(harness.server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`);
    expect(locked.status).toBe(200);

    await lao.context.setOffline(false);
    const refusal = lao.page.locator('.refusal[data-reason="read-only:locked"]');
    await refusal.waitFor();
    expect(await refusal.locator('.refusal-what').innerText()).toContain('ບົດບັນທຶກຖືກລັອກເພື່ອລົງນາມແລ້ວ');
    await lao.page.locator('.record-state[data-state="locked"]').waitFor();

    // The words are still on screen, the cell no longer editable, and the text can be copied.
    expect(await textOf(cell(lao.page, 0, 'lo'))).toMatch(new RegExp(`${typed}$`));
    expect(await cell(lao.page, 0, 'lo').getAttribute('contenteditable')).toBe('false');
    await refusal.locator('summary').click();
    expect(await refusal.locator('textarea').inputValue()).toMatch(new RegExp(`${typed}$`));

    // The record on the server is the locked one, without them.
    const stored = await harness.storedSegment(meeting);
    expect(stored('lo')).not.toContain(typed.trim());
    await untilText(cell(lao.page, 0, 'lo'), (t) => t.endsWith(typed), 'the refused words, still shown');
  });
});
