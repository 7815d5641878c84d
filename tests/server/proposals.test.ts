// Party proposals: wording suggested for a cell, accepted or rejected by the head of the
// party whose language the cell is in, or by the secretariat; an open one blocks the lock
// and the blocker names it; nobody makes or decides one by writing the record directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { agreeEverything, api } from '../helpers/lifecycle';
import { agreementOf, agreementTargets, type AgreementTarget } from '../../shared/record/agreement';
import { lapses } from '../../shared/record/lapses';
import { cellText, proposals, type Proposal } from '../../shared/record/proposals';
import { agreementKey, segmentCells } from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';
import { RefusalReason } from '../../shared/protocol';

describe('party proposals', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let thai: StockClient;

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
    thai = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(thai);
  });
  afterAll(async () => {
    thai.destroy();
    await server.stop();
    server.cleanup();
  });

  const segment = (c: StockClient, n = 0) => agreementTargets(c.doc).filter((t) => t.kind === 'segment')[n] as Extract<AgreementTarget, { kind: 'segment' }>;
  const propose = (token: string, body: unknown) =>
    api<{ proposal: Proposal; error?: { code: string } }>(server, token, 'POST', `/api/meetings/${meeting.meetingId}/proposals`, body);
  const decide = (token: string, id: string, decision: string) =>
    api<{ proposal: Proposal; error: { code: string } }>(server, token, 'POST', `/api/meetings/${meeting.meetingId}/proposals/${id}/decision`, { decision });
  const laoDelegate = () => meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!;

  it('a Lao delegate’s proposal for a Thai cell is decided by the Thai head, not by the Lao head or a Thai delegate; accepting writes the wording', async () => {
    const { id: segmentId } = segment(thai);
    const made = await propose(laoDelegate().token, { segmentId, language: 'th', text: 'ที่ประชุมรับทราบและเห็นชอบ' });
    expect(made.status).toBe(201);
    expect(made.body.proposal).toMatchObject({ segmentId, language: 'th', party: 'LA', byName: laoDelegate().name, state: 'open' });
    const id = made.body.proposal.id;
    await waitFor(() => proposals(thai.doc).get(id)?.state === 'open', 5000, 'the proposal at the Thai side');

    for (const [role, party] of [
      ['head', 'LA'],
      ['delegate', 'TH'],
      ['observer', undefined],
    ] as const) {
      const refused = await decide(tokenOf(meeting, role, party), id, 'accepted');
      expect([refused.status, refused.body.error.code], `${role} ${party ?? ''}`).toEqual([403, 'not_allowed']);
    }
    expect(cellText(segment(thai).segment, 'th')).not.toBe('ที่ประชุมรับทราบและเห็นชอบ');

    const accepted = await decide(tokenOf(meeting, 'head', 'TH'), id, 'accepted');
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposal).toMatchObject({
      state: 'accepted',
      decidedByName: meeting.invitations.find((i) => i.role === 'head' && i.party === 'TH')!.name,
    });
    await waitFor(() => plainText(segmentCells(segment(thai).segment).get('th')!) === 'ที่ประชุมรับทราบและเห็นชอบ', 5000, 'the accepted wording');
    expect(proposals(thai.doc).get(id)?.state).toBe('accepted');
    expect((await decide(tokenOf(meeting, 'head', 'TH'), id, 'rejected')).status).toBe(409);
  });

  it('observers cannot propose; bad input is refused and nothing is stored', async () => {
    const { id: segmentId } = segment(thai);
    const count = proposals(thai.doc).size;
    expect((await propose(tokenOf(meeting, 'observer'), { segmentId, language: 'lo', text: 'x' })).status).toBe(403);
    expect((await propose(laoDelegate().token, { segmentId, language: 'xx', text: 'x' })).status).toBe(404);
    expect((await propose(laoDelegate().token, { segmentId: 'nope', language: 'lo', text: 'x' })).status).toBe(404);
    expect((await propose(laoDelegate().token, { segmentId, language: 'lo' })).status).toBe(400);
    expect((await propose(laoDelegate().token, { segmentId, language: 'th', text: cellText(segment(thai).segment, 'th') })).status).toBe(400);
    const later = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(later);
    expect(proposals(later.doc).size).toBe(count);
    later.destroy();
  });

  it('a client that writes a proposal, or accepts one, by a raw update is refused, observer or delegate', async () => {
    const { id: segmentId } = segment(thai);
    const open = await propose(laoDelegate().token, { segmentId, language: 'lo', text: 'ຂໍ້ຄວາມໃໝ່' });
    const id = open.body.proposal.id;
    for (const [role, party] of [
      ['observer', undefined],
      ['delegate', 'LA'],
    ] as const) {
      const forger = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, role, party));
      await synced(forger);
      await waitFor(() => proposals(forger.doc).has(id), 5000, 'the proposal');
      forger.doc.transact(() => {
        proposals(forger.doc).set(id, { ...proposals(forger.doc).get(id)!, state: 'accepted' });
        proposals(forger.doc).set('forged', { ...proposals(forger.doc).get(id)!, id: 'forged', state: 'open' });
      });
      const reason = role === 'observer' ? RefusalReason.readOnlyObserver : RefusalReason.recordServerOnly;
      await waitFor(() => forger.refusals.includes(reason), 5000, `${role}'s refusal`);
      forger.destroy();
    }
    const fresh = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'head', 'TH'));
    await synced(fresh);
    expect(proposals(fresh.doc).get(id)?.state).toBe('open');
    expect(proposals(fresh.doc).has('forged')).toBe(false);
    fresh.destroy();
  });

  it('accepted wording lapses the marks on its segment, and the heads are told who accepted it', async () => {
    await agreeEverything(server, meeting);
    const { id: segmentId } = segment(thai, 0);
    await waitFor(() => agreementOf(thai.doc, segment(thai, 0)).TH === true, 5000, 'the marks');
    const made = await propose(laoDelegate().token, { segmentId, language: 'th', text: 'ถ้อยคำที่ตกลงกันใหม่' });
    expect((await decide(tokenOf(meeting, 'head', 'TH'), made.body.proposal.id, 'accepted')).status).toBe(200);
    const thaiHead = meeting.invitations.find((i) => i.role === 'head' && i.party === 'TH')!;
    for (const party of ['TH', 'LA']) {
      await waitFor(() => lapses(thai.doc).has(agreementKey(segmentId, party)), 5000, `${party}'s lapse notice`);
      expect(lapses(thai.doc).get(agreementKey(segmentId, party))).toMatchObject({
        changedBy: thaiHead.participantId,
        changedByName: thaiHead.name,
        languages: ['th'],
      });
    }
  });

  it('the lock is refused while a proposal is open, and the blocker names it; once rejected, the record locks', async () => {
    await agreeEverything(server, meeting);
    const open = [...proposals(thai.doc).values()].find((p) => p.state === 'open')!;
    const refused = await api<{ error: { code: string; blockers: { id: string; openProposals?: { id: string; byName: string; language: string }[] }[] } }>(
      server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'POST',
      `/api/meetings/${meeting.meetingId}/lock`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.blockers).toEqual([
      expect.objectContaining({ id: open.segmentId, openProposals: [{ id: open.id, byName: laoDelegate().name, language: 'lo', party: 'LA' }] }),
    ]);
    // The Lao cell is the Lao head's to decide, or the secretariat's.
    expect((await decide(tokenOf(meeting, 'head', 'TH'), open.id, 'rejected')).status).toBe(403);
    expect((await decide(tokenOf(meeting, 'secretariat', 'TH'), open.id, 'rejected')).status).toBe(200);
    const locked = await api(server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`);
    expect(locked.status).toBe(200);
    expect((await propose(laoDelegate().token, { segmentId: open.segmentId, language: 'lo', text: 'ອີກ' })).status).toBe(409);
  });
});
