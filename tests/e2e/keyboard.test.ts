// The keyboard alone, from an invitation link to the signature: a head of delegation opens
// the link, moves with Tab to an agenda item and into a segment, types, agrees it for their
// party, and once the record is locked reviews it and signs; the focus is visible at each
// stop. (The other head's agreement and the secretariat's lock are their own, by the API.)
import { describe, expect, it } from 'vitest';
import { recordCopy, createMeeting, tokenOf } from '../helpers/server';
import { api } from '../helpers/lifecycle';
import { agreementTargets } from '../../shared/record/agreement';
import { agenda, agendaItemId, minutes, segmentId } from '../../shared/record/schema';
import { workspaceHarness } from './helpers/harness';
import { focusVisible, tabTo } from './helpers/keyboard';

describe('the keyboard-only path', () => {
  const h = workspaceHarness();

  it('a head opens their link, edits, agrees and signs without a mouse', async () => {
    const meeting = await createMeeting(h.server);
    const head = await h.as(meeting, 'head', 'TH');
    const { page } = head;
    await page.locator('.key-badge[data-key-situation="ready"]').waitFor({ timeout: 15_000 });

    // The first stop is the link past the header; the agenda item is reached by Tab and opened with Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);
    expect(await focusVisible(page)).toBe(true);
    await tabTo(page, '.agenda li button', '3');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.item-heading h2').filter({ hasText: '3' }).waitFor();

    // Into the Thai cell of the first segment, and type.
    await tabTo(page, '.segment .cell-text[data-language="th"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ทั้งสองฝ่ายรับทราบ');
    await page.locator('.segment').first().locator('.cell-text[data-language="th"]').getByText('ทั้งสองฝ่ายรับทราบ').waitFor();

    // The record holds the edit; the other side agrees everything, and this head all but that segment, by the API.
    const doc = await recordCopy(h.server, meeting.documentId);
    const edited = segmentId(
      minutes(doc)
        .get(agendaItemId(agenda(doc).get(2)))!
        .get(0),
    );
    const mark = async (party: string, targetId: string) => {
      const res = await api(h.server, tokenOf(meeting, 'head', party), 'POST', `/api/meetings/${meeting.meetingId}/agreement`, { targetId, agreed: true });
      expect(res.status).toBe(200);
    };
    for (const target of agreementTargets(doc)) {
      await mark('LA', target.id);
      if (target.id !== edited) await mark('TH', target.id);
    }

    // Agree the edited segment with the keyboard: its own button, since another segment's may
    // still offer to agree until the page has heard of the marks just made by the API.
    const agreeEdited = `.agreement[data-target-id="${edited}"] button.agree`;
    await page.locator(agreeEdited).waitFor();
    await tabTo(page, agreeEdited);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.lock-summary.clear').waitFor();

    // The secretariat locks; the head reaches the review, ticks it and signs, by keyboard.
    expect((await api(h.server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`, {})).status).toBe(200);
    await page.locator('.record-state[data-state="locked"]').waitFor();
    await tabTo(page, '.views button[data-view="signing"]');
    await page.keyboard.press('Enter');
    await page.locator('.signing-review .record-document').waitFor();
    await tabTo(page, '.signing-review .confirm input[type="checkbox"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Space');
    await tabTo(page, '.signing-review button.sign');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.signing-review[data-signed="true"]').waitFor();
  });
});
