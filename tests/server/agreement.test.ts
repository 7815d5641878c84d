import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { agreementOf, agreementTargets, lockBlockers } from '../../shared/record/agreement';
import { agreement } from '../../shared/record/schema';
import { RefusalReason } from '../../shared/protocol';

describe('agreement is marked by a head, for their own party, through the server', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let thai: StockClient;
  let lao: StockClient;

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
    thai = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    lao = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await Promise.all([synced(thai), synced(lao)]);
  });
  afterAll(async () => {
    thai.destroy();
    lao.destroy();
    await server.stop();
    server.cleanup();
  });

  const mark = (token: string, targetId: string, agreed = true) =>
    fetch(`${server.url}/api/meetings/${meeting.meetingId}/agreement`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targetId, agreed }),
    });

  const firstSegment = (c: StockClient) => agreementTargets(c.doc).find((t) => t.kind === 'segment')!;

  it('a head’s mark reaches every client, and only that party is agreed', async () => {
    const target = firstSegment(thai);
    const res = await mark(tokenOf(meeting, 'head', 'TH'), target.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ targetId: target.id, party: 'TH', agreed: true });
    await waitFor(() => agreementOf(lao.doc, firstSegment(lao)).TH === true, 5000, 'mark at the Lao side');
    expect(agreementOf(lao.doc, firstSegment(lao))).toEqual({ TH: true, LA: false });
  });

  it('delegates, observers, the secretariat and other meetings cannot mark', async () => {
    const target = firstSegment(thai);
    for (const [role, party] of [
      ['delegate', 'TH'],
      ['observer', undefined],
      ['secretariat', 'LA'],
    ] as const) {
      const res = await mark(tokenOf(meeting, role, party), target.id);
      expect(res.status, `${role} ${party ?? ''}`).toBe(403);
    }
    const other = await createMeeting(server);
    expect((await mark(tokenOf(other, 'head', 'LA'), target.id)).status).toBe(404);
    expect((await mark(tokenOf(meeting, 'head', 'LA'), 'no-such-segment')).status).toBe(404);
    expect(agreementOf(thai.doc, target).LA).toBe(false);
  });

  it('a client that writes an agreement mark itself is refused, and the mark goes nowhere', async () => {
    const forger = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await synced(forger);
    const target = firstSegment(forger);
    const forged = { party: 'LA', by: 'forger', at: new Date().toISOString(), textDigest: 'x' };
    forger.doc.transact(() => agreement(forger.doc).set(`${target.id}/LA`, forged));
    await waitFor(() => forger.refusals.includes(RefusalReason.agreementServerOnly), 5000, 'refusal');
    // An honest edit made after the forgery arrives; the forgery never does.
    lao.doc.getText('marker').insert(0, 'after');
    await waitFor(() => thai.doc.getText('marker').toString() === 'after', 5000, 'later edit');
    expect(agreement(thai.doc).get(`${target.id}/LA`)).toBeUndefined();
    forger.destroy();
    const later = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(later);
    expect(agreement(later.doc).get(`${target.id}/LA`)).toBeUndefined();
    later.destroy();
  });

  it('editing agreed text clears its agreement, and lockBlockers counts what remains', async () => {
    const target = firstSegment(thai);
    expect(agreementOf(thai.doc, target).TH).toBe(true);
    const before = lockBlockers(thai.doc).length;
    const cell = (target.kind === 'segment' ? target.segment.get('cells') : null) as Y.Map<Y.XmlFragment>;
    ((cell.get('en')!.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Amended: ');
    await waitFor(() => agreementOf(lao.doc, firstSegment(lao)).TH === false, 5000, 'agreement cleared at the Lao side');
    expect(lockBlockers(thai.doc).length).toBe(before);
    expect(lockBlockers(thai.doc).find((b) => b.id === target.id)?.missingParties).toEqual(['TH', 'LA']);
  });
});
