// Property-based fuzzing of the HTTP API: issue 17's budget's HTTP share
// (tests/faults/fuzz-budget.ts), requests to every route the app lists, sent to a server
// process of its own. Replay a failure with FUZZ_SEED=<seed printed below>; size the run
// with FUZZ_CASES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { httpCase, requestOf, type BodyTemplates, type FuzzRequest, type FuzzTargets, type Route } from './fuzz-http';
import { createApp } from '../../server/app';
import { BODY_LIMITS } from '../../server/routes/body-limits';
import { ADMIN_TOKEN, fixture, startTestServer } from '../helpers/server';
import { call, meetingBody, officer } from '../helpers/console';
import { childServer, type ChildServer } from '../helpers/child-server';
import { CASES, HTTP_CASES, seed, WORKERS } from './fuzz-budget';

console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed}), ${CASES} cases: ${HTTP_CASES} HTTP requests here`);

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

describe(`hostile requests (seed ${seed})`, () => {
  // Every route the app has, as the app itself lists them (an app needs services to be made).
  let routes: Route[];
  // A process of its own: the requests and the server do not share one thread, and a death would show.
  let api: ChildServer;
  beforeAll(async () => {
    const lister = await startTestServer();
    routes = [
      ...new Map(
        createApp(lister.services)
          .routes.filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/healthz'))
          .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
      ).values(),
    ];
    await lister.stop();
    lister.cleanup();
    api = await childServer({ TRUST_PROXY: '1', LOG_LEVEL: 'error' });
    await api.start();
  });
  afterAll(async () => {
    await api?.cleanup();
  });

  it(`no request to the HTTP API is answered 500, and the server stays up`, async () => {
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
  }, 600_000);
});
