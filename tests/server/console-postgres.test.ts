// The console's storage on PostgreSQL: accounts and sign-in limits, a meeting with an
// imported roster, the next meeting, the register's history, on a schema of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../helpers/server';
import { PASSWORD, call, meetingBody, officer, signIn } from '../helpers/console';
import { SIGN_IN_LIMITS } from '../../server/commands/console/sign-in';
import { DEPLOYMENT_LOG } from '../../server/commands/console/deployment-audit';
import { DATABASE_URL } from '../helpers/service-urls';

describe('the console on PostgreSQL', () => {
  const schema = `accord_console_${randomBytes(4).toString('hex')}`;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema, singleProcess: true });
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('accounts, a roster import, the next meeting and the register work as on SQLite, and survive a restart', async () => {
    const { cookie, accountId } = await officer(server, 'pg.officer@example.org');
    // Each failure makes the next attempt wait: the clock moves on between them.
    const real = server.services.now;
    let at = Date.now();
    server.services.now = () => new Date(at);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      at += 20_000;
      expect((await signIn(server, 'pg.officer@example.org', 'wrong wrong wrong')).status).toBe(401);
    }
    expect((await signIn(server, 'pg.officer@example.org', PASSWORD)).status).toBe(429);
    server.services.now = real;
    // Not behind a trusted proxy: the address counted is the connection's own.
    const failures = (await server.services.storage.listAudit(DEPLOYMENT_LOG)).filter((e) => e.action === 'sign-in.failed');
    expect(failures.map((e) => e.detail.address)).toEqual(Array(SIGN_IN_LIMITS.perAccount).fill('127.0.0.1'));

    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody({ number: 3, code: 'CMM 03', participants: [] }));
    expect(made.status).toBe(201);
    const imported = await fetch(`${server.url}/api/console/meetings/${made.body.meetingId}/roster`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: readFileSync(new URL('../fixtures/console/roster-th-lo.csv', import.meta.url)),
    });
    expect(imported.status).toBe(201);
    const refused = await fetch(`${server.url}/api/console/meetings/${made.body.meetingId}/roster`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: readFileSync(new URL('../fixtures/console/roster-bad.csv', import.meta.url)),
    });
    expect(refused.status).toBe(400);

    const next = await call(server, { cookie }, 'POST', `/api/console/meetings/${made.body.meetingId}/next`, {
      startDate: '2025-03-12',
      endDate: '2025-03-12',
    });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ code: 'CMM 04', carried: 2 });
    expect(
      (await call(server, { cookie }, 'POST', `/api/console/meetings/${made.body.meetingId}/next`, { startDate: '2025-03-12', endDate: '2025-03-12' })).status,
    ).toBe(409);
    const pointId = (await call(server, { cookie }, 'GET', `/api/console/meetings/${next.body.meetingId}`)).body.actionPoints[0].id;
    expect((await call(server, { cookie }, 'POST', `/api/meetings/${next.body.meetingId}/action-points/${pointId}/status`, { status: 'done' })).status).toBe(
      200,
    );

    await server.stop();
    server = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema, singleProcess: true, dataDir: server.dataDir });
    const register = await call(server, { cookie }, 'GET', `/api/console/register?series=${next.body.seriesId}&today=2025-07-01`);
    expect(register.status).toBe(200);
    expect(register.body.rows.map((r: { meetingCode: string; status: string }) => [r.meetingCode, r.status])).toEqual([
      ['CMM 04', 'open'],
      ['CMM 04', 'done'],
    ]);
    const done = register.body.rows[1];
    expect(done.history.map((h: { meetingCode: string; kind: string; to: string }) => [h.meetingCode, h.kind, h.to])).toEqual([
      ['CMM 03', 'recorded', 'open'],
      ['CMM 04', 'carried', 'open'],
      ['CMM 04', 'changed', 'done'],
    ]);
    expect((await server.services.storage.getAccount(accountId))!.passwordHash).toMatch(/^scrypt\$/);
    expect((await server.services.storage.listMeetingOfficers(next.body.meetingId)).map((o) => o.accountId)).toEqual([accountId]);
  });
});
