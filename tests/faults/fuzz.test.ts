// Property-based and mutational fuzzing of the sync endpoint and the HTTP API: 100,000
// hostile cases per run, split between socket messages and HTTP requests. Replay a failure
// with FUZZ_SEED=<seed printed below>; size the run with FUZZ_CASES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { rawSocket, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { DEFAULT_FLOOD_LIMITS } from '../../server/sync/flood-guard';
import { RECORD_STATUS_MESSAGE } from '../../shared/protocol';
import { fuzzMessage, realUpdates } from './fuzz-messages';
import { httpCase, requestOf, type BodyTemplates, type FuzzRequest, type FuzzTargets, type Route } from './fuzz-http';
import { request as httpRequest } from 'node:http';
import { createApp } from '../../server/app';
import { BODY_LIMITS } from '../../server/routes/body-limits';
import { ADMIN_TOKEN, fixture } from '../helpers/server';
import { call, meetingBody, officer } from '../helpers/console';
import { childServer, type ChildServer } from '../helpers/child-server';

const CASES = Number(process.env.FUZZ_CASES ?? process.env.FUZZ_MESSAGES ?? 100_000);
/** The HTTP API's share of the cases; the socket has the rest. */
const HTTP_CASES = Math.round(CASES * 0.2);
const MESSAGES = CASES - HTTP_CASES;
const WORKERS = 4;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed}), ${CASES} cases: ${MESSAGES} socket messages, ${HTTP_CASES} HTTP requests`);

const PROBE = Uint8Array.from([RECORD_STATUS_MESSAGE]);

/** Sends a request on a connection of its own, closed after its answer. */
function alone(request: FuzzRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(request.url, { method: request.method, headers: { ...request.headers, connection: 'close' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(new Response(res.statusCode === 204 || res.statusCode === 304 ? null : Buffer.concat(chunks), { status: res.statusCode })));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

describe(`hostile messages (seed ${seed})`, () => {
  let server: TestServer;
  let target: CreatedMeetingResponse;
  let elsewhere: CreatedMeetingResponse;
  const honest: StockClient[] = [];
  let typing: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    const unlimited = { ...DEFAULT_FLOOD_LIMITS, connectionMessagesPerSecond: 1e9, connectionBurst: 1e9, recordMessagesPerSecond: 1e9, recordBurst: 1e9 };
    server = await startTestServer({ floodLimits: unlimited, maxMessageBytes: 64 * 1024, trustProxy: true });
    target = await createMeeting(server);
    elsewhere = await createMeeting(server);
    for (const [meeting, party] of [
      [target, 'TH'],
      [target, 'LA'],
      [elsewhere, 'TH'],
      [elsewhere, 'LA'],
    ] as const)
      honest.push(stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', party)));
    await Promise.all(honest.map((c) => synced(c)));
    let n = 0;
    typing = setInterval(() => {
      for (const c of honest) c.doc.getText('minutes').insert(0, `${n++ % 10}`);
    }, 25);
  });
  afterAll(async () => {
    clearInterval(typing);
    for (const c of honest) c.provider.destroy();
    await server.stop();
    server.cleanup();
  });

  /** A socket of a writer in the target meeting that says when each message was dealt with. */
  async function fuzzSocket() {
    const ws: WebSocket = await rawSocket(`${server.wsUrl}/${target.documentId}?token=${tokenOf(target, 'head', 'TH')}`);
    let settle: ((closed: boolean) => void) | null = null;
    ws.on('message', (data: Buffer) => {
      if (data[0] === RECORD_STATUS_MESSAGE) settle?.(false);
    });
    ws.on('close', () => settle?.(true));
    return {
      /** Sends one message and a probe; resolves true if the server closed the socket instead of answering. */
      send(message: Uint8Array): Promise<boolean> {
        return new Promise((resolve) => {
          settle = resolve;
          if (ws.readyState !== ws.OPEN) return resolve(true);
          ws.send(message);
          ws.send(PROBE);
        });
      },
      close: () => ws.close(),
    };
  }

  it(`the server never dies, other connections keep syncing, and the stored record equals what honest clients hold`, async () => {
    const pool = realUpdates(200, seed);
    let sent = 0;
    let closures = 0;
    const perRun = 250;
    const runs = Math.ceil(MESSAGES / perRun);
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzMessage(pool), { minLength: perRun, maxLength: perRun }), async (messages) => {
        const shares = Array.from({ length: WORKERS }, (_, w) => messages.filter((_, i) => i % WORKERS === w));
        await Promise.all(
          shares.map(async (share) => {
            let socket = await fuzzSocket();
            for (const message of share) {
              sent++;
              if (await socket.send(message)) {
                closures++;
                socket = await fuzzSocket();
              }
            }
            socket.close();
          }),
        );
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
    console.log(`fuzz: ${sent} messages sent, ${closures} connections closed by the server`);
    expect(sent).toBeGreaterThanOrEqual(MESSAGES);

    // Honest clients, in the fuzzed meeting and elsewhere, still sync with each other.
    clearInterval(typing);
    for (const [a, b] of [
      [honest[0]!, honest[1]!],
      [honest[2]!, honest[3]!],
    ] as const) {
      a.doc.getText('minutes').insert(0, 'final ');
      await waitFor(() => b.doc.getText('minutes').toString() === a.doc.getText('minutes').toString(), 10_000, 'honest sync');
    }

    // What is stored is what the honest clients hold: let the record go, then load it afresh.
    for (const c of honest) c.provider.destroy();
    await waitFor(() => server.services.rooms.openCount === 0, 10_000, 'record unloaded');
    // honest[1] and honest[3] received the others' final edit last, so everything before it too.
    for (const [meeting, holder] of [
      [target, honest[1]!],
      [elsewhere, honest[3]!],
    ] as const) {
      const reader = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
      await synced(reader, 10_000);
      expect(Y.equalSnapshots(Y.snapshot(reader.doc), Y.snapshot(holder.doc))).toBe(true);
      expect(reader.doc.getText('minutes').toString()).toBe(holder.doc.getText('minutes').toString());
      reader.destroy();
    }
  }, 600_000);

  it(`no request to the HTTP API is answered 500, and the server stays up`, async () => {
    // A process of its own: the requests and the server do not share one thread, and a death would show.
    const api = await childServer({ TRUST_PROXY: '1', LOG_LEVEL: 'error' });
    await api.start();
    try {
      await fuzzHttp(api);
    } finally {
      await api.cleanup();
    }
  }, 600_000);

  async function fuzzHttp(api: ChildServer): Promise<void> {
    // Every route the app has, as the app itself lists them.
    const routes: Route[] = [
      ...new Map(
        createApp(server.services)
          .routes.filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/healthz'))
          .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
      ).values(),
    ];
    expect(routes.length).toBeGreaterThan(40);
    const templates: BodyTemplates = [
      { token: 'A'.repeat(43) },
      { login: 'fuzz@example.org', password: 'not the password at all' },
      { targetId: 'segment', agreed: true },
      { publicKey: Buffer.alloc(32, 7).toString('base64url') },
      {
        statement: {
          format: 'accord.signature-statement/1',
          recordHash: '0'.repeat(64),
          meetingId: 'x',
          version: 1,
          party: 'TH',
          signerName: 'x',
          signerTitle: 'x',
          signedAt: new Date().toISOString(),
        },
        signature: 'A'.repeat(86),
      },
      { reason: 'fuzz' },
      { status: 'done' },
      { name: 'Fuzz Person', party: 'TH', role: 'delegate', title: 'Officer', agency: 'Agency' },
      { startDate: '2025-09-01', endDate: '2025-09-02', code: 'CMM 99' },
      { login: 'fuzz-officer@example.org' },
      { venue: { en: 'Elsewhere' }, languages: ['th', 'lo', 'en'] },
      { name: 'Fuzz Officer', login: `fuzz-${seed}@example.org`, party: 'TH', role: 'officer' },
      { currentPassword: 'wrong wrong wrong', newPassword: 'a long new password' },
      { token: 'B'.repeat(43), password: 'a long new password' },
      { party: 'LA', notJoined: true, lang: 'lo' },
      meetingBody(),
      fixture('gms08-regional') as Record<string, unknown>,
    ];

    let desk: { cookie: string; accountId: string } | null = null;
    let meetingCount = 0;
    const meetingIds: string[] = [];
    /** What the run's cases may name: a meeting of its own, its people, credentials of every kind. */
    async function targets(): Promise<FuzzTargets> {
      // The fuzz may sign its officer out, or have the administrator disable them: then another.
      if (!desk || (await call(api, { cookie: desk.cookie }, 'GET', '/api/console/session')).status !== 200)
        desk = await officer(api, `fuzz-officer-${seed}-${meetingCount}@example.org`);
      const made = await call(api, { cookie: desk.cookie }, 'POST', '/api/console/meetings', meetingBody({ code: `FZ ${++meetingCount}` }));
      expect(made.status).toBe(201);
      const invitations = made.body.invitations as { participantId: string; role: string; token: string }[];
      meetingIds.push(made.body.meetingId);
      const cookies: string[] = [];
      for (const role of ['secretariat', 'head', 'observer']) {
        const token = invitations.find((i) => i.role === role)!.token;
        const session = await fetch(`${api.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        });
        cookies.push(session.headers.get('set-cookie')!.split(';')[0]!);
      }
      const details = await call(api, { cookie: desk.cookie }, 'GET', `/api/console/meetings/${made.body.meetingId}`);
      return {
        meetingIds: meetingIds.slice(-3),
        participantIds: invitations.map((i) => i.participantId),
        accountIds: [desk.accountId],
        pointIds: (details.body.actionPoints as { id: string }[]).map((p) => p.id),
        bearers: [ADMIN_TOKEN, ...invitations.filter((i) => i.role !== 'delegate').map((i) => i.token)],
        participantCookies: cookies,
        consoleCookies: [desk.cookie],
        own: api.url,
      };
    }

    let sent = 0;
    const statuses = new Map<number, number>();
    const perRun = 500;
    const runs = Math.ceil(HTTP_CASES / perRun);
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(httpCase(routes.length, templates.length), { minLength: perRun, maxLength: perRun }), async (cases) => {
        const now = await targets();
        const failures: string[] = [];
        await Promise.all(
          Array.from({ length: WORKERS }, async (_, w) => {
            for (const c of cases.filter((_, i) => i % WORKERS === w)) {
              const request = requestOf(c, routes, templates, now);
              sent++;
              // A body over the ceiling before sign-in goes on a connection of its own: the server
              // answers 413 and closes it while the client may still be sending, and a pooled
              // connection closed so would fail the next request that used it.
              const own = (request.body?.length ?? 0) > BODY_LIMITS.anonymous;
              let res: Response;
              try {
                res = own
                  ? await alone(request)
                  : await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
              } catch (err) {
                if (own) continue; // closed on it, as it should be, before it was through
                failures.push(
                  `${request.method} ${request.url.slice(0, 200)} ${JSON.stringify({ ...c, body: c.body.kind, headers: request.headers })} → ${String((err as Error).cause ?? err)}`,
                );
                continue;
              }
              const text = await res.text();
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              if (res.status >= 500) failures.push(`${request.method} ${request.url.slice(0, 200)} → ${res.status} ${text.slice(0, 200)}`);
            }
          }),
        );
        expect(failures).toEqual([]);
        expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
    console.log(
      `fuzz: ${sent} HTTP requests in ${Math.round((Date.now() - started) / 1000)} s; answers ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(sent).toBeGreaterThanOrEqual(HTTP_CASES);
  }
});
