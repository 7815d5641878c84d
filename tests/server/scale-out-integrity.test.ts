// Three Accord processes on the machine's PostgreSQL (a schema of their own per test) and a
// Redis server the test starts and kills itself. Whatever the processes hold in memory and
// whatever Redis drops, the record locked is exactly the record stored, nothing is stored
// after the lock, and nothing typed is lost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childServer, type ChildServer } from '../helpers/child-server';
import { ownRedis, type OwnRedis } from '../helpers/redis-server';
import { rawSocket, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import * as decoding from 'lib0/decoding';
import type WebSocket from 'ws';
import { ADMIN_TOKEN, createMeeting, fixture, tokenOf, type CreatedMeetingResponse } from '../helpers/server';
import { openPostgresStorage } from '../../server/storage/postgres';
import { partsOf, type Storage } from '../../server/storage/storage';
import { applyStored } from '../../server/sync/record-document';
import { agreementTargets } from '../../shared/record/agreement';
import { canonicalRecord, canonicalText } from '../../shared/record/canonical';
import { agenda, agendaItemTitle } from '../../shared/record/schema';
import { RECORD_STATUS_MESSAGE, RefusalReason, type RecordStatus } from '../../shared/protocol';
import { DATABASE_URL } from '../helpers/service-urls';

/** Every process on one database seals the audit log with the same key (docs/operations.md). */
const AUDIT_KEY = 'scale-out-integrity-audit-key-0123456789';

/** The title of the first agenda item in English: typed into by the test's delegates. */
const titleOf = (doc: Y.Doc) => agendaItemTitle(agenda(doc).get(0)).get('en')!;

describe('three processes, one record', () => {
  let schema = '';
  let redis: OwnRedis | null = null;
  const processes: ChildServer[] = [];
  const clients: StockClient[] = [];
  const sockets: WebSocket[] = [];
  let storage: Storage | null = null;

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.terminate();
    await Promise.all(processes.splice(0).map((p) => p.cleanup()));
    await redis?.kill();
    await storage?.close();
    storage = null;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  /** Starts `n` processes together on a fresh schema and the test's own Redis (started first unless said). */
  async function deployment(n: number, env: Record<string, string> = {}, startRedis = true): Promise<ChildServer[]> {
    schema = `accord_test_${randomBytes(4).toString('hex')}`;
    redis = await ownRedis();
    if (startRedis) await redis.start();
    const started = await Promise.all(
      Array.from({ length: n }, () =>
        childServer({
          DATABASE_URL,
          ACCORD_DATABASE_SCHEMA: schema,
          REDIS_URL: redis!.url,
          ACCORD_REDIS_PREFIX: schema,
          ACCORD_AUDIT_KEY: AUDIT_KEY,
          LOG_LEVEL: 'warn',
          ...env,
        }),
      ),
    );
    processes.push(...started);
    await Promise.all(started.map((p) => p.start()));
    storage = await openPostgresStorage(DATABASE_URL, schema);
    return started;
  }

  const connect = (server: ChildServer, meeting: CreatedMeetingResponse, token: string) => {
    const client = stockClient(server.wsUrl, meeting.documentId, token, new Y.Doc(), { maxBackoffTime: 200 });
    clients.push(client);
    return client;
  };

  /** What PostgreSQL holds of the record now, as a document. */
  async function stored(meeting: CreatedMeetingResponse): Promise<Y.Doc> {
    const doc = new Y.Doc();
    applyStored(doc, partsOf(await storage!.loadRecord(meeting.documentId)));
    return doc;
  }

  async function post(server: ChildServer, token: string, path: string, body: unknown = {}) {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Subscribes to the record's status on `server`; answers the `delivery` of every status told. */
  async function statusesOf(server: ChildServer, meeting: CreatedMeetingResponse): Promise<string[]> {
    const socket = await rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${tokenOf(meeting, 'observer')}`);
    sockets.push(socket);
    const seen: string[] = [];
    socket.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === RECORD_STATUS_MESSAGE) seen.push((JSON.parse(decoding.readVarString(d)) as RecordStatus).delivery);
    });
    socket.send(Uint8Array.from([RECORD_STATUS_MESSAGE]));
    await waitFor(() => seen.length > 0, 5000, 'the first status');
    return seen;
  }

  /** Both heads agree everything, through `server`. */
  async function agreeAll(server: ChildServer, meeting: CreatedMeetingResponse): Promise<void> {
    const targets = agreementTargets(await stored(meeting)).map((t) => t.id);
    for (const head of meeting.invitations.filter((i) => i.role === 'head'))
      for (const targetId of targets)
        expect((await post(server, head.token, `/api/meetings/${meeting.meetingId}/agreement`, { targetId, agreed: true })).status).toBe(200);
  }

  /** Types into the first agenda item's title every `everyMs` until stopped; answers what it typed. */
  function typist(client: StockClient, mark: string, everyMs = 2) {
    let typed = '';
    const timer = setInterval(() => {
      if (!client.provider.wsconnected) return;
      const title = titleOf(client.doc);
      title.insert(title.length, mark);
      typed += mark;
    }, everyMs);
    return { stop: () => clearInterval(timer), typed: () => typed };
  }

  /** The lock's canonical record and final state, checked against storage: the same record, the same content. */
  async function expectLockedAsStored(meeting: CreatedMeetingResponse): Promise<Y.Doc> {
    const lock = await storage!.getRecordLock(meeting.documentId);
    expect(lock).toBeDefined();
    const now = await stored(meeting);
    const sealed = new Y.Doc();
    Y.applyUpdate(sealed, lock!.finalState);
    // Nothing stored after the lock: what storage holds is exactly what was sealed.
    expect(Y.encodeStateVector(now)).toEqual(Y.encodeStateVector(sealed));
    // The audit log's head is sealed beside the content: taken as the lock wrote it.
    const { auditHead } = JSON.parse(lock!.canonical) as ReturnType<typeof canonicalRecord>;
    expect(canonicalText(canonicalRecord(now, { meetingId: meeting.meetingId, version: 1, previousRecordHash: null, auditHead }))).toBe(lock!.canonical);
    return now;
  }

  it('a lock through one process while delegates type through the other two: nothing is stored after it, and it seals what is stored', async () => {
    const [one, two, three] = await deployment(3);
    const meeting = await createMeeting(one!);
    await agreeAll(one!, meeting);
    const thai = connect(two!, meeting, tokenOf(meeting, 'delegate', 'TH'));
    const lao = connect(three!, meeting, tokenOf(meeting, 'delegate', 'LA'));
    await Promise.all([synced(thai), synced(lao)]);
    const typing = [typist(thai, 'ก'), typist(lao, 'ກ')];
    await waitFor(() => titleOf(thai.doc).length > 100 && titleOf(lao.doc).length > 100, 10_000, 'both typing');

    expect((await post(one!, tokenOf(meeting, 'secretariat', 'TH'), `/api/meetings/${meeting.meetingId}/lock`)).status).toBe(200);
    await waitFor(
      () => thai.refusals.includes(RefusalReason.readOnlyLocked) && lao.refusals.includes(RefusalReason.readOnlyLocked),
      10_000,
      'both told the record is locked',
    );
    typing.forEach((t) => t.stop());
    // Whatever was in flight has landed or been refused by now: each process has caught up.
    for (const p of [one!, two!, three!]) expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    await expectLockedAsStored(meeting);
  });

  it('Redis dies while one process’s delegates type; a lock through the other process, which missed it all, holds every stored edit', async () => {
    const [one, two] = await deployment(2);
    const meeting = await createMeeting(one!);
    await agreeAll(one!, meeting);
    const writer = connect(one!, meeting, tokenOf(meeting, 'delegate', 'TH'));
    const reader = connect(two!, meeting, tokenOf(meeting, 'observer'));
    await Promise.all([synced(writer), synced(reader)]);
    const deliveries = await statusesOf(two!, meeting);
    const typing = typist(writer, 'ก', 5);
    await waitFor(() => titleOf(reader.doc).length > 20, 10_000, 'the reader sees the typing');

    await redis!.kill();
    await waitFor(() => deliveries.at(-1) === 'delayed', 10_000, 'clients told that edits may arrive late');
    // Joining does not wait for Redis: the record is read from PostgreSQL.
    const latecomer = connect(two!, meeting, tokenOf(meeting, 'head', 'LA'));
    await synced(latecomer, 5000);
    await waitFor(() => titleOf(writer.doc).length > titleOf(reader.doc).length + 50, 10_000, 'typing on while Redis is away');
    typing.stop();
    const health = (await (await fetch(`${two!.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('degraded');
    // A quiet tail: nobody types; the reader's process learns of it from storage alone.
    await waitFor(() => titleOf(reader.doc).toString() === titleOf(writer.doc).toString(), 10_000, 'the reader catches up from storage');

    expect((await post(two!, tokenOf(meeting, 'secretariat', 'TH'), `/api/meetings/${meeting.meetingId}/lock`)).status).toBe(200);
    const locked = await expectLockedAsStored(meeting);
    expect(titleOf(locked).toString()).toBe(titleOf(writer.doc).toString());
    expect(titleOf(locked).toString()).toContain('ก'.repeat(50));

    // Redis back: every process says so, without a restart.
    await redis!.start();
    for (const p of [one!, two!]) await healthBecomes(p, 'ok');
    await waitFor(() => deliveries.at(-1) === 'live', 10_000, 'clients told the link is back');
  });

  it('a process killed while its delegates type loses nothing they typed', async () => {
    const [one, two] = await deployment(2);
    const meeting = await createMeeting(one!);
    const thai = connect(one!, meeting, tokenOf(meeting, 'delegate', 'TH'));
    const lao = connect(two!, meeting, tokenOf(meeting, 'delegate', 'LA'));
    await Promise.all([synced(thai), synced(lao)]);
    const typing = [typist(thai, 'ก', 3), typist(lao, 'ກ', 3)];
    await waitFor(() => titleOf(lao.doc).length > 100, 10_000, 'typing');
    await two!.kill('SIGKILL');
    await waitFor(() => typing[0]!.typed().length > 200, 10_000, 'typing on the other process');
    await two!.start(); // the Lao delegate's client reconnects and offers what it kept
    await waitFor(() => lao.provider.wsconnected && lao.provider.synced, 20_000, 'reconnected');
    const before = typing[1]!.typed().length;
    await waitFor(() => typing[1]!.typed().length > before + 20, 10_000, 'typing again after the restart');
    typing.forEach((t) => t.stop());
    await waitFor(() => titleOf(thai.doc).toString() === titleOf(lao.doc).toString(), 20_000, 'both hold the same text');
    const text = titleOf(thai.doc).toString();
    expect([...text].filter((c) => c === 'ก').length).toBe(typing[0]!.typed().length);
    expect([...text].filter((c) => c === 'ກ').length).toBe(typing[1]!.typed().length);
    await vi.waitFor(async () => expect(titleOf(await stored(meeting)).toString(), 'storage holds everything typed').toBe(text), {
      timeout: 10_000,
      interval: 100,
    });
  });

  /** Polls `/healthz` until it says `status`. */
  async function healthBecomes(server: ChildServer, status: string): Promise<void> {
    await vi.waitFor(
      async () => {
        const body = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string };
        expect(body.status, `health says ${status}`).toBe(status);
      },
      { timeout: 15_000, interval: 100 },
    );
  }

  it('a process started while Redis is away serves from PostgreSQL, says it is degraded, and recovers when Redis comes', async () => {
    const [one] = await deployment(1, {}, false);
    await healthBecomes(one!, 'degraded');
    const meeting = await createMeeting(one!);
    const client = connect(one!, meeting, tokenOf(meeting, 'delegate', 'TH'));
    await synced(client, 5000);
    await redis!.start();
    await healthBecomes(one!, 'ok');
  });

  it('three processes starting together on an empty database make one demo meeting and one administrator token', async () => {
    const started = await deployment(3, { ACCORD_DEMO: '1', ACCORD_ADMIN_TOKEN: '', LOG_LEVEL: 'info' });
    // Healthy means listening; the demo is seeded after that, so wait for every start-up to end.
    await waitFor(() => started.every((p) => p.output().includes('"event":"server.started"')), 30_000, 'every process to finish starting');
    expect(await storage!.countMeetings()).toBe(1);
    const holders = started.filter((p) => existsSync(join(p.dataDir, 'admin-token')));
    expect(holders).toHaveLength(1);
    const token = readFileSync(join(holders[0]!.dataDir, 'admin-token'), 'utf8').trim();
    expect(token).not.toBe(ADMIN_TOKEN);
    for (const p of started) {
      const res = await fetch(`${p.url}/api/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(fixture('cmm04-th-la')),
      });
      expect(res.status).toBe(201);
    }
  });
});
