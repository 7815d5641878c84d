// Accord on Node 24 LTS, beside the machine's Node 20 (which reached end of life in April
// 2026): the built server started with the Node 24 binary that `npm test` installs
// (scripts/node24.mjs) serves a meeting end to end. It runs in the scale-out mode (PostgreSQL, Redis), whose
// drivers are plain JavaScript: the embedded SQLite's native addon is built for the Node
// that installed the packages.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { builtServer, childServer, type ChildServer } from '../helpers/child-server';
import { rmSync } from 'node:fs';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { createMeeting, tokenOf } from '../helpers/server';
import { agreementTargets } from '../../shared/record/agreement';
import { node24Binary, NODE24_VERSION } from '../../scripts/node24.mjs';
import { DATABASE_URL, REDIS_URL } from '../helpers/service-urls';

describe('on Node 24', () => {
  const schema = `accord_test_${randomBytes(4).toString('hex')}`;
  let server: ChildServer | null = null;
  let build = '';
  const clients: StockClient[] = [];
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.cleanup();
    rmSync(build, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('serves a meeting: two delegations edit, agree, and the secretariat locks', async () => {
    expect(execFileSync(node24Binary, ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${NODE24_VERSION}`);
    // The build, as production runs it: plain node, no TypeScript loader.
    build = builtServer();
    server = await childServer({ DATABASE_URL, ACCORD_DATABASE_SCHEMA: schema, REDIS_URL, ACCORD_REDIS_PREFIX: schema }, undefined, {
      node: node24Binary,
      entry: [`${build}/main.js`],
    });
    await server.start();
    const meeting = await createMeeting(server);
    const thai = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    const lao = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    clients.push(thai, lao);
    await Promise.all([synced(thai), synced(lao)]);
    thai.doc.getText('notes').insert(0, 'ที่ประชุมรับทราบ');
    await waitFor(() => lao.doc.getText('notes').toString() === 'ที่ประชุมรับทราบ', 5000, 'the edit relayed');

    const call = async (token: string, path: string, body: unknown = {}) =>
      (
        await fetch(`${server!.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status;
    const secretariat = tokenOf(meeting, 'secretariat', 'TH');
    expect(await call(secretariat, `/api/meetings/${meeting.meetingId}/lock`)).toBe(409); // nothing agreed yet
    for (const head of meeting.invitations.filter((i) => i.role === 'head'))
      for (const target of agreementTargets(thai.doc))
        expect(await call(head.token, `/api/meetings/${meeting.meetingId}/agreement`, { targetId: target.id, agreed: true })).toBe(200);
    expect(await call(secretariat, `/api/meetings/${meeting.meetingId}/lock`)).toBe(200);
    const record = (await (await fetch(`${server.url}/api/meetings/${meeting.meetingId}`, { headers: { authorization: `Bearer ${secretariat}` } })).json()) as {
      state: string;
      recordHash: string;
    };
    expect(record.state).toBe('locked');
    expect(record.recordHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
