// The case annex in real headless Chromium: the Thai secretariat adds a case by reference
// (warned while a victim's name stands in the next step), the status strip counts the
// annex's blockers, both heads agree the annex in their own workspaces, the record locks
// with the annex's digest and both heads sign; each head downloads their party's originals,
// and both carry the annex in Thai and Lao. An observer is never offered the cases, and
// their browser never asks for them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMeeting, tokenOf } from '../helpers/server';
import { docxText, pdfPages } from '../helpers/export-tools';
import { squash } from '../helpers/export-text';
import { agreeEverything, api, enrolNewKey, recordOf, signAs } from '../helpers/lifecycle';
import { connected, screenshot, type Participant } from './helpers/browser';
import { workspaceHarness } from './helpers/harness';
import { openView } from './helpers/signing';

const openCases = async (p: Participant) => {
  await connected(p.page);
  await p.page.locator('nav.views button[data-view="cases"]').click();
  await p.page.locator('section.cases').waitFor();
};

describe('the case annex in the browser', () => {
  const harness = workspaceHarness();

  it('the secretariat adds a case, both heads agree the annex, the record locks with it and both heads sign', async () => {
    const meeting = await createMeeting(harness.server);
    const secretariat = await harness.as(meeting, 'secretariat', 'TH');
    await openCases(secretariat);
    const page = secretariat.page;
    await page.locator('button.add').click();
    await page.locator('input[name="reference-TH"]').fill('TH-2025-0141');
    await page.locator('input[name="agency-TH"]').fill('Shelter for Children and Families, Nong Khai');
    await page.locator('input[name="reference-LA"]').fill('LA-0387');
    await page.locator('select[name="stage"]').selectOption('repatriation-agreed');

    // A name typed into the next step is flagged at once, in the reader's language (Thai).
    const nextStep = page.locator('textarea[name="nextStep-en"]');
    await nextStep.fill('Ms Malee Jaidee returns through Nong Khai');
    const warning = page.locator('.next-step[data-language="en"] .personal-data-warning li[data-kind="name"]');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Malee Jaidee');
    expect(await warning.innerText()).toContain('ชื่อบุคคล');
    await nextStep.fill('Return through the Nong Khai border checkpoint');
    await warning.waitFor({ state: 'detached' });
    await page.locator('textarea[name="nextStep-th"]').fill('ส่งกลับทางด่านหนองคาย');
    await page.locator('form.case-form button[type="submit"]').click();
    const row = page.locator('table.case-table tbody tr');
    await row.waitFor();
    expect(await row.innerText()).toContain('TH-2025-0141');
    expect(await row.innerText()).toContain('LA-0387');
    expect(await row.locator('td[data-stage]').getAttribute('data-stage')).toBe('repatriation-agreed');
    // The status strip counts the annex: neither party has agreed it yet.
    await page.locator('.lock-summary .case-annex-count[data-missing="2"][data-findings="0"]').waitFor();
    await screenshot(page, 'cases-secretariat-th');

    // An observer is offered no cases view, no count of it, and never asks for it.
    const observer = await harness.as(meeting, 'observer');
    const asked: string[] = [];
    observer.page.on('request', (request) => asked.push(request.url()));
    await connected(observer.page);
    expect(await observer.page.locator('nav.views button[data-view="cases"]').count()).toBe(0);
    // Once the status strip is drawn and the page has nothing more to fetch, it has asked all
    // it was going to ask.
    await observer.page.locator('.lock-summary').waitFor();
    await observer.page.waitForLoadState('networkidle');
    expect(await observer.page.locator('.case-annex-count').count()).toBe(0);
    expect(asked.filter((url) => url.includes('/cases'))).toEqual([]);

    // Each head agrees the annex for their own party, in their own workspace.
    for (const party of ['TH', 'LA']) {
      const head = await harness.as(meeting, 'head', party);
      await openCases(head);
      await head.page.locator('.case-agreement button.agree').click();
      await head.page.locator(`.case-agreement li[data-party="${party}"][data-agreed="true"]`).waitFor();
    }
    const annex = await api<{ agreement: Record<string, boolean>; cases: { id: string }[] }>(
      harness.server,
      tokenOf(meeting, 'head', 'LA'),
      'GET',
      `/api/meetings/${meeting.meetingId}/cases`,
    );
    expect(annex.body.agreement).toEqual({ TH: true, LA: true });

    // The rest of the record agreed, the record locks and both heads sign the hash that seals the annex.
    await agreeEverything(harness.server, meeting);
    const keys = new Map<string, CryptoKey>();
    for (const party of ['TH', 'LA']) keys.set(party, (await enrolNewKey(harness.server, meeting, party)).keys.privateKey);
    const locked = await api(harness.server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`);
    expect(locked.status).toBe(200);
    const view = await recordOf(harness.server, tokenOf(meeting, 'head', 'TH'), meeting.meetingId);
    expect(view.body.record!.caseAnnex?.cases).toBe(1);
    for (const party of ['TH', 'LA']) expect((await signAs(harness.server, meeting, party, keys.get(party)!)).status).toBe(201);
    expect((await recordOf(harness.server, tokenOf(meeting, 'head', 'LA'), meeting.meetingId)).body.state).toBe('signed');

    // Signed: the annex is shown, and no one is offered to change it.
    await page.reload();
    await openCases(secretariat);
    await page.locator('table.case-table tbody tr').waitFor();
    expect(await page.locator('button.add').count()).toBe(0);

    // Each head downloads their party's signed originals: both carry the annex, in Thai and in Lao.
    for (const party of ['TH', 'LA']) {
      const head = await harness.as(meeting, 'head', party);
      await openView(head.page, 'export');
      for (const format of ['pdf', 'docx']) {
        const [download] = await Promise.all([head.page.waitForEvent('download'), head.page.locator(`button[data-format="${format}"]`).click()]);
        expect(download.suggestedFilename()).toBe(`CMM04-${party}-original.${format}`);
        const bytes = readFileSync((await download.path())!);
        const text = squash(format === 'pdf' ? (await pdfPages(bytes)).join('') : await docxText(bytes));
        for (const words of ['ภาคผนวกกรณี', 'ເອກະສານຊ້ອນທ້າຍກໍລະນີ', 'ตกลงส่งกลับแล้ว', 'ຕົກລົງສົ່ງກັບແລ້ວ', 'TH-2025-0141 / LA-0387', 'ส่งกลับทางด่านหนองคาย'])
          expect(text, `${party} ${format}: ${words}`).toContain(squash(words));
      }
    }
  });
});
