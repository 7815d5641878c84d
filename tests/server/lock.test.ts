import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type WebSocket from 'ws';
import { RECORD_STATUS_MESSAGE, RefusalReason, type RecordStatus } from '../../shared/protocol';
import { agenda, minutes, segmentCells } from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { rawSocket, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { agreeEverything, api } from '../helpers/lifecycle';

describe('locking the record', () => {
  let server: TestServer;
  const clients: StockClient[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.close();
    await server.stop();
    server.cleanup();
  });

  const lock = (meeting: CreatedMeetingResponse, role = 'secretariat', party?: string) =>
    api(server, tokenOf(meeting, role, party), 'POST', `/api/meetings/${meeting.meetingId}/lock`);

  const client = (meeting: CreatedMeetingResponse, role: string, party?: string) => {
    const c = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, role, party));
    clients.push(c);
    return c;
  };

  /** The state vector of what storage holds for the record, read afresh. */
  async function storedStateVector(documentId: string): Promise<Uint8Array> {
    const stored = await server.services.storage.loadRecord(documentId);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    return Y.encodeStateVectorFromUpdate(Y.mergeUpdates(parts));
  }

  /** A raw socket on the record that records every refusal reason and record status it is sent. */
  async function listener(meeting: CreatedMeetingResponse, token: string) {
    const ws = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${token}`);
    sockets.push(ws);
    const heard = { refusals: [] as string[], statuses: [] as { status: RecordStatus; at: number }[] };
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === 2 && decoding.readVarUint(decoder) === 0) heard.refusals.push(decoding.readVarString(decoder));
      if (type === RECORD_STATUS_MESSAGE) heard.statuses.push({ status: JSON.parse(decoding.readVarString(decoder)) as RecordStatus, at: Date.now() });
    });
    return { ws, heard };
  }

  const frame = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    return encoding.toUint8Array(e);
  };

  /** An update that adds text to the first minutes segment of a copy of the stored record. */
  async function newContent(documentId: string, text: string): Promise<Uint8Array> {
    const stored = await server.services.storage.loadRecord(documentId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates));
    const before = Y.encodeStateVector(doc);
    const cell = segmentCells(
      minutes(doc)
        .get(agenda(doc).get(2).get('id') as string)!
        .get(0),
    ).get('en')!;
    ((cell.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, text);
    return Y.encodeStateAsUpdate(doc, before);
  }

  it('is refused, with the list of what blocks it, while segments and action points lack agreement', async () => {
    const meeting = await createMeeting(server);
    const refused = await lock(meeting);
    expect(refused.status).toBe(409);
    const error = refused.body.error as { code: string; blockers: { id: string; missingParties: string[] }[] };
    expect(error.code).toBe('not_agreed');
    expect(error.blockers).toHaveLength(4);
    for (const blocker of error.blockers) expect(blocker.missingParties.sort()).toEqual(['LA', 'TH']);

    expect((await lock(meeting, 'delegate', 'TH')).status).toBe(403);
    expect((await lock(meeting, 'head', 'LA')).status).toBe(403);
    const record = await api(server, tokenOf(meeting, 'delegate', 'TH'), 'GET', `/api/meetings/${meeting.meetingId}/record`);
    expect(record.body).toMatchObject({ state: 'draft', recordHash: null, record: null });

    const log = await api<{ intact: boolean; entries: { action: string; detail: { reason?: string } }[] }>(
      server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(log.body.intact).toBe(true);
    expect(log.body.entries.filter((e) => e.action === 'record.lock.refused').map((e) => e.detail.reason)).toEqual([
      'not-agreed',
      'not-permitted',
      'not-permitted',
    ]);
    expect((await api(server, tokenOf(meeting, 'delegate', 'TH'), 'GET', `/api/meetings/${meeting.meetingId}/audit`)).status).toBe(403);
  });

  it('once agreed, locks: subscribers learn of it within a second, and no write reaches the record after', async () => {
    const meeting = await createMeeting(server);
    await agreeEverything(server, meeting);

    const subscriber = await listener(meeting, tokenOf(meeting, 'observer'));
    subscriber.ws.send(frame((e) => encoding.writeVarUint(e, RECORD_STATUS_MESSAGE)));
    await waitFor(() => subscriber.heard.statuses.length > 0, 5000, 'first status');
    expect(subscriber.heard.statuses[0]!.status.state).toBe('draft');

    const live = client(meeting, 'delegate', 'LA');
    const offline = client(meeting, 'delegate', 'TH');
    await Promise.all([synced(live), synced(offline)]);
    offline.provider.disconnect();
    const offlineCell = segmentCells(
      minutes(offline.doc)
        .get(agenda(offline.doc).get(2).get('id') as string)!
        .get(0),
    ).get('th')!;
    ((offlineCell.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'ข้อความที่พิมพ์ระหว่างออฟไลน์ ');

    const asked = Date.now();
    const locked = await lock(meeting);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ state: 'locked', version: 1 });
    expect(locked.body.recordHash).toMatch(/^[0-9a-f]{64}$/);
    await waitFor(() => subscriber.heard.statuses.some((s) => s.status.state === 'locked'), 1000, 'the lock, within a second');
    const told = subscriber.heard.statuses.find((s) => s.status.state === 'locked')!;
    expect(told.at - asked).toBeLessThan(1000);
    expect(told.status.recordHash).toBe(locked.body.recordHash);

    const frozen = await storedStateVector(meeting.documentId);

    // A connected stock client types after the lock.
    const liveCell = segmentCells(
      minutes(live.doc)
        .get(agenda(live.doc).get(2).get('id') as string)!
        .get(0),
    ).get('lo')!;
    ((liveCell.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'ຂຽນຫຼັງລັອກ ');
    await waitFor(() => live.refusals.includes(RefusalReason.readOnlyLocked), 5000, 'refusal of the live write');

    // A raw socket sends an update, then a sync step 2, each with new content.
    const raw = await listener(meeting, tokenOf(meeting, 'head', 'TH'));
    raw.ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(new Y.Doc())); // nothing new: no refusal
      }),
    );
    const update = await newContent(meeting.documentId, 'raw update ');
    raw.ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      }),
    );
    const step2 = await newContent(meeting.documentId, 'offline sync step 2 ');
    raw.ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, step2);
      }),
    );
    await waitFor(() => raw.heard.refusals.length >= 2, 5000, 'refusals of the raw writes');
    expect(raw.heard.refusals).toEqual([RefusalReason.readOnlyLocked, RefusalReason.readOnlyLocked]);

    // The client that was offline comes back with text typed before the lock.
    offline.provider.connect();
    await waitFor(() => offline.refusals.includes(RefusalReason.readOnlyLocked), 5000, 'refusal of the offline edit');
    expect(plainText(offlineCell)).toMatch(/^ข้อความที่พิมพ์ระหว่างออฟไลน์ /);

    // Nor does any HTTP path write: agreement can no longer move.
    const mark = await api(server, tokenOf(meeting, 'head', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/agreement`, {
      targetId: 'anything',
      agreed: false,
    });
    expect(mark.status).toBe(409);

    expect(await storedStateVector(meeting.documentId)).toEqual(frozen);
    const view = await api(server, tokenOf(meeting, 'observer'), 'GET', `/api/meetings/${meeting.meetingId}/record`);
    expect(view.body).toMatchObject({ state: 'locked', recordHash: locked.body.recordHash });
    expect(JSON.stringify(view.body.record)).not.toContain('raw update');
    expect(JSON.stringify(view.body.record)).not.toContain('ຂຽນຫຼັງລັອກ');
    expect((await lock(meeting)).status).toBe(409);
  });

  it('unlock reopens the record: a write is accepted, stored and relayed again', async () => {
    const meeting = await createMeeting(server);
    await agreeEverything(server, meeting);
    const writer = client(meeting, 'delegate', 'TH');
    const reader = client(meeting, 'observer');
    await Promise.all([synced(writer), synced(reader)]);
    expect((await lock(meeting)).status).toBe(200);
    const unlocked = await api(server, tokenOf(meeting, 'secretariat', 'LA'), 'POST', `/api/meetings/${meeting.meetingId}/unlock`);
    expect(unlocked).toMatchObject({ status: 200, body: { state: 'draft', voidedSignatures: [] } });

    const before = await storedStateVector(meeting.documentId);
    const cellOf = (c: StockClient) =>
      segmentCells(
        minutes(c.doc)
          .get(agenda(c.doc).get(2).get('id') as string)!
          .get(0),
      ).get('en')!;
    ((cellOf(writer).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'After the unlock: ');
    // An update is relayed only once stored.
    await waitFor(() => plainText(cellOf(reader)).startsWith('After the unlock: '), 5000, 'the write to reach the reader');
    expect(await storedStateVector(meeting.documentId)).not.toEqual(before);
    expect(writer.refusals).toEqual([]);
  });
});
