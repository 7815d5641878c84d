// A fresh install's console: the one-time code `npm start` prints makes the first
// administrator (and signs them in), once; only its hash is kept; guesses are limited;
// once an administrator exists no code is made; the administrator sees every meeting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFirstRun } from '../../server/commands/console/first-run';
import { startTestServer, createMeeting, type TestServer } from '../helpers/server';
import { call, cookieOf, officer } from '../helpers/console';

const FIRST = { name: 'Siriporn Chaiyasit', login: 'siriporn', party: 'TH', password: 'a long passphrase of mine' };

describe('the console’s first run', () => {
  let server: TestServer;
  beforeEach(async () => {
    // Behind a proxy that names the address, so that two addresses can be told apart here.
    server = await startTestServer({ trustProxy: true });
  });
  afterEach(async () => {
    await server.stop();
    server.cleanup();
  });

  it('the printed code makes the administrator once, signed in, who sees every meeting; only its hash is kept', async () => {
    expect((await call(server, {}, 'GET', '/api/console/first-run')).body).toEqual({ open: false });
    const demo = await createMeeting(server);
    const code = (await openFirstRun(server.services))!;
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect((await call(server, {}, 'GET', '/api/console/first-run')).body).toEqual({ open: true });

    const wrong = await call(server, {}, 'POST', '/api/console/first-run', { ...FIRST, code: 'AAAA-BBBB-CCCC' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('wrong_code');

    // Typed as people type what they read: lower case, spaces for dashes.
    const made = await call(server, {}, 'POST', '/api/console/first-run', { ...FIRST, code: code.toLowerCase().replace(/-/g, ' ') });
    expect(made.status).toBe(201);
    expect(made.body.account).toMatchObject({ login: 'siriporn', role: 'administrator', party: 'TH', mustChangePassword: false });
    const cookie = cookieOf(made);
    expect(cookie).toMatch(/^accord_console=/);
    expect((await call(server, { cookie }, 'GET', '/api/console/session')).body).toMatchObject({ administrator: true, name: FIRST.name });
    const meetings = await call(server, { cookie }, 'GET', '/api/console/meetings');
    expect(meetings.body.meetings.map((m: { id: string }) => m.id)).toEqual([demo.meetingId]);

    // Used: it makes nobody else, and the next start makes no new code.
    const again = await call(server, {}, 'POST', '/api/console/first-run', { ...FIRST, login: 'someone.else', code });
    expect(again.status).toBe(401);
    expect(await openFirstRun(server.services)).toBeNull();
    expect((await call(server, {}, 'GET', '/api/console/first-run')).body).toEqual({ open: false });

    // Nothing on disk holds the code as printed: only its hash was stored.
    const stored = readdirSync(server.dataDir)
      .map((f) => readFileSync(join(server.dataDir, f)).toString('latin1'))
      .join('');
    expect(stored).not.toContain(code.replace(/-/g, ''));
    expect(stored).not.toContain(code);
    const audit = await call(server, { cookie }, 'GET', '/api/console/audit');
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(['first-run.refused', 'first-run.completed', 'first-run.refused']);
  });

  it('an administrator made with the token ends the first run: the code then makes nobody', async () => {
    const code = (await openFirstRun(server.services))!;
    await officer(server, 'by.token@example.org', 'TH', 'administrator');
    expect((await call(server, {}, 'GET', '/api/console/first-run')).body).toEqual({ open: false });
    expect((await call(server, {}, 'POST', '/api/console/first-run', { ...FIRST, code })).status).toBe(401);
  });

  it('two browsers with the one code at once make one administrator', async () => {
    const code = (await openFirstRun(server.services))!;
    const answers = await Promise.all(
      ['first', 'second', 'third'].map((login) =>
        call(server, { address: `192.0.2.${login.length}` }, 'POST', '/api/console/first-run', { ...FIRST, login, code }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 401, 401]);
    expect((await server.services.storage.listAccounts()).filter((a) => a.role === 'administrator')).toHaveLength(1);
  });

  it('a new start before the first run replaces the code; guessing is stopped after 20 wrong codes from one address', async () => {
    const guesser = { address: '192.0.2.66' };
    const lost = (await openFirstRun(server.services))!;
    const code = (await openFirstRun(server.services))!;
    expect(code).not.toBe(lost);
    expect((await call(server, guesser, 'POST', '/api/console/first-run', { ...FIRST, code: lost })).status).toBe(401);
    for (let i = 0; i < 19; i++) await call(server, guesser, 'POST', '/api/console/first-run', { ...FIRST, code: `WRNG-${String(i).padStart(4, 'A')}-ZZZZ` });
    const throttled = await call(server, guesser, 'POST', '/api/console/first-run', { ...FIRST, code });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('900');
    // From another address the right code still works: the limit is on the guesser.
    expect((await call(server, { address: '192.0.2.77' }, 'POST', '/api/console/first-run', { ...FIRST, code })).status).toBe(201);
  });
});
