// Presence says who is in the room, so nobody may appear as someone else: the server writes
// each connection's name, party, role and participant id into its awareness state from its
// session, whatever the client wrote. And a state's size is counted in the bytes it takes
// on the wire: 8 KiB of Thai is a third as many characters. (Once, an observer appeared to
// everyone as the Thai head, and a 24,460-byte Thai state passed as under 8 KiB.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusalReason } from '../../shared/protocol';
import { DEFAULT_AWARENESS_LIMITS } from '../../server/sync/awareness-check';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';

interface Shown {
  participantId?: string;
  name?: string;
  party?: string;
  role?: string;
  color?: string;
}

describe('awareness states', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  const clients: StockClient[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
    server.cleanup();
  });
  const connect = async (role: string, party?: string) => {
    const client = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, role, party));
    clients.push(client);
    await synced(client);
    return client;
  };
  const invitation = (role: string, party?: string) => meeting.invitations.find((i) => i.role === role && (party === undefined || i.party === party))!;
  const shownBy = (witness: StockClient, of: StockClient) =>
    witness.provider.awareness.getStates().get(of.provider.awareness.clientID)?.user as Shown | undefined;

  it('an observer who says it is the Thai head is shown to everyone as the observer it is', async () => {
    const witness = await connect('delegate', 'LA');
    const observer = await connect('observer');
    const head = invitation('head', 'TH');
    observer.provider.awareness.setLocalStateField('user', { participantId: head.participantId, name: head.name, party: 'TH', role: 'head', color: '#c0392b' });

    const own = invitation('observer');
    await waitFor(() => shownBy(witness, observer) !== undefined, 5000, 'the observer’s presence');
    expect(shownBy(witness, observer)).toEqual({ participantId: own.participantId, name: own.name, party: own.party, role: 'observer', color: '#c0392b' });

    // A state with no user at all, or not even an object, gets one: the participant's own.
    observer.provider.awareness.setLocalState({ cursor: null });
    await waitFor(
      () =>
        shownBy(witness, observer)?.role === 'observer' && witness.provider.awareness.getStates().get(observer.provider.awareness.clientID)?.cursor === null,
      5000,
      'the new state',
    );
    expect(shownBy(witness, observer)).toEqual({ participantId: own.participantId, name: own.name, party: own.party, role: 'observer' });
  });

  it('a head who says who they are is relayed as they sent it', async () => {
    const witness = await connect('delegate', 'TH');
    const headClient = await connect('head', 'LA');
    const head = invitation('head', 'LA');
    const user = { participantId: head.participantId, name: head.name, party: 'LA', role: 'head', color: '#2e86c1' };
    headClient.provider.awareness.setLocalStateField('user', user);
    await waitFor(() => shownBy(witness, headClient) !== undefined, 5000, 'the head’s presence');
    expect(shownBy(witness, headClient)).toEqual(user);
  });

  it('the size limit counts UTF-8 bytes: 8 KiB of Thai is refused though it is under 8,192 characters', async () => {
    const witness = await connect('delegate', 'LA');
    const talker = await connect('secretariat', 'TH');
    const thai = 'ผู้เสียหาย'.repeat(300); // 3,000 characters, 9,000 bytes
    expect(thai.length).toBeLessThan(DEFAULT_AWARENESS_LIMITS.maxStateBytes);
    expect(new TextEncoder().encode(thai).byteLength).toBeGreaterThan(DEFAULT_AWARENESS_LIMITS.maxStateBytes);
    talker.provider.awareness.setLocalStateField('note', thai);
    await waitFor(() => talker.refusals.includes(RefusalReason.awarenessTooLarge), 5000, 'the refusal');
    // A small state afterwards is relayed, and the large one never was.
    talker.provider.awareness.setLocalStateField('note', 'สวัสดี');
    await waitFor(() => witness.provider.awareness.getStates().get(talker.provider.awareness.clientID)?.note === 'สวัสดี', 5000, 'the small state');
  });
});
