// GET /api/meetings/:id/record/state: what an invitation link's first script fetches beside
// the meeting, so that the sync socket has only what changed to send. It is the record as the
// socket serves it, to those the socket lets in and to nobody else, compressed when it may be.
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, recordCopy, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { stockClient, synced } from '../helpers/clients';

describe("the record's state over HTTP", () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let elsewhere: CreatedMeetingResponse;
  serverForAll((s) => (server = s));
  beforeAll(async () => {
    [meeting, elsewhere] = await Promise.all([createMeeting(server), createMeeting(server)]);
  });

  const stateOf = (token: string | null, acceptEncoding = 'gzip, deflate, br') =>
    fetch(`${server.url}/api/meetings/${meeting.meetingId}/record/state`, {
      headers: { 'accept-encoding': acceptEncoding, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it('is the record the socket serves, gzip-compressed, named by its document id and never cached', async () => {
    const answer = await stateOf(tokenOf(meeting, 'delegate', 'TH'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(answer.headers.get('x-accord-document')).toBe(meeting.documentId);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const fetched = new Y.Doc();
    Y.applyUpdate(fetched, new Uint8Array(await answer.arrayBuffer()));
    const stored = await recordCopy(server, meeting.documentId);
    expect(fetched.toJSON()).toEqual(stored.toJSON());
    expect(Y.encodeStateVector(fetched)).toEqual(Y.encodeStateVector(stored));
    stored.destroy();

    // A client that starts from it syncs over the socket to the same record, and writes nothing.
    const client = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'), fetched);
    await synced(client);
    const after = await recordCopy(server, meeting.documentId);
    expect(client.doc.toJSON()).toEqual(after.toJSON());
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(fetched));
    after.destroy();
    client.destroy();
  });

  it('is sent as it is to a client that takes no gzip, and to an observer, who may read the record', async () => {
    const answer = await stateOf(tokenOf(meeting, 'observer'), 'identity');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBeNull();
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect(() => gunzipSync(bytes)).toThrow();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    expect(doc.share.size).toBeGreaterThan(0);
  });

  it('gives nothing of the record to someone signed in nowhere, or to a participant of another meeting', async () => {
    for (const token of [null, tokenOf(elsewhere, 'head', 'TH')]) {
      const answer = await stateOf(token);
      expect([401, 403, 404]).toContain(answer.status);
      expect(answer.headers.get('x-accord-document')).toBeNull();
      expect(answer.headers.get('content-type')).toMatch(/json/);
    }
  });
});
