// A record is let go of when its last client leaves; someone may be joining at that very
// moment. Whatever they send while the record is reopened must arrive, in order.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { seededRandom, seedNote, testSeed } from '../helpers/random';

describe(`joining while the last client leaves (${seedNote()})`, () => {
  const random = seededRandom(testSeed);
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  serverForAll((s) => (server = s));
  beforeAll(async () => {
    meeting = await createMeeting(server);
  });

  it('loses nothing the newcomer types, over many rounds', async () => {
    const rounds = 150;
    let previous: StockClient | null = null;
    const typed: string[] = [];
    const refusals: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const next = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, round % 2 ? 'delegate' : 'head', 'TH'), new Y.Doc());
      // The previous client leaves as the next one connects and types at once.
      previous?.destroy();
      const word = `[${round}]`;
      next.doc.getText('race').insert(0, word);
      typed.push(word);
      await synced(next);
      next.doc.getText('race').insert(0, `(${round})`);
      typed.push(`(${round})`);
      await new Promise((r) => setTimeout(r, random() * 5));
      refusals.push(...next.refusals);
      previous = next;
    }
    const last = previous!;
    const reader = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(reader);
    await waitFor(() => typed.every((w) => reader.doc.getText('race').toString().includes(w)), 10_000, 'every word stored');
    refusals.push(...last.refusals);
    expect(refusals).toEqual([]);
    last.destroy();
    reader.destroy();
  }, 120_000);
});
