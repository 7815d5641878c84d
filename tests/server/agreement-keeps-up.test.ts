// Agreement that keeps up: a head agrees all that remains in an agenda item in one step;
// when an edit lapses a party's mark, the server notes who changed what, once, for the head.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { api } from '../helpers/lifecycle';
import { agreementOf, agreementTargets } from '../../shared/record/agreement';
import { lapses } from '../../shared/record/lapses';
import { addSegment } from '../../shared/record/segment-ops';
import { agenda, agendaItemId, agreementKey, segmentCells, type SegmentMap } from '../../shared/record/schema';

describe('agreement that keeps up', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let lao: StockClient;

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
    lao = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await synced(lao);
  });
  afterAll(async () => {
    lao.destroy();
    await server.stop();
    server.cleanup();
  });

  const agreeAll = (token: string, itemId: string) =>
    api<{ marked: string[]; error: { code: string } }>(server, token, 'POST', `/api/meetings/${meeting.meetingId}/agreement/agenda-items/${itemId}`);
  /** The first agenda item that has minutes. */
  const firstItem = () =>
    agenda(lao.doc)
      .toArray()
      .map(agendaItemId)
      .find((id) => segmentsOf(id).length > 0)!;
  const segmentsOf = (itemId: string) =>
    agreementTargets(lao.doc).filter((t) => t.kind === 'segment' && t.agendaItemId === itemId) as {
      id: string;
      segment: SegmentMap;
      kind: 'segment';
      agendaItemId: string;
    }[];

  it('a head agrees every remaining segment of one item in one command; others cannot', async () => {
    const itemId = firstItem();
    // A second segment, written by the Lao delegate and stored before the head acts.
    addSegment(lao.doc, itemId, 'added-by-lao');
    const observer = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(observer);
    await waitFor(() => agreementTargets(observer.doc).some((t) => t.id === 'added-by-lao'), 5000, 'the new segment stored');
    observer.destroy();
    const segments = segmentsOf(itemId);
    expect(segments).toHaveLength(2);
    // The head agreed the first one already: only the rest remains.
    expect(
      (await api(server, tokenOf(meeting, 'head', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/agreement`, { targetId: segments[0]!.id, agreed: true }))
        .status,
    ).toBe(200);
    for (const [role, party] of [
      ['delegate', 'TH'],
      ['observer', undefined],
      ['secretariat', 'TH'],
    ] as const)
      expect((await agreeAll(tokenOf(meeting, role, party), itemId)).status, `${role}`).toBe(403);
    expect((await agreeAll(tokenOf(meeting, 'head', 'TH'), 'no-such-item')).status).toBe(404);

    const done = await agreeAll(tokenOf(meeting, 'head', 'TH'), itemId);
    expect(done.status).toBe(200);
    expect(done.body.marked).toEqual(['added-by-lao']);
    await waitFor(() => segments.every((s) => agreementOf(lao.doc, s).TH), 5000, 'the marks at the Lao side');
    expect(segments.every((s) => !agreementOf(lao.doc, s).LA)).toBe(true);
    // Nothing remains: a second call marks nothing.
    expect((await agreeAll(tokenOf(meeting, 'head', 'TH'), itemId)).body.marked).toEqual([]);
  });

  it('an edit that lapses the Thai mark is noted once with who changed which language; a new mark lapses anew', async () => {
    const target = segmentsOf(firstItem())[0]!;
    const edit = (text: string) => {
      const cell = segmentCells(target.segment).get('lo')!;
      (cell.get(0) as Y.XmlElement).insert(0, [new Y.XmlText(text)]);
    };
    const key = agreementKey(target.id, 'TH');
    edit('ແກ້ ');
    await waitFor(() => lapses(lao.doc).has(key), 5000, 'the lapse notice');
    const laoDelegate = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!;
    const first = lapses(lao.doc).get(key)!;
    expect(first).toMatchObject({
      targetId: target.id,
      party: 'TH',
      changedBy: laoDelegate.participantId,
      changedByName: laoDelegate.name,
      changedByParty: 'LA',
      languages: ['lo'],
    });
    expect(agreementOf(lao.doc, target).TH).toBe(false);

    // A further edit of the same lapsed mark is not noted again.
    edit('ອີກ ');
    const observer = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(observer);
    const seen = agreementTargets(observer.doc).find((t) => t.id === target.id) as typeof target;
    await waitFor(() => segmentCells(seen.segment).get('lo')!.toString().includes('ອີກ'), 5000, 'the second edit stored');
    expect(lapses(observer.doc).get(key)).toEqual(first);
    observer.destroy();

    // Agreed again, then changed by someone else: a new notice.
    expect(
      (await api(server, tokenOf(meeting, 'head', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/agreement`, { targetId: target.id, agreed: true })).status,
    ).toBe(200);
    await waitFor(() => agreementOf(lao.doc, target).TH === true, 5000, 'the new mark');
    edit('ສາມ ');
    await waitFor(() => lapses(lao.doc).get(key)!.markAt !== first.markAt, 5000, 'the second lapse notice');
    expect(lapses(lao.doc).get(key)!.changedByName).toBe(laoDelegate.name);
  });
});
