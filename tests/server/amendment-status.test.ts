import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { createMeeting, tokenOf, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { rawSocket, waitFor } from '../helpers/clients';
import { api, signedBundleText } from '../helpers/lifecycle';
import { RECORD_STATUS_MESSAGE, type RecordStatus } from '../../shared/protocol';

describe('an amendment', () => {
  let server: TestServer;
  serverForAll((s) => (server = s));

  it('tells everyone who has version 1 open which document is version 2', async () => {
    const meeting = await createMeeting(server);
    await signedBundleText(server, meeting);
    const watcher = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${tokenOf(meeting, 'observer')}`);
    const seen: RecordStatus[] = [];
    watcher.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === RECORD_STATUS_MESSAGE) seen.push(JSON.parse(decoding.readVarString(d)) as RecordStatus);
    });
    watcher.send(Uint8Array.from([RECORD_STATUS_MESSAGE]));
    await waitFor(() => seen.length > 0, 5000, 'first status');
    expect(seen[0]).toMatchObject({ state: 'signed', supersededBy: null });

    const amended = await api<{ documentId: string }>(server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/amend`, {});
    expect(amended.status).toBe(201);
    await waitFor(() => seen.some((s) => s.supersededBy === amended.body.documentId), 2000, 'superseded status');
    expect(seen.at(-1)).toMatchObject({ documentId: meeting.documentId, state: 'signed', version: 1 });
    watcher.close();
  });
});
