// A fresh installation, start to finish, in Chromium and by the browser alone: `npm start`
// on an empty DATA_DIR prints a one-time code; the first visit to /console with it makes the
// administrator, who invites an officer by link; the officer sets a password, signs in,
// makes a meeting from a Word draft, imports the roster, and opens the workspace as its
// secretariat from the console; both heads agree everything, the officer locks, the heads
// sign, and the officer exports each party's original. No HTTP call is made by hand.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS_DIR, CLIENT_DIR, connected, launchChromium, screenshot } from './helpers/browser';
import { openView, reviewAndSign } from './helpers/signing';
import { parallelTables } from '../helpers/word-drafts';
import { bundleFromPdf } from '../../shared/signing/pdf-bundle';
import { verifyBundle } from '../../shared/signing/verify';

const ROSTER = fileURLToPath(new URL('../fixtures/console/roster-th-lo.csv', import.meta.url));
const THAI_HEAD = 'จตุพร โรจนพานิช';
const LAO_HEAD = 'ພົນຈັດຕະວາ ກົງສະຫວາດ ບຸນແລ່ງ';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Every segment and action point the head may still agree to, agreed through the buttons. */
async function agreeEverything(page: Page): Promise<void> {
  const items = page.locator('.agenda li button');
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).click();
    await page.locator('.item-heading').waitFor();
    while ((await page.locator('.segment button.agree').count()) > 0) {
      const before = await page.locator('.segment button.agree').count();
      await page.locator('.segment button.agree').first().click();
      await page.waitForFunction((n) => document.querySelectorAll('.segment button.agree').length < n, before);
    }
  }
}

describe('a fresh installation, from the set-up code to the signed originals', () => {
  let child: ChildProcess;
  let dataDir: string;
  let url: string;
  let code: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-fresh-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ACCORD_ADMIN_TOKEN: '', ACCORD_CLIENT_DIR: CLIENT_DIR, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await vi.waitFor(
      () => {
        if (!out.includes('demo-invitations.txt')) throw new Error(`the server printed no start-up lines:\n${out}`);
      },
      { timeout: 30_000, interval: 50 },
    );
    code = /^\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/m.exec(out)![1]!;
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    child?.kill('SIGTERM');
    await new Promise((r) => child?.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const person = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    return page;
  };

  it('runs the secretariat’s first hour and the meeting to its signed originals in the browser', async () => {
    // The administrator: the code printed at start makes their account, and they are in.
    const admin = await person();
    await admin.goto(`${url}/console`);
    await admin.getByLabel('Set-up code').fill(code.toLowerCase());
    await admin.getByLabel('Name', { exact: true }).fill('Siriporn Chaiyasit');
    await admin.getByLabel('Login', { exact: true }).fill('siriporn');
    await admin.getByLabel('New password', { exact: true }).fill('the administrator of accord');
    await admin.getByLabel('New password again').fill('the administrator of accord');
    await admin.getByRole('button', { name: 'Make the administrator’s account' }).click();
    // They see every meeting, the demo included.
    await admin.getByRole('link', { name: 'CMM 04' }).waitFor();

    // They invite an officer by link.
    await admin.getByRole('link', { name: 'Accounts' }).click();
    await admin.getByLabel('Name', { exact: true }).fill('Pimchanok Srisawat');
    await admin.getByLabel('Login', { exact: true }).fill('pimchanok');
    await admin.getByRole('button', { name: 'Make the account and its invitation link' }).click();
    const setupLink = await admin.getByLabel('Send this setup link to Pimchanok Srisawat; it works once, for 72 hours:').inputValue();
    expect(setupLink).toMatch(/\/console\/setup#/);

    // The officer: the link names the login, the password is set, and they sign in with it.
    const officer = await person();
    await officer.goto(setupLink);
    await officer.getByText('pimchanok', { exact: true }).waitFor();
    await officer.getByLabel('New password', { exact: true }).fill('a password of my own');
    await officer.getByLabel('New password again').fill('a password of my own');
    await officer.getByRole('button', { name: 'Set the password' }).click();
    await officer.getByRole('button', { name: 'Sign in' }).click();
    expect(await officer.getByLabel('Login (e-mail or name)').inputValue()).toBe('pimchanok');
    await officer.getByLabel('Password', { exact: true }).fill('a password of my own');
    await officer.getByRole('button', { name: 'Sign in' }).click();
    await officer.getByRole('heading', { name: 'Meetings' }).waitFor();

    // A meeting from a Word draft of parallel texts: previewed, then made with it.
    const draft = join(ARTIFACTS_DIR, 'cmm05-draft.docx');
    writeFileSync(draft, await parallelTables());
    await officer.getByRole('button', { name: 'New meeting' }).click();
    await officer.getByLabel('Series (English)').fill('Thailand–Lao PDR Case Management Meeting');
    await officer.getByLabel('Series (Thai)').fill('การประชุมหารือการบริหารจัดการ ไทย - สปป.ลาว');
    await officer.getByLabel('Series (Lao)').fill('ກອງປະຊຸມປຶກສາຫາລືການຄຸ້ມຄອງກໍລະນີ ລາວ - ໄທ');
    await officer.getByLabel('Number').fill('5');
    await officer.getByLabel('Short name').fill('CMM 05');
    await officer.getByLabel('First day', { exact: true }).fill('10/9/2025');
    await officer.getByLabel('Last day', { exact: true }).fill('11 September 2025');
    await officer.getByLabel('Venue (English)').fill('Centara Grand, Bangkok');
    await officer.getByLabel('Word draft (.docx)').setInputFiles(draft);
    await officer.getByLabel('Language of its headings and paragraphs').selectOption('en');
    await officer.getByRole('button', { name: 'Check the draft' }).click();
    await officer.getByText('The draft gives 2 agenda items and 3 segments:').waitFor();
    await officer.getByRole('button', { name: 'Create the meeting' }).click();
    await officer.getByRole('heading', { name: /CMM 05/ }).waitFor();
    await officer.getByRole('group', { name: 'Agenda item 2' }).waitFor();
    // The draft titles its first item in English only, and a blank authentic text cannot be
    // locked: the officer gives it its Thai and Lao titles in the console.
    const first = officer.getByRole('group', { name: 'Agenda item 1' });
    for (const [label, title] of [
      ['Title in Thai', 'การเปิดการประชุม'],
      ['Title in Lao', 'ການເປີດກອງປະຊຸມ'],
    ] as const) {
      await first.getByLabel(label).fill(title);
      const saved = officer.waitForResponse((r) => /\/agenda\//.test(r.url()) && r.request().method() === 'PATCH' && r.ok());
      await first.getByLabel(label).press('Tab');
      await saved;
    }

    // The roster, from a CSV; the heads' links are shown to copy and send.
    await officer.getByLabel('Roster file (CSV or Excel)').setInputFiles(ROSTER);
    await officer.getByRole('button', { name: 'Import', exact: true }).click();
    await officer.getByText('7 people were added').waitFor();
    const thaiLink = await officer.getByLabel(`Invitation link for ${THAI_HEAD}`).inputValue();
    const laoLink = await officer.getByLabel(`Invitation link for ${LAO_HEAD}`).inputValue();

    // The officer opens the workspace as the meeting's secretariat, from the console.
    await officer.getByRole('button', { name: 'Open the workspace as secretariat' }).click();
    await officer.waitForURL(/\/meetings\//);
    await connected(officer);
    expect(await officer.locator('.you').innerText()).toContain('Pimchanok Srisawat');

    // Each head joins by their link, agrees every segment for their party.
    const heads: Page[] = [];
    for (const link of [thaiLink, laoLink]) {
      const head = await person();
      await head.goto(link);
      await head.waitForURL(/\/meetings\//);
      await connected(head);
      await head.locator('.key-badge[data-key-situation="ready"]').waitFor({ timeout: 15_000 });
      await agreeEverything(head);
      heads.push(head);
    }
    await officer.locator('.lock-summary.clear').waitFor();

    // The secretariat locks; each head reviews and signs.
    await openView(officer, 'signing');
    await officer.locator('button.lock').click();
    await officer.locator('.record-card-state[data-state="locked"]').waitFor();
    for (const head of heads) {
      await openView(head, 'signing');
      await reviewAndSign(head);
    }
    await officer.locator('.record-card-state[data-state="signed"]').waitFor();

    // The officer exports each party's original: signed, valid, its own party first.
    await openView(officer, 'export');
    await screenshot(officer, 'first-run-export');
    for (const party of ['TH', 'LA']) {
      await officer.locator(`input[name="export-original"][value="${party}"]`).check();
      const [download] = await Promise.all([officer.waitForEvent('download'), officer.locator('button[data-format="pdf"]').click()]);
      expect(download.suggestedFilename()).toBe(`CMM05-${party}-original.pdf`);
      const pdf = readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const verdict = await verifyBundle(await bundleFromPdf(new Uint8Array(pdf)));
      expect(verdict.valid).toBe(true);
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
