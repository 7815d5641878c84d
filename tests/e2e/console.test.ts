// The secretariat console in headless Chromium: an officer signs in (and replaces the
// password they were given), creates a meeting from scratch, imports a roster in Thai and
// Lao, prints the QR sheet, and a delegate opens the record from the sheet's link.
// Needs ConsoleApp mounted at /console by client/app/App.tsx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { join, launchChromium, startServerWithClient } from './helpers/browser';
import type { TestServer } from '../helpers/server';
import { admin, call } from '../helpers/console';

const ROSTER = fileURLToPath(new URL('../fixtures/console/roster-th-lo.csv', import.meta.url));

describe('the secretariat console in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServerWithClient();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  it('an officer signs in, creates a meeting, imports a roster; a delegate opens the QR sheet’s link', async () => {
    const made = await call(server, admin, 'POST', '/api/console/accounts', {
      name: 'Pimchanok Srisawat',
      login: 'pimchanok',
      party: 'TH',
      initialPassword: 'first password 2025',
    });
    expect(made.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    await page.goto(`${server.url}/console`);
    await page.getByLabel('Login (e-mail or name)').fill('pimchanok');
    await page.getByLabel('Password', { exact: true }).fill('first password 2025');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Password you were given').fill('first password 2025');
    await page.getByLabel('New password', { exact: true }).fill('a password of my own');
    await page.getByLabel('New password again').fill('a password of my own');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { name: 'Meetings' }).waitFor();

    await page.getByRole('button', { name: 'New meeting' }).click();
    await page.getByLabel('Series (English)').fill('Thailand–Lao PDR Case Management Meeting');
    await page.getByLabel('Series (Thai)').fill('การประชุมหารือการบริหารจัดการ ไทย - สปป.ลาว');
    await page.getByLabel('Series (Lao)').fill('ກອງປະຊຸມປຶກສາຫາລືການຄຸ້ມຄອງກໍລະນີ ລາວ - ໄທ');
    await page.getByLabel('Number').fill('5');
    await page.getByLabel('Short name').fill('CMM 05');
    await page.getByLabel('First day', { exact: true }).fill('2025-09-10');
    await page.getByLabel('Last day', { exact: true }).fill('2025-09-11');
    await page.getByLabel('Venue (English)').fill('Centara Grand, Bangkok');
    await page.getByLabel('Name (English)').nth(0).fill('Kingdom of Thailand');
    await page.getByLabel('Name (English)').nth(1).fill("Lao People's Democratic Republic");
    await page.getByRole('button', { name: 'Create the meeting' }).click();
    await page.getByRole('heading', { name: /CMM 05/ }).waitFor();
    const meetingId = /\/console\/meetings\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;

    await page.getByLabel('Roster file (CSV or Excel)').setInputFiles(ROSTER);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('7 people were added').waitFor();
    await page.getByRole('cell', { name: 'ຄຳຫຼ້າ ພົມມະຈັນ', exact: true }).waitFor();

    // The sheet replaces links, so it is issued by a POST and opens in a tab of its own.
    const [sheet] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open the sheet to print' }).click()]);
    const card = sheet.locator('.card').filter({ hasText: 'ນ້ອຍ, ວົງສາ' });
    const link = (await card.locator('.link').innerText()).trim();
    expect(link).toMatch(/\/join#[A-Za-z0-9_-]{43}$/);

    const delegate = await join(browser, server, link.split('#')[1]!);
    expect(delegate.page.url()).toContain(`/meetings/${meetingId}`);
    expect(delegate.errors).toEqual([]);
    expect(errors).toEqual([]);
    await delegate.context.close();
    await context.close();
  });
});
