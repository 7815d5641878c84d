// An update that depends on content the record lacks is refused (update:missing-dependencies)
// and none of it is kept (write-policy.ts, dropPending). Nor does it claim anything: a Yjs
// client id is claimed for the participant whose update first stores content under it,
// so a part that was dropped must not take the id from its rightful writer.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { meetingRoomPerTest } from '../helpers/meeting-room';
import { synced, waitFor } from '../helpers/clients';
import { storageKinds } from '../helpers/storages';
import { RefusalReason } from '../../shared/protocol';
import { agenda, agendaItemTitle } from '../../shared/record/schema';

const updateMessage = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
};

for (const kind of storageKinds('missing_deps')) {
  describe(`an update with missing dependencies (${kind.name})`, () => {
    const room = meetingRoomPerTest(kind);
    const { connect } = room;

    it('is refused and claims nothing: the rightful writer of its client id is taken afterwards, and nothing is lost', async () => {
      const lao = connect('delegate', 'LA');
      await synced(lao);
      // The Thai delegate types offline, twice; the second part depends on the first.
      const thaiDoc = new Y.Doc();
      Y.applyUpdate(thaiDoc, Y.encodeStateAsUpdate(lao.doc));
      const title = () => agendaItemTitle(agenda(thaiDoc).get(0)).get('th')!;
      const sv0 = Y.encodeStateVector(thaiDoc);
      title().insert(0, 'ไทย ');
      const sv1 = Y.encodeStateVector(thaiDoc);
      title().insert(4, 'ต่อ ');
      const second = Y.encodeStateAsUpdate(thaiDoc, sv1);
      expect(Y.encodeStateAsUpdate(thaiDoc, sv0).byteLength).toBeGreaterThan(second.byteLength);

      // The second part reaches the server first, from someone else (as a client that
      // reconnected to a process behind the one it got it from would send it).
      lao.provider.ws!.send(updateMessage(second));
      await waitFor(() => lao.refusals.includes(RefusalReason.missingDependencies), 5000, 'update:missing-dependencies');

      // The Thai delegate comes online: both parts, under the client id of their own.
      const thai = connect('delegate', 'TH', thaiDoc);
      await synced(thai);
      const witness = connect('head', 'LA');
      await synced(witness);
      await waitFor(
        () => agendaItemTitle(agenda(witness.doc).get(0)).get('th')!.toString().startsWith('ไทย ต่อ '),
        5000,
        'the Thai text, both parts, at a witness',
      );
      expect(thai.refusals).toEqual([]);
      const storage = room.server.services.storage;
      expect(await storage.clientClaims(room.meeting.documentId, [thaiDoc.clientID])).toMatchObject([
        { clientId: thaiDoc.clientID, participantId: room.person('delegate', 'TH') },
      ]);
    });
  });
}
