// The workspace's connection applies what others type once a frame (client/connection/
// remote-updates.ts). Against the real server and stock y-websocket peers typing at once,
// it converges with them, loses nothing it typed (sent just after the paint, own-updates.ts),
// and is still told of refused writes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, tokenOf } from '../helpers/server';
import { serverPerTest } from '../helpers/cleanup';
import { processed, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { agenda, minutes, segmentCells } from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';
import { applyRemoteUpdatesPerFrame } from '../../client/connection/remote-updates';
import { sendOwnUpdatesAfterPaint } from '../../client/connection/own-updates';

const cellOf = (c: StockClient, language: string) => {
  const item = agenda(c.doc).get(2).get('id') as string;
  return segmentCells(minutes(c.doc).get(item)!.get(0)).get(language)!;
};
const textOf = (c: StockClient, language: string) => (cellOf(c, language).get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('remote updates applied once a frame, against the real server', () => {
  const h = serverPerTest();

  it('converges with stock peers while all of them type into one cell', async () => {
    const meeting = await createMeeting(h.server);
    const batched = stockClient(h.server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    // Timers stand in for frames here (Node has none): the same path a hidden tab takes.
    applyRemoteUpdatesPerFrame(batched.provider);
    sendOwnUpdatesAfterPaint(batched.provider);
    const peers = [h.connect(meeting.documentId, tokenOf(meeting, 'delegate', 'LA')), h.connect(meeting.documentId, tokenOf(meeting, 'head', 'LA'))];
    try {
      await Promise.all([batched, ...peers].map((c) => synced(c)));
      const everyone = [batched, ...peers];
      const count = (text: string, digit: string) => text.split(digit).length - 1;
      const before = plainText(cellOf(batched, 'th'));
      for (let round = 0; round < 40; round++) {
        for (const [i, c] of everyone.entries()) {
          const text = textOf(c, 'th');
          text.insert(round % 2 === 0 ? 0 : text.length, String(i));
        }
        if (round % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const all = () => everyone.map((c) => plainText(cellOf(c, 'th')));
      // Every client's forty keystrokes are in every copy, and the copies are the same.
      await waitFor(() => new Set(all()).size === 1 && [...'012'].every((d) => count(all()[0]!, d) === count(before, d) + 40), 10_000, 'convergence');
      expect(Y.encodeStateVector(batched.doc)).toEqual(Y.encodeStateVector(peers[0]!.doc));
    } finally {
      batched.destroy();
    }
  });

  it('is still told when the server refuses its writes', async () => {
    const meeting = await createMeeting(h.server);
    const observer = stockClient(h.server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    applyRemoteUpdatesPerFrame(observer.provider);
    sendOwnUpdatesAfterPaint(observer.provider);
    const delegate = h.connect(meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    try {
      await Promise.all([synced(observer), synced(delegate)]);
      textOf(observer, 'th').insert(0, 'not allowed');
      await waitFor(() => observer.refusals.length > 0, 5000, 'a refusal');
      // What the delegate types still reaches the observer, through the queue.
      textOf(delegate, 'th').insert(0, 'from the delegate ');
      await processed(delegate, observer);
      await waitFor(() => plainText(cellOf(observer, 'th')).includes('from the delegate'), 5000, "the delegate's words");
      expect(plainText(cellOf(observer, 'th'))).toContain('not allowed');
    } finally {
      observer.destroy();
    }
  });
});
