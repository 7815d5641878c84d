import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createMeeting } from '../helpers/server';
import { signedBundleText } from '../helpers/lifecycle';
import { workspaceHarness } from './helpers/harness';
import { screenshot } from './helpers/browser';
import { openView } from './helpers/signing';
import { bundleFromPdf } from '../../shared/signing/pdf-bundle';
import { verifyBundle } from '../../shared/signing/verify';

describe('the export panel', () => {
  const h = workspaceHarness();

  it('a head downloads their own original, named after the meeting and the party, and it carries a valid bundle', async () => {
    const meeting = await createMeeting(h.server);
    await signedBundleText(h.server, meeting);
    const lao = await h.as(meeting, 'head', 'LA');
    await openView(lao.page, 'export');
    // The reader's own party's original is the one chosen first.
    await expect(lao.page.locator('input[name="export-original"][value="LA"]').isChecked()).resolves.toBe(true);
    await screenshot(lao.page, 'export-panel');
    const [download] = await Promise.all([lao.page.waitForEvent('download'), lao.page.locator('button[data-format="pdf"]').click()]);
    expect(download.suggestedFilename()).toBe('CMM04-LA-original.pdf');
    const path = await download.path();
    const pdf = readFileSync(path);
    const verdict = await verifyBundle(await bundleFromPdf(new Uint8Array(pdf)));
    expect(verdict.valid).toBe(true);
    // The Lao original names the Lao party first.
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text.indexOf('ສາທາລະນະລັດ')).toBeLessThan(text.indexOf('ราชอาณาจักรไทย'));
  });

  it('a delegate has no export panel, and the server refuses the file anyway', async () => {
    const meeting = await createMeeting(h.server);
    const delegate = await h.as(meeting, 'delegate', 'TH');
    await expect(delegate.page.locator('.views button[data-view="export"]').count()).resolves.toBe(0);
    const status = await delegate.page.evaluate(async (id) => (await fetch(`/api/meetings/${id}/export/pdf?original=TH`)).status, meeting.meetingId);
    expect(status).toBe(403);
  });
});
