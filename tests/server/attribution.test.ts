import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { meetingRoomPerTest } from '../helpers/meeting-room';
import { synced, waitFor } from '../helpers/clients';
import { storageKinds } from '../helpers/storages';
import { RefusalReason } from '../../shared/protocol';
import { agenda, agendaItemTitle } from '../../shared/record/schema';
import { moveAgendaItem } from '../../shared/record/segment-ops';

for (const kind of storageKinds('attribution')) {
  describe(`attribution comes from the server's session, never the client (${kind.name})`, () => {
    const room = meetingRoomPerTest(kind);
    const { connect } = room;
    const participant = (role: string, party: string) => room.person(role, party);

    it('keeps who sent each update with it, and refuses a crafted client id claimed by another participant', async () => {
      const thai = connect('delegate', 'TH');
      await synced(thai);
      agendaItemTitle(agenda(thai.doc).get(0)).get('th')!.insert(0, 'ไทย ');
      const storage = room.server.services.storage;
      const claims = await vi.waitFor(
        async () => {
          const found = await storage.clientClaims(room.meeting.documentId, [thai.doc.clientID]);
          expect(found.length, 'the claim stored').toBeGreaterThan(0);
          return found;
        },
        { timeout: 5000, interval: 50 },
      );
      expect(claims).toMatchObject([{ clientId: thai.doc.clientID, participantId: participant('delegate', 'TH'), party: 'TH' }]);
      const edits = await storage.listEdits(room.meeting.documentId, 0, Number.MAX_SAFE_INTEGER);
      expect(edits.at(-1)).toMatchObject({ participantId: participant('delegate', 'TH'), party: 'TH' });

      // The Lao delegate's client sends text written under the Thai delegate's client id.
      const lao = connect('delegate', 'LA');
      await synced(lao);
      await waitFor(() => agendaItemTitle(agenda(lao.doc).get(0)).get('th')!.toString().startsWith('ไทย'), 5000, 'thai text at lao');
      const forger = new Y.Doc();
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(lao.doc));
      forger.clientID = thai.doc.clientID;
      const before = Y.encodeStateVector(forger);
      agendaItemTitle(agenda(forger).get(0)).get('lo')!.insert(0, 'forged ');
      Y.applyUpdate(lao.doc, Y.encodeStateAsUpdate(forger, before));
      await waitFor(() => lao.refusals.includes(RefusalReason.clientNotYours), 5000, 'client-not-yours');
      const witness = connect('head', 'TH');
      await synced(witness);
      expect(agendaItemTitle(agenda(witness.doc).get(0)).get('lo')!.toString()).not.toContain('forged');

      // Nor under the server's own client id (the meeting as set up): nobody's to write under.
      const setUp = [...Y.decodeStateVector(Y.encodeStateVector(lao.doc)).keys()].find((c) => c !== thai.doc.clientID && c !== lao.doc.clientID)!;
      const serverForger = new Y.Doc();
      Y.applyUpdate(serverForger, Y.encodeStateAsUpdate(lao.doc));
      serverForger.clientID = setUp;
      const sv = Y.encodeStateVector(serverForger);
      agendaItemTitle(agenda(serverForger).get(0)).get('lo')!.insert(0, 'as the server ');
      lao.refusals.length = 0;
      Y.applyUpdate(lao.doc, Y.encodeStateAsUpdate(serverForger, sv));
      await waitFor(() => lao.refusals.includes(RefusalReason.clientNotYours), 5000, 'client-not-yours for the set-up client id');

      // Kept through compaction: the attribution is not in the updates.
      await room.server.services.storage.compactRecord(
        room.meeting.documentId,
        Y.encodeStateAsUpdate(witness.doc),
        (await storage.recordHeads([room.meeting.documentId])).get(room.meeting.documentId)!.lastSeq,
      );
      expect(await storage.clientClaims(room.meeting.documentId, [thai.doc.clientID])).toHaveLength(1);
      expect((await storage.listEdits(room.meeting.documentId, 0, Number.MAX_SAFE_INTEGER)).length).toBe(edits.length);
    });

    it('refuses a raw deletion of an agenda item, and still takes a move', async () => {
      const thai = connect('delegate', 'TH');
      await synced(thai);
      const firstId = agenda(thai.doc).get(0).get('id');
      agenda(thai.doc).delete(0, 1);
      await waitFor(() => thai.refusals.includes(RefusalReason.removeUseCommand), 5000, 'remove:use-command');
      const other = connect('head', 'LA');
      await synced(other);
      expect(agenda(other.doc).get(0).get('id')).toBe(firstId);

      // An observer's deletion is refused as any write of theirs is.
      const observer = connect('observer');
      await synced(observer);
      agenda(observer.doc).delete(0, 1);
      await waitFor(() => observer.refusals.includes(RefusalReason.readOnlyObserver), 5000, 'read-only:observer');

      moveAgendaItem(other.doc, firstId as string, 2);
      const third = connect('head', 'TH');
      await waitFor(() => agenda(third.doc).length === 8 && agenda(third.doc).get(2)?.get('id') === firstId, 5000, 'moved');
      expect(other.refusals).toEqual([]);
    });
  });
}
