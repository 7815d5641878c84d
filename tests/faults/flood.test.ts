import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { closed, rawSocket, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { CloseCode } from '../../shared/protocol';
import { DEFAULT_FLOOD_LIMITS } from '../../server/sync/flood-guard';

const limits = { ...DEFAULT_FLOOD_LIMITS, connectionMessagesPerSecond: 100, connectionBurst: 100, recordMessagesPerSecond: 1000, recordBurst: 1000 };

/** `count` real one-character updates, framed as sync updates, from one writer. */
function typedUpdates(count: number, root = 'flood'): Uint8Array[] {
  const doc = new Y.Doc();
  const messages: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
    messages.push(encoding.toUint8Array(e));
  });
  for (let i = 0; i < count; i++) doc.getText(root).insert(i, 'x');
  return messages;
}

describe('floods are slowed or cut off, and do not starve anyone else', () => {
  let server: TestServer;
  let noisy: CreatedMeetingResponse;
  let quiet: CreatedMeetingResponse;
  const clients: StockClient[] = [];
  const connect = (m: CreatedMeetingResponse, role: string, party?: string) => {
    const c = stockClient(server.wsUrl, m.documentId, tokenOf(m, role, party));
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer({ floodLimits: limits });
    noisy = await createMeeting(server);
    quiet = await createMeeting(server);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
    server.cleanup();
  });

  it('a client sending thousands of messages a second is cut off; its meeting and another go on', async () => {
    const noisyReader = connect(noisy, 'observer');
    const noisyTypist = connect(noisy, 'delegate', 'LA');
    const quietTypist = connect(quiet, 'delegate', 'TH');
    const quietReader = connect(quiet, 'delegate', 'LA');
    await Promise.all([noisyReader, noisyTypist, quietTypist, quietReader].map((c) => synced(c)));

    const flooder = await rawSocket(`${server.wsUrl}/${noisy.documentId}?token=${tokenOf(noisy, 'head', 'TH')}`);
    const cut = closed(flooder);
    const flood = typedUpdates(20_000);
    for (const message of flood) flooder.send(message);

    quietTypist.doc.getText('notes').insert(0, 'ที่ประชุมเห็นชอบ');
    noisyTypist.doc.getText('notes').insert(0, 'ກອງປະຊຸມ');
    expect(await cut).toBe(CloseCode.tooManyMessages);
    await waitFor(() => quietReader.doc.getText('notes').toString() === 'ที่ประชุมเห็นชอบ', 5000, 'quiet meeting edit');
    await waitFor(() => noisyReader.doc.getText('notes').toString() === 'ກອງປະຊຸມ', 5000, 'noisy meeting honest edit');
    // Far from all of the flood was let through before the cut.
    expect(noisyReader.doc.getText('flood').length).toBeLessThan(flood.length / 10);
  });

  it('a burst just over the limit (a paste, a reconnect) is slowed, not cut, and nothing is lost', async () => {
    const reader = connect(quiet, 'observer');
    await synced(reader);
    const writer = await rawSocket(`${server.wsUrl}/${quiet.documentId}?token=${tokenOf(quiet, 'head', 'LA')}`);
    let closedWith: number | null = null;
    writer.on('close', (code) => (closedWith = code));
    const burst = typedUpdates(limits.connectionBurst + 20, 'burst');
    for (const message of burst) writer.send(message);
    await waitFor(() => reader.doc.getText('burst').length === burst.length, 10_000, 'whole burst delivered');
    expect(closedWith).toBeNull();
    writer.close();
  });
});
