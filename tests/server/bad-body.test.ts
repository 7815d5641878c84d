// A body that is not JSON at all gets the documented refusal (400, `{ error: { code,
// message } }`) on every route that takes one, not a server error; and settings that make
// no sense together stop the server before it starts, with a sentence naming the one missing.
import { describe, expect, it } from 'vitest';
import { checkBackends } from '../../server/config';
import { createMeeting, ADMIN_TOKEN, tokenOf } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { childServer } from '../helpers/child-server';
import type { TestServer } from '../helpers/server';

describe('a malformed JSON body', () => {
  let server: TestServer;
  serverForAll((s) => (server = s));

  it('is answered 400 with the documented error shape, wherever a body is read', async () => {
    const meeting = await createMeeting(server);
    const head = tokenOf(meeting, 'head', 'TH');
    const routes: [string, string, string][] = [
      ['POST', '/api/meetings', ADMIN_TOKEN],
      ['POST', '/api/session', head],
      ['POST', `/api/meetings/${meeting.meetingId}/agreement`, head],
      ['POST', `/api/meetings/${meeting.meetingId}/unlock`, tokenOf(meeting, 'secretariat', 'TH')],
      ['POST', '/api/console/session', ''],
      ['POST', '/api/verify', ''],
    ];
    for (const [method, path, token] of routes) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: '{"token": "half a body',
      });
      expect(res.status, `${method} ${path}`).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(typeof body.error.code, `${method} ${path}`).toBe('string');
      expect(body.error.message.length, `${method} ${path}`).toBeGreaterThan(10);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('backends that make no sense together', () => {
  it('are named before anything starts', () => {
    expect(() => checkBackends({ redisUrl: 'redis://127.0.0.1:6379', databaseUrl: undefined, singleProcess: false })).toThrow(/DATABASE_URL/);
    expect(() => checkBackends({ redisUrl: undefined, databaseUrl: 'postgres://x', singleProcess: false })).toThrow(/REDIS_URL.*ACCORD_SINGLE_PROCESS/);
    expect(() => checkBackends({ redisUrl: undefined, databaseUrl: 'postgres://x', singleProcess: true })).not.toThrow();
    expect(() => checkBackends({ redisUrl: undefined, databaseUrl: undefined, singleProcess: false })).not.toThrow();
  });

  it('stop `npm start` with that sentence and a non-zero exit, REDIS_URL alone included', async () => {
    const child = await childServer({ REDIS_URL: 'redis://127.0.0.1:6379' });
    await expect(child.start()).rejects.toThrow(/exited with 2/);
    expect(child.output()).toContain('REDIS_URL is set but DATABASE_URL is not');
    await child.cleanup();
  });
});
