// Locking and co-signing in real headless Chromium against a real server: each head's
// browser makes and enrols its own key, the secretariat locks (refused, with reasons, until
// everything is agreed), each head reviews the locked record and signs, both see it signed,
// the audit log lists the steps, and the verify page, open to anyone, says valid for the
// bundle and invalid for a copy with one character of the record changed. Then: an unlock
// voids a signature visibly, a head on a borrowed browser replaces their key, and an
// amendment moves the workspace to version 2 while version 1 stays readable.
import { describe, expect, it } from 'vitest';
import { createMeeting, tokenOf, type CreatedMeetingResponse } from '../helpers/server';
import { agreeEverything, api, enrolNewKey, recordOf, signedBundleText, type RecordView } from '../helpers/lifecycle';
import { screenshot } from './helpers/browser';
import { workspaceHarness } from './helpers/harness';
import { enrolledFingerprint, keptKey, openView, reviewAndSign, verifyFile } from './helpers/signing';
import { paintOverFirstPage } from '../helpers/pdf-surgery';

const participantId = (meeting: CreatedMeetingResponse, role: string, party: string) =>
  meeting.invitations.find((i) => i.role === role && i.party === party)!.participantId;

describe('locking and co-signing in the browser', () => {
  const harness = workspaceHarness();

  it('two heads enrol keys and sign the record the secretariat locked; the bundle verifies, and a changed copy does not', async () => {
    const meeting = await createMeeting(harness.server);
    const thai = await harness.as(meeting, 'head', 'TH');
    const lao = await harness.as(meeting, 'head', 'LA');

    // Each head's browser made a key and enrolled it; the fingerprint shown is the one the server holds.
    const thaiKey = await enrolledFingerprint(thai.page);
    const laoKey = await enrolledFingerprint(lao.page);
    expect(thaiKey).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(laoKey).not.toBe(thaiKey);
    const enrolled = (await recordOf(harness.server, tokenOf(meeting, 'secretariat', 'TH'), meeting.meetingId)).body;
    expect(Object.fromEntries(enrolled.keys.map((k) => [k.party, (k as { display?: string }).display]))).toEqual({ TH: thaiKey, LA: laoKey });
    // The private key is kept in the browser and cannot be read out of it.
    expect(await keptKey(thai.page, meeting.meetingId, participantId(meeting, 'head', 'TH'))).toEqual({ kept: true, extractable: false, exportRefused: true });

    // The Thai secretariat tries to lock too early: refused, every blocker named, in Thai.
    const secretariat = await harness.as(meeting, 'secretariat', 'TH');
    await openView(secretariat.page, 'signing');
    await secretariat.page.locator('button.lock').click();
    const refused = secretariat.page.locator('.refused[data-code="not_agreed"]');
    await refused.waitFor();
    const blockers = refused.locator('.blockers li');
    // As many as the workspace counts still to agree: each one named.
    const summary = secretariat.page.locator('.lock-summary');
    const toAgree = Number(await summary.getAttribute('data-segments')) + Number(await summary.getAttribute('data-action-points'));
    expect(toAgree).toBeGreaterThan(0);
    expect(await blockers.count()).toBe(toAgree);
    expect(await blockers.first().innerText()).toMatch(/^วาระที่ \d+ \(.+\) ย่อหน้าที่ \d+ ?ยังไม่ได้รับความเห็นชอบจาก ราชอาณาจักรไทย, สาธารณรัฐประชาธิปไตยประชาชนลาว/);
    expect(await refused.locator('.blockers li[data-kind="actionPoint"]').count()).toBeGreaterThan(0);
    await refused.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200));
    await screenshot(secretariat.page, 'lock-refused');
    // A blocker leads to its segment.
    await blockers.first().locator('button').click();
    await secretariat.page.locator('main.view-minutes .segment').first().waitFor();
    await openView(secretariat.page, 'signing');

    // Both heads agree everything; now the lock goes through and everyone sees it.
    await agreeEverything(harness.server, meeting);
    await secretariat.page.locator('button.lock').click();
    await secretariat.page.locator('.record-card-state[data-state="locked"]').waitFor();
    const fingerprint = await secretariat.page.locator('.record-card .record-fingerprint code').getAttribute('data-fingerprint');
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    for (const head of [thai, lao]) {
      await head.page.locator(`.record-seal[data-fingerprint="${fingerprint}"]`).waitFor();
      expect(await head.page.locator('.workspace').getAttribute('data-read-only')).toBe('true');
    }

    // Each head reviews the locked record, as exported, and signs it.
    await openView(thai.page, 'signing');
    const review = thai.page.locator('.signing-review');
    await review.locator('.record-document').waitFor();
    expect(await review.locator('.record-document .record-fingerprint code').getAttribute('data-fingerprint')).toBe(fingerprint);
    // The Thai head's own original: Thai in the first column.
    expect(await review.locator('.record-cell').first().getAttribute('lang')).toBe('th');
    expect(await review.locator('.statement').innerText()).toContain('Jatuporn Rojanapanich, Deputy Permanent Secretary');
    expect(await review.locator('button.sign').isDisabled()).toBe(true);
    // The review, under the sticky status strip that keeps the fingerprint and key in view.
    await review.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
    await screenshot(thai.page, 'signing-review');
    await review
      .locator('.record-item:has(.record-columns)')
      .first()
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
    await screenshot(thai.page, 'signing-review-minutes');
    await reviewAndSign(thai.page);

    // The Lao side sees the Thai signature arrive live, then signs in turn.
    await lao.page.locator('.seal-party[data-party="TH"][data-signed="true"]').waitFor();
    await openView(lao.page, 'signing');
    await reviewAndSign(lao.page);

    // Both see the record become signed; the signatures table names who signed.
    for (const head of [thai, lao]) {
      await head.page.locator('.record-state[data-state="signed"]').waitFor();
      await head.page.locator('.seal-party[data-party="LA"][data-signed="true"]').waitFor();
      await head.page.locator('.signatures tr[data-party="TH"][data-signed="true"]').waitFor();
    }
    expect(await lao.page.locator('.signatures tr[data-party="TH"]').innerText()).toContain('Jatuporn Rojanapanich');
    const view = (await recordOf(harness.server, tokenOf(meeting, 'observer'), meeting.meetingId)).body;
    expect(view.state).toBe('signed');
    expect(view.signatures.map((s) => [s.party, s.voided])).toEqual([
      ['TH', false],
      ['LA', false],
    ]);

    // The secretariat's audit log lists the steps, and its chain is intact.
    await openView(secretariat.page, 'audit');
    await secretariat.page.locator('.chain[data-intact="true"]').waitFor();
    const actions = await secretariat.page.locator('.audit tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.filter((a) => a === 'key.enrolled')).toHaveLength(2);
    expect(actions.filter((a) => a === 'record.lock.refused')).toHaveLength(1);
    expect(actions.filter((a) => a === 'record.locked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'record.signed')).toHaveLength(2);
    expect(actions.indexOf('record.locked')).toBeLessThan(actions.indexOf('record.signed'));
    expect(await secretariat.page.locator('.audit tr[data-action="record.signed"]').first().innerText()).toContain('ลงนามในบันทึก');
    await screenshot(secretariat.page, 'audit-log');

    // The signed bundle, downloaded as the secretariat downloads it.
    await openView(secretariat.page, 'signing');
    const [download] = await Promise.all([secretariat.page.waitForEvent('download'), secretariat.page.locator('.record-card a.bundle-link').click()]);
    expect(download.suggestedFilename()).toBe('CMM-04-v1-signed.accord.json');
    const bundleText = await readDownload(download);

    // The verify page needs no sign-in: a fresh browser, no invitation.
    const stranger = await harness.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
    try {
      const page = await stranger.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(`${harness.server.url}/verify`);
      await verifyFile(page, 'CMM-04-v1-signed.accord.json', bundleText);
      const verdict = page.locator('.verdict[data-valid="true"]');
      await verdict.waitFor();
      expect(await verdict.locator(':scope > .record-fingerprint code').getAttribute('data-fingerprint')).toBe(fingerprint);
      expect(await verdict.locator('tr[data-party="TH"] code.fingerprint').innerText()).toBe(thaiKey);
      expect(await verdict.locator('tr[data-party="LA"] code.fingerprint').innerText()).toBe(laoKey);
      expect(await verdict.locator('tr[data-party="TH"]').innerText()).toContain('Jatuporn Rojanapanich, Deputy Permanent Secretary: signed');
      expect(await verdict.locator('.reasons li').count()).toBe(0);
      await screenshot(page, 'verify-valid');

      // The exported PDF original carries the bundle: the same verdict, and opened from the
      // original's QR code (which names the record hash), the page confirms it is that record.
      const pdf = await fetch(`${harness.server.url}/api/meetings/${meeting.meetingId}/export/pdf?original=LA`, {
        headers: { authorization: `Bearer ${tokenOf(meeting, 'secretariat', 'TH')}` },
      });
      expect(pdf.status).toBe(200);
      const pdfBytes = pdf.clone();
      await page.goto(`${harness.server.url}/verify?record=${view.recordHash}`);
      await verifyFile(page, 'CMM-04-LA.pdf', Buffer.from(await pdf.arrayBuffer()), 'application/pdf');
      const fromPdf = page.locator('.verdict[data-valid="true"]');
      await fromPdf.waitFor();
      expect(await fromPdf.locator('.sub').first().innerText()).toContain('attached to the PDF');
      await fromPdf.locator('[data-matches="true"]').waitFor();
      expect(await fromPdf.locator('.verdict-banner').innerText()).toContain('the pages are exactly the signed record');

      // The same original with a box painted over its first page by an incremental update:
      // its bundle is genuine, its pages are not the signed record.
      await verifyFile(page, 'CMM-04-LA (painted).pdf', paintOverFirstPage(Buffer.from(await pdfBytes.arrayBuffer())), 'application/pdf');
      const painted = page.locator('.verdict[data-valid="false"]');
      await painted.waitFor();
      expect(await painted.locator('.reasons li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['pages-differ']);
      await screenshot(page, 'verify-painted-over');

      // One character of the record changed (the venue, inside "record"): not valid, and why, in Lao.
      const at = bundleText.indexOf('Vientiane');
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(bundleText.indexOf('"recordBytes"'));
      const changed = `${bundleText.slice(0, at)}Vientiene${bundleText.slice(at + 'Vientiane'.length)}`;
      await page.locator('.language-switch button[lang="lo"]').click();
      await verifyFile(page, 'CMM-04-v1-signed (copy).accord.json', changed);
      const invalid = page.locator('.verdict[data-valid="false"]');
      await invalid.waitFor();
      const codes = await invalid.locator('.reasons li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
      expect(codes).toEqual(expect.arrayContaining(['record-bytes-mismatch', 'record-hash-mismatch']));
      expect(await invalid.locator('.verdict-banner').innerText()).toContain('ບໍ່ຖືກຕ້ອງ');
      expect(await invalid.locator('.reasons li[data-code="record-hash-mismatch"]').innerText()).toContain(fingerprint!);
      await screenshot(page, 'verify-invalid');

      // A file that is not a bundle is explained, not thrown.
      await verifyFile(page, 'notes.txt', 'minutes, draft', 'text/plain');
      expect(await page.locator('.verdict-error').innerText()).toContain('notes.txt');
      expect(errors).toEqual([]);
    } finally {
      await stranger.close();
    }
  });

  it('an unlock voids a signature visibly; after the next lock the head reviews and signs again', async () => {
    const meeting = await createMeeting(harness.server);
    const thai = await harness.as(meeting, 'head', 'TH');
    await enrolledFingerprint(thai.page);
    const laoDelegate = await harness.as(meeting, 'delegate', 'LA');
    await agreeEverything(harness.server, meeting);
    const secretariat = await harness.as(meeting, 'secretariat', 'LA');
    await openView(secretariat.page, 'signing');
    await secretariat.page.locator('button.lock').click();
    await openView(thai.page, 'signing');
    await reviewAndSign(thai.page);

    // The secretariat is warned whose signature an unlock voids, gives a reason, and unlocks.
    const warning = secretariat.page.locator('.lock-controls .warning[data-voids="TH"]');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Jatuporn Rojanapanich');
    await secretariat.page.locator('.lock-controls textarea').fill('ແກ້ໄຂຊື່ອົງການ');
    await secretariat.page.locator('button.unlock').click();
    await secretariat.page.locator('.record-card-state[data-state="draft"]').waitFor();

    // Everyone sees the voided signature: the head in their signatures view, a delegate in the status strip.
    await thai.page.locator('.voided li[data-party="TH"][data-voided="true"]').waitFor();
    await laoDelegate.page.locator('.voided-notice[data-voided="1"]').waitFor();
    expect(await laoDelegate.page.locator('.voided-notice').innerText()).toContain('Jatuporn Rojanapanich');
    expect(await thai.page.locator('.workspace').getAttribute('data-read-only')).toBe('false');

    // Locked again: the head's signature is owed anew, and given.
    await secretariat.page.locator('button.lock').click();
    await thai.page.locator('.signing-review[data-signed="false"]').waitFor();
    await reviewAndSign(thai.page);
    const view = (await recordOf(harness.server, tokenOf(meeting, 'head', 'TH'), meeting.meetingId)).body;
    expect(view.signatures.map((s) => [s.party, s.voided])).toEqual([
      ['TH', true],
      ['TH', false],
    ]);

    const log = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(
      harness.server,
      tokenOf(meeting, 'secretariat', 'LA'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(log.body.entries.find((e) => e.action === 'record.unlocked')?.detail).toMatchObject({ voidedSignatures: ['TH'], reason: 'ແກ້ໄຂຊື່ອົງການ' });
    expect(log.body.entries.filter((e) => e.action === 'signature.voided')).toHaveLength(1);
  });

  it('a head on a borrowed browser without their key is told so, makes a new one, and the other side sees the new fingerprint', async () => {
    const meeting = await createMeeting(harness.server);
    const own = await harness.as(meeting, 'head', 'LA');
    const first = await enrolledFingerprint(own.page);
    const thaiHead = await harness.as(meeting, 'head', 'TH');
    await openView(thaiHead.page, 'signing');
    await thaiHead.page.locator(`.signatures tr[data-party="LA"] code[data-fingerprint="${first}"]`).waitFor();

    // The same head opens their invitation on another browser: it holds no key, and says so.
    const borrowed = await harness.as(meeting, 'head', 'LA');
    await borrowed.page.locator('.key-badge[data-key-situation="missing-here"]').waitFor();
    await borrowed.page.locator('.key-badge button').click();
    const panel = borrowed.page.locator('.key-panel[data-key-situation="missing-here"]');
    await panel.waitFor();
    expect(await panel.innerText()).toContain(first);
    await panel.locator('button.make-key').click();
    const second = await enrolledFingerprint(borrowed.page);
    expect(second).not.toBe(first);
    // Told that the new key replaces the old, and that the other side must compare again.
    expect(await borrowed.page.locator('.key-panel .warning').innerText()).toContain(first);

    // The Thai head, opening the signatures again, reads the new fingerprint to compare.
    await openView(thaiHead.page, 'minutes');
    await openView(thaiHead.page, 'signing');
    await thaiHead.page.locator(`.signatures tr[data-party="LA"] code[data-fingerprint="${second}"]`).waitFor();
    // The first browser learns its key is no longer the party's.
    await own.page.reload();
    await own.page.locator('.key-badge[data-key-situation="replaced-elsewhere"]').waitFor();
    const log = await api<{ entries: { action: string }[] }>(
      harness.server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(log.body.entries.map((e) => e.action)).toContain('key.replaced');
  });

  it('an amendment moves the workspace to version 2, and version 1 stays readable with its bundle', async () => {
    const meeting = await createMeeting(harness.server);
    await signedBundleText(harness.server, meeting);
    const v1 = (await recordOf(harness.server, tokenOf(meeting, 'observer'), meeting.meetingId)).body as RecordView & { fingerprint: string };
    const secretariat = await harness.as(meeting, 'secretariat', 'TH');
    const delegate = await harness.as(meeting, 'delegate', 'LA');
    await delegate.page.locator('.record-state[data-state="signed"]').waitFor();

    await openView(secretariat.page, 'signing');
    await secretariat.page.locator('.lock-controls textarea').fill('แก้ไขวันที่ครบกำหนด');
    await secretariat.page.locator('button.amend').click();

    // Both workspaces move to version 2, a draft again, editable.
    for (const p of [secretariat, delegate]) {
      await p.page
        .locator('.meeting-code')
        .filter({ hasText: /ฉบับที่ 2|ສະບັບທີ 2|version 2/ })
        .waitFor();
      await p.page.locator('.record-state[data-state="draft"]').waitFor();
    }
    expect(await delegate.page.locator('.workspace').getAttribute('data-read-only')).toBe('false');

    // Version 1 is listed, still signed, and reads as it was signed.
    await secretariat.page.locator('.lifecycle[data-version="2"]').waitFor();
    const earlier = secretariat.page.locator('.versions li[data-version="1"]');
    await earlier.waitFor();
    expect(await earlier.innerText()).toContain(v1.fingerprint);
    await earlier.locator('button.link').click();
    await secretariat.page.locator(`.versions .record-document[data-version="1"] .record-fingerprint code[data-fingerprint="${v1.fingerprint}"]`).waitFor();
    expect(await earlier.locator('a.bundle-link').getAttribute('href')).toBe(`/api/meetings/${meeting.meetingId}/export/bundle?version=1`);
  });

  it('signing with a key the server no longer holds is refused in words, and nothing is signed', async () => {
    const meeting = await createMeeting(harness.server);
    const thai = await harness.as(meeting, 'head', 'TH');
    await enrolledFingerprint(thai.page);
    await agreeEverything(harness.server, meeting);
    expect((await api(harness.server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`)).status).toBe(200);
    await openView(thai.page, 'signing');
    await thai.page.locator('.signing-review .record-document').waitFor();
    await thai.page.locator('.confirm input[type="checkbox"]').check();

    // Meanwhile a key is enrolled for Thailand from elsewhere (the server learns of it; this page not yet).
    await enrolNewKey(harness.server, meeting, 'TH');
    await thai.page.locator('button.sign').click();
    const refusal = thai.page.locator('.statement .error[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('กุญแจ');
    const view = (await recordOf(harness.server, tokenOf(meeting, 'head', 'TH'), meeting.meetingId)).body;
    expect(view.signatures).toEqual([]);
  });
});

async function readDownload(download: { path(): Promise<string | null> }): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const path = await download.path();
  if (!path) throw new Error('the download did not complete');
  return readFileSync(path, 'utf8');
}
