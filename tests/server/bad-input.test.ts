import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { closed, rawSocket, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { CloseCode } from '../../shared/protocol';

const MAX_MESSAGE = 64 * 1024;

describe('a bad message closes that one connection, never the server or another meeting', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let bystander: StockClient;
  let witness: StockClient;
  let round = 0;

  beforeAll(async () => {
    server = await startTestServer({ maxMessageBytes: MAX_MESSAGE });
    meeting = await createMeeting(server);
    bystander = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    witness = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await Promise.all([synced(bystander), synced(witness)]);
  });
  afterAll(async () => {
    bystander.destroy();
    witness.destroy();
    await server.stop();
    server.cleanup();
  });

  /** Sends `bytes` on a fresh socket and answers the code it was closed with. */
  async function send(bytes: Uint8Array): Promise<number> {
    const ws = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${tokenOf(meeting, 'delegate', 'TH')}`);
    const code = closed(ws);
    ws.send(bytes);
    return code;
  }

  /** The server is healthy and the other clients on the record still sync with each other. */
  async function othersCarryOn(): Promise<void> {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const word = `round ${++round} `;
    const text = bystander.doc.getText('notes');
    text.insert(text.length, word);
    await waitFor(() => witness.doc.getText('notes').toString().endsWith(word), 5000, 'bystander edit at witness');
  }

  const syncUpdate = (update: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  };

  it('garbage bytes', async () => {
    expect(await send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]))).toBe(CloseCode.malformedMessage);
    expect(await send(new Uint8Array([42, 1, 2, 3]))).toBe(CloseCode.malformedMessage);
    await othersCarryOn();
  });

  it('a truncated message', async () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'never arrives');
    const whole = syncUpdate(Y.encodeStateAsUpdate(doc));
    expect(await send(whole.slice(0, whole.length - 5))).toBe(CloseCode.malformedMessage);
    await othersCarryOn();
    expect(witness.doc.getText('notes').toString()).not.toContain('never arrives');
  });

  it('an oversized message', async () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'x'.repeat(MAX_MESSAGE * 2));
    expect(await send(syncUpdate(Y.encodeStateAsUpdate(doc)))).toBe(CloseCode.messageTooBig);
    await othersCarryOn();
  });

  it('an update Yjs cannot apply', async () => {
    // A well-framed sync update whose payload is not a Yjs update.
    const code = await send(syncUpdate(new Uint8Array([1, 1, 200, 1, 0, 9, 9, 9, 9])));
    expect([CloseCode.unappliableUpdate, CloseCode.malformedMessage]).toContain(code);
    await othersCarryOn();
  });

  it('a text frame', async () => {
    const ws = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${tokenOf(meeting, 'delegate', 'TH')}`);
    const code = closed(ws);
    ws.send('hello');
    expect(await code).toBe(CloseCode.malformedMessage);
    await othersCarryOn();
  });

  it('awareness for a client id another connection holds, or too large, is refused and not relayed', async () => {
    const takenId = bystander.provider.awareness.clientID;
    // Whatever a client calls itself, the server names it as the roster does.
    const laoDelegate = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!.name;
    bystander.provider.awareness.setLocalStateField('user', { name: 'Lao delegate' });
    await waitFor(() => witness.provider.awareness.getStates().get(takenId)?.user?.name === laoDelegate, 5000, 'awareness');
    const impostor = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(impostor);
    impostor.provider.awareness.clientID = takenId;
    impostor.provider.awareness.setLocalStateField('user', { name: 'Impostor' });
    await waitFor(() => impostor.refusals.length > 0, 5000, 'awareness refusal');
    expect(impostor.refusals[0]).toBe('awareness:not-your-client');
    expect(witness.provider.awareness.getStates().get(takenId)?.user?.name).toBe(laoDelegate);
    impostor.destroy();
    await othersCarryOn();
  });
});
