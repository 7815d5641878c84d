// A fresh server (of the storage kind given) and the CMM 04 meeting for each test, with
// stock clients connected as its participants; everything closed after the test.
import { afterEach, beforeEach } from 'vitest';
import type * as Y from 'yjs';
import { createMeeting, tokenOf, type CreatedMeetingResponse, type TestServer } from './server';
import { stockClient, type StockClient } from './clients';
import type { StorageKind } from './storages';

export interface MeetingRoom {
  server: TestServer;
  meeting: CreatedMeetingResponse;
  connect(role: string, party?: string, doc?: Y.Doc): StockClient;
  /** The participant id of the one with this role in this party. */
  person(role: string, party: string): string;
}

export function meetingRoomPerTest(kind: StorageKind): MeetingRoom {
  const clients: StockClient[] = [];
  const room = {
    connect(role: string, party?: string, doc?: Y.Doc) {
      const c = stockClient(room.server.wsUrl, room.meeting.documentId, tokenOf(room.meeting, role, party), doc);
      clients.push(c);
      return c;
    },
    person: (role: string, party: string) => room.meeting.invitations.find((i) => i.role === role && i.party === party)!.participantId,
  } as MeetingRoom;
  beforeEach(async () => {
    room.server = await kind.start();
    room.meeting = await createMeeting(room.server);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await kind.stop(room.server);
  });
  return room;
}
