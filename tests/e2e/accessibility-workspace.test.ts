// WCAG 2.2 AA, measured by axe-core in Chromium, on every view and state of the workspace in
// each of the six interface languages: as secretariat, head and observer, while a draft,
// locked and signed, a date's calendar open. No serious or critical violation is allowed;
// every finding is written to test-artifacts/axe-workspace-<language>.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createMeeting, tokenOf, type TestServer } from '../helpers/server';
import { agreeEverything, api, enrolNewKey, signAs } from '../helpers/lifecycle';
import { openView } from './helpers/signing';
import { UI_LANGUAGES } from '../../client/i18n/translate';
import { readersHarness } from './helpers/readers';
import { AxeTally, type Finding } from './helpers/axe';

describe('the workspace’s accessibility in every interface language', () => {
  const { participant, closeAll, server: current } = readersHarness();
  let server: TestServer;
  beforeAll(() => {
    server = current();
  });

  for (const language of UI_LANGUAGES) {
    it(`every view and state of the workspace in ${language}`, async () => {
      const tally = new AxeTally();
      const serious: Finding[] = [];
      const scan = async (page: Page, where: string) => serious.push(...(await tally.scan(page, `${language} ${where}`)));

      // ——— the workspace, as a draft ———
      const meeting = await createMeeting(server);
      const secretariat = await participant(language, meeting, 'secretariat', 'TH');
      for (const view of ['minutes', 'actions', 'participants', 'history', 'invitations', 'signing', 'export', 'audit']) {
        await openView(secretariat, view);
        await scan(secretariat, `workspace draft ${view}`);
      }
      await openView(secretariat, 'actions');
      await secretariat.locator('.date-toggle').first().click();
      await secretariat.locator('.calendar').waitFor();
      await scan(secretariat, 'workspace calendar');
      await secretariat.keyboard.press('Escape');
      const head = await participant(language, meeting, 'head', 'LA');
      await head.locator('.key-badge[data-key-situation="ready"]').waitFor({ timeout: 15_000 });
      await openView(head, 'signing');
      await scan(head, 'workspace head signing');
      const observer = await participant(language, meeting, 'observer');
      await scan(observer, 'workspace observer minutes');

      // ——— locked, then signed ———
      await agreeEverything(server, meeting);
      expect((await api(server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`, {})).status).toBe(200);
      await secretariat.locator('.record-state[data-state="locked"]').waitFor();
      for (const view of ['minutes', 'signing', 'history']) {
        await openView(secretariat, view);
        await scan(secretariat, `workspace locked ${view}`);
      }
      await head.locator('.signing-review .record-document').waitFor();
      await scan(head, 'workspace head review');
      for (const party of ['TH', 'LA']) {
        const { keys } = await enrolNewKey(server, meeting, party);
        expect((await signAs(server, meeting, party, keys.privateKey)).status).toBe(201);
      }
      await secretariat.locator('.record-state[data-state="signed"]').waitFor();
      for (const view of ['signing', 'export']) {
        await openView(secretariat, view);
        await scan(secretariat, `workspace signed ${view}`);
      }

      tally.save(`axe-workspace-${language}`);
      expect(serious).toEqual([]);
      await closeAll();
    }, 120_000);
  }
});
