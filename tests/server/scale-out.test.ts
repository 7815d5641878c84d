// Two Accord processes' worth of server behind one address: PostgreSQL stores, Redis fans
// out. Real connections to the machine's PostgreSQL (database test) and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { scaleOutBackends, stopScaleOut } from '../helpers/storages';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { closed, rawSocket, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { agreeEverything, api } from '../helpers/lifecycle';
import { CloseCode, RECORD_STATUS_MESSAGE, RefusalReason } from '../../shared/protocol';

describe('scale-out: two servers on one PostgreSQL and one Redis', () => {
  // Every process on one database seals the audit log with one key.
  const backends = scaleOutBackends();
  let a: TestServer;
  let b: TestServer;
  let meeting: CreatedMeetingResponse;
  const clients: StockClient[] = [];
  const connect = (server: TestServer, token: string) => {
    const c = stockClient(server.wsUrl, meeting.documentId, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    a = await startTestServer(backends);
    b = await startTestServer(backends);
    meeting = await createMeeting(a);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await stopScaleOut(backends, [a, b]);
  });

  it('clients on different servers edit one record and converge; every edit is stored once', async () => {
    const thai = connect(a, tokenOf(meeting, 'delegate', 'TH'));
    const lao = connect(b, tokenOf(meeting, 'delegate', 'LA'));
    await Promise.all([synced(thai), synced(lao)]);
    for (let i = 0; i < 50; i++) {
      thai.doc.getText('notes').insert(0, 'ก');
      lao.doc.getText('notes').insert(0, 'ກ');
    }
    await waitFor(() => thai.doc.getText('notes').length === 100 && lao.doc.getText('notes').length === 100, 10_000, 'both sides');
    expect(thai.doc.getText('notes').toString()).toBe(lao.doc.getText('notes').toString());

    // Presence crosses servers, naming the participant as the roster does.
    const thaiName = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'TH')!.name;
    thai.provider.awareness.setLocalStateField('user', { name: 'Wilaiwan' });
    await waitFor(() => lao.provider.awareness.getStates().get(thai.doc.clientID)?.user?.name === thaiName, 5000, 'presence across servers');

    const late = connect(b, tokenOf(meeting, 'observer'));
    await synced(late);
    expect(late.doc.getText('notes').toString()).toBe(thai.doc.getText('notes').toString());
  });

  it('a lock taken through one server turns the other server’s clients read-only at once', async () => {
    const watcher = await rawSocket(`${b.wsUrl}/${meeting.documentId}?token=${tokenOf(meeting, 'observer')}`);
    const states: string[] = [];
    watcher.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === RECORD_STATUS_MESSAGE) states.push(JSON.parse(decoding.readVarString(d)).state);
    });
    watcher.send(Uint8Array.from([RECORD_STATUS_MESSAGE]));
    const writer = connect(b, tokenOf(meeting, 'head', 'LA'));
    await synced(writer);
    await waitFor(() => states.includes('draft'), 5000, 'status subscription');

    await agreeEverything(a, meeting);
    const locked = await api(a, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`);
    expect(locked.status).toBe(200);
    await waitFor(() => states.includes('locked'), 2000, 'lock seen on the other server');

    writer.doc.getText('notes').insert(0, 'after the lock');
    await waitFor(() => writer.refusals.includes(RefusalReason.readOnlyLocked), 5000, 'refusal on the other server');
    watcher.close();
  });

  it('a link withdrawn on one server closes its socket on the other', async () => {
    const lao = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA' && i.name.includes('Noy'))!;
    const socket = await rawSocket(`${b.wsUrl}/${meeting.documentId}?token=${lao.token}`);
    const code = closed(socket);
    const res = await api(a, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/invitations/${lao.participantId}/revoke`);
    expect(res.status).toBe(200);
    expect(await code).toBe(CloseCode.accessRevoked);
  });

  it('signing out on one server closes the session’s socket on the other', async () => {
    const session = await fetch(`${b.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(meeting, 'head', 'LA') }),
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const socket = await rawSocket(`${b.wsUrl}/${meeting.documentId}`, { cookie });
    const code = closed(socket);
    expect((await fetch(`${a.url}/api/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    expect(await code).toBe(CloseCode.sessionEnded);
  });

  it('the audit log both servers wrote is one intact chain under their shared key', async () => {
    const log = await api<{ intact: boolean; entries: unknown[] }>(b, tokenOf(meeting, 'secretariat', 'TH'), 'GET', `/api/meetings/${meeting.meetingId}/audit`);
    expect(log.body.entries.length).toBeGreaterThan(3);
    expect(log.body.intact).toBe(true);
  });

  it('what was stored survives both servers stopping', async () => {
    const expected = clients[0]!.doc.getText('notes').toString();
    for (const c of clients.splice(0)) c.destroy();
    await a.stop();
    await b.stop();
    a = await startTestServer({ ...backends, dataDir: a.dataDir });
    const reader = connect(a, tokenOf(meeting, 'observer'));
    await synced(reader);
    expect(reader.doc.getText('notes').toString()).toBe(expected);
    const record = await api<{ state: string }>(a, tokenOf(meeting, 'observer'), 'GET', `/api/meetings/${meeting.meetingId}/record`);
    expect(record.body.state).toBe('locked');
    b = await startTestServer({ ...backends, dataDir: b.dataDir });
  });
});
