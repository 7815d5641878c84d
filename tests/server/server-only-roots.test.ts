import { beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { stockClient, synced, waitFor } from '../helpers/clients';
import { meta, parties, participants } from '../../shared/record/schema';
import { RefusalReason } from '../../shared/protocol';

describe('who must agree and sign is not for a client to change', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  serverForAll((s) => (server = s));
  beforeAll(async () => {
    meeting = await createMeeting(server);
  });

  const attempts = {
    'deleting a party': (doc: import('yjs').Doc) => parties(doc).delete(1, 1),
    'adding a participant': (doc: import('yjs').Doc) =>
      participants(doc).push([{ id: 'x', party: 'LA', role: 'head', name: 'Impostor', title: '', agency: '' }]),
    'changing the meeting facts': (doc: import('yjs').Doc) => meta(doc).set('code', 'CMM 99'),
  };

  for (const [what, attempt] of Object.entries(attempts)) {
    it(`${what} is refused, and nobody else sees it`, async () => {
      const delegate = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
      await synced(delegate);
      attempt(delegate.doc);
      await waitFor(() => delegate.refusals.includes(RefusalReason.recordServerOnly), 5000, 'refusal');
      const reader = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
      await synced(reader);
      expect(parties(reader.doc).length).toBe(2);
      expect(
        participants(reader.doc)
          .toArray()
          .some((p) => p.name === 'Impostor'),
      ).toBe(false);
      expect(meta(reader.doc).get('code')).toBe('CMM 04');
      delegate.destroy();
      reader.destroy();
    });
  }
});
