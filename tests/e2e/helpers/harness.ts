// One browser and one server per e2e file, a browser context per participant, and the
// record as the server holds it, read by a stock client. Every page must end the test
// without an uncaught error.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { tokenOf, type CreatedMeetingResponse, type TestServer } from '../../helpers/server';
import { stockClient, synced, type StockClient } from '../../helpers/clients';
import { agenda, minutes, segmentCells } from '../../../shared/record/schema';
import { plainText } from '../../../shared/record/rich-text';
import { join, launchChromium, startServerWithClient, type Participant } from './browser';

export interface Harness {
  readonly browser: Browser;
  readonly server: TestServer;
  /** Opens the meeting as the first participant with this role (and party). */
  as(meeting: CreatedMeetingResponse, role: string, party?: string): Promise<Participant>;
  /** Opens an invitation link by its token. */
  joinWith(token: string): Promise<Participant>;
  /** The first segment of agenda item 3, per language, as stored on the server. */
  storedSegment(meeting: CreatedMeetingResponse): Promise<(language: string) => string>;
}

export function workspaceHarness(): Harness {
  let browser: Browser;
  let server: TestServer;
  const opened: Participant[] = [];
  const clients: StockClient[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServerWithClient()]);
  });
  afterEach(async () => {
    const errors = opened.flatMap((p) => p.errors);
    for (const { context } of opened.splice(0)) await context.close();
    for (const client of clients.splice(0)) client.destroy();
    expect(errors, 'uncaught errors in the pages').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  const joinWith = async (token: string) => {
    const participant = await join(browser, server, token);
    opened.push(participant);
    return participant;
  };

  return {
    get browser() {
      return browser;
    },
    get server() {
      return server;
    },
    as: (meeting, role, party) => joinWith(tokenOf(meeting, role, party)),
    joinWith,
    async storedSegment(meeting) {
      const client = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'secretariat', 'TH'));
      clients.push(client);
      await synced(client);
      const item = agenda(client.doc).get(2).get('id') as string;
      return (language) => plainText(segmentCells(minutes(client.doc).get(item)!.get(0)).get(language)!);
    },
  };
}
