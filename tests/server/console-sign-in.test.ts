// Officers sign in to the console with a password of their own: the cookie it gives,
// the failures it refuses and counts, and what an officer may reach with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { PASSWORD, admin, call, cookieOf, meetingBody, officer, signIn } from '../helpers/console';
import { SIGN_IN_LIMITS } from '../../server/commands/console/sign-in';
import { DEPLOYMENT_LOG } from '../../server/commands/console/deployment-audit';

describe('signing in to the secretariat console', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Behind a trusted proxy: addresses come from X-Forwarded-For, so each test has its own.
    server = await startTestServer({ trustProxy: true });
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('the right password opens an http-only, SameSite=Strict session; Secure behind TLS; sign-out ends it', async () => {
    await officer(server, 'khamla@example.org', 'LA');
    const plain = await signIn(server, 'Khamla@Example.org', PASSWORD, '192.0.2.10');
    expect(plain.status).toBe(201);
    expect(plain.body.account).toMatchObject({ login: 'khamla@example.org', party: 'LA', role: 'officer' });
    const flags = plain.headers.get('set-cookie')!;
    expect(flags).toMatch(/^accord_console=[A-Za-z0-9_-]{43};/);
    expect(flags).toMatch(/HttpOnly/);
    expect(flags).toMatch(/SameSite=Strict/);
    expect(flags).toMatch(/Path=\//);
    expect(flags).not.toMatch(/Secure/);

    const overTls = await fetch(`${server.url}/api/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.11' },
      body: JSON.stringify({ login: 'khamla@example.org', password: PASSWORD }),
    });
    expect(overTls.status).toBe(201);
    expect(overTls.headers.get('set-cookie')).toMatch(/; Secure/);

    const cookie = cookieOf(plain);
    expect((await call(server, { cookie }, 'GET', '/api/console/session')).body.account.login).toBe('khamla@example.org');
    expect((await call(server, { cookie }, 'DELETE', '/api/console/session')).status).toBe(204);
    expect((await call(server, { cookie }, 'GET', '/api/console/session')).status).toBe(401);
    expect((await call(server, { cookie }, 'GET', '/api/console/meetings')).status).toBe(401);
  });

  it('a wrong password is refused and audited; the password is kept only as a scrypt hash and never logged', async () => {
    const { accountId } = await officer(server, 'pimchanok@example.org');
    const wrong = await signIn(server, 'pimchanok@example.org', 'not the password at all', '192.0.2.20');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('wrong_credentials');
    expect(cookieOf(wrong)).toBe('');
    const unknown = await signIn(server, 'nobody@example.org', PASSWORD, '192.0.2.20');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body); // an unknown login is told nothing more

    const stored = await server.services.storage.getAccount(accountId);
    expect(stored!.passwordHash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored!.passwordHash).not.toContain(PASSWORD);

    const log = await server.services.storage.listAudit(DEPLOYMENT_LOG);
    const failed = log.filter((e) => e.action === 'sign-in.failed');
    expect(failed.map((e) => e.detail.reason)).toEqual(expect.arrayContaining(['wrong-password', 'unknown-login']));
    expect(failed.find((e) => e.detail.reason === 'unknown-login')!.detail.login).toBeNull();
    expect(log.some((e) => e.action === 'sign-in.succeeded' && e.actor === `officer:${accountId}`)).toBe(true);
    const text = JSON.stringify(log);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('not the password at all');
  });

  it(`each failure makes the next attempt wait longer; after ${SIGN_IN_LIMITS.perAccount} the account is refused with 429, even with the right password`, async () => {
    await officer(server, 'anan@example.org');
    const start = Date.now();
    let elapsed = 0;
    const real = server.services.now;
    server.services.now = () => new Date(start + elapsed);
    try {
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
        const wait = i === 0 ? 0 : SIGN_IN_LIMITS.firstDelaySeconds * 2 ** (i - 1);
        if (i > 0) {
          // Too soon: refused unchecked, saying how long to wait; the wait doubles with each failure.
          const early = await signIn(server, 'anan@example.org', PASSWORD, `192.0.2.${30 + i}`);
          expect(early.status).toBe(429);
          expect(Number(early.headers.get('retry-after'))).toBe(wait);
          elapsed += wait * 1000;
        }
        expect((await signIn(server, 'anan@example.org', `guess number ${i}!!`, `192.0.2.${30 + i}`)).status).toBe(401);
      }
      elapsed += 60_000;
      const refused = await signIn(server, 'anan@example.org', PASSWORD, '192.0.2.99');
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('too_many_attempts');
      // Until the first of the five leaves the window.
      expect(Number(refused.headers.get('retry-after'))).toBe(SIGN_IN_LIMITS.windowMinutes * 60 - elapsed / 1000);
      elapsed += SIGN_IN_LIMITS.windowMinutes * 60_000;
      expect((await signIn(server, 'anan@example.org', PASSWORD, '192.0.2.99')).status).toBe(201);
    } finally {
      server.services.now = real;
    }
    const log = await server.services.storage.listAudit(DEPLOYMENT_LOG);
    expect(log.some((e) => e.action === 'sign-in.throttled' && e.detail.limit === 'account')).toBe(true);
  });

  it(`after ${SIGN_IN_LIMITS.perAddress} failures from one address, that address is refused for any account`, async () => {
    await officer(server, 'wilaiwan@example.org');
    const address = '192.0.2.200';
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) expect((await signIn(server, `someone${i}@example.org`, 'a wrong password', address)).status).toBe(401);
    expect((await signIn(server, 'wilaiwan@example.org', PASSWORD, address)).status).toBe(429);
    expect((await signIn(server, 'wilaiwan@example.org', PASSWORD, '192.0.2.201')).status).toBe(201);
  });

  it('an initial password opens nothing but the password change; a setup link works once', async () => {
    const made = await call(server, admin, 'POST', '/api/console/accounts', {
      name: 'Souksavanh Keomany',
      login: 'souksavanh',
      party: 'LA',
      initialPassword: 'first password 2025',
    });
    expect(made.status).toBe(201);
    expect(made.body.setupLink).toBeNull();
    const first = await signIn(server, 'souksavanh', 'first password 2025', '192.0.2.40');
    expect(first.status).toBe(201);
    expect(first.body.mustChangePassword).toBe(true);
    const cookie = cookieOf(first);
    const blocked = await call(server, { cookie }, 'GET', '/api/console/meetings');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect(
      (await call(server, { cookie }, 'POST', '/api/console/session/password', { currentPassword: 'wrong', newPassword: 'a new long password' })).status,
    ).toBe(403);
    expect(
      (await call(server, { cookie }, 'POST', '/api/console/session/password', { currentPassword: 'first password 2025', newPassword: 'short' })).status,
    ).toBe(400);
    expect(
      (await call(server, { cookie }, 'POST', '/api/console/session/password', { currentPassword: 'first password 2025', newPassword: 'a new long password' }))
        .status,
    ).toBe(200);
    expect((await call(server, { cookie }, 'GET', '/api/console/meetings')).status).toBe(200);

    const linked = await call(server, admin, 'POST', '/api/console/accounts', { name: 'Noy Vongsa', login: 'noy', party: 'LA' });
    const token = (linked.body.setupLink as string).split('#')[1];
    expect(linked.body.setupLink).toMatch(/\/console\/setup#/);
    // The setup page shows whose account it is and the login to sign in with, and changes nothing.
    expect((await call(server, {}, 'POST', '/api/console/session/setup/account', { token })).body).toEqual({ name: 'Noy Vongsa', login: 'noy' });
    expect((await call(server, {}, 'POST', '/api/console/session/setup', { token, password: 'noy has a long password' })).status).toBe(200);
    expect((await call(server, {}, 'POST', '/api/console/session/setup', { token, password: 'someone else entirely' })).status).toBe(401);
    expect((await signIn(server, 'noy', 'noy has a long password', '192.0.2.41')).status).toBe(201);
    expect((await call(server, {}, 'POST', '/api/console/session/setup/account', { token })).status).toBe(401);
  });

  it('only the administrator makes accounts; a login is taken once; a disabled account signs in no more', async () => {
    const { cookie } = await officer(server, 'kittipong@example.org');
    expect((await call(server, { cookie }, 'POST', '/api/console/accounts', { name: 'X', login: 'xxx', party: 'TH' })).status).toBe(403);
    expect((await call(server, { cookie }, 'GET', '/api/console/accounts')).status).toBe(403);
    expect((await call(server, admin, 'POST', '/api/console/accounts', { name: 'Again', login: 'KITTIPONG@example.org', party: 'TH' })).status).toBe(409);
    const bad = await call(server, admin, 'POST', '/api/console/accounts', { name: '', login: 'a b', party: 'thailand' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['login', 'name', 'party']);

    const list = await call(server, admin, 'GET', '/api/console/accounts');
    const account = list.body.accounts.find((a: { login: string }) => a.login === 'kittipong@example.org');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|passwordHash|setupTokenHash/);
    expect((await call(server, admin, 'POST', `/api/console/accounts/${account.id}/disable`)).status).toBe(200);
    expect((await call(server, { cookie }, 'GET', '/api/console/meetings')).status).toBe(401);
    expect((await signIn(server, 'kittipong@example.org', PASSWORD, '192.0.2.50')).status).toBe(401);
  });

  it('an officer cannot reach another officer’s meeting by any path; the meeting’s log says who tried', async () => {
    const thai = await officer(server, 'thai.officer@example.org', 'TH');
    const lao = await officer(server, 'lao.officer@example.org', 'LA');
    const created = await call(server, thai, 'POST', '/api/console/meetings', meetingBody());
    expect(created.status).toBe(201);
    const id = created.body.meetingId as string;
    const participantId = created.body.invitations[2].participantId as string;

    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/console/meetings/${id}`],
      ['PATCH', `/api/console/meetings/${id}/facts`, { venue: { en: 'Elsewhere' } }],
      ['POST', `/api/console/meetings/${id}/participants`, { name: 'Intruder', party: 'TH', role: 'delegate' }],
      ['DELETE', `/api/console/meetings/${id}/participants/${participantId}`],
      ['POST', `/api/console/meetings/${id}/invitations/sheet`, {}],
      ['POST', `/api/console/meetings/${id}/next`, { startDate: '2025-09-01', endDate: '2025-09-01' }],
      ['POST', `/api/console/meetings/${id}/officers`, { login: 'lao.officer@example.org' }],
      ['GET', `/api/meetings/${id}`],
      ['GET', `/api/meetings/${id}/invitations`],
      ['POST', `/api/meetings/${id}/invitations/${participantId}/link`],
      ['POST', `/api/meetings/${id}/invitations/${participantId}/revoke`],
      ['GET', `/api/meetings/${id}/audit`],
      ['GET', `/api/meetings/${id}/record`],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await call(server, lao, method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, 404]);
    }
    const register = await call(server, lao, 'GET', '/api/console/register');
    expect(register.body.rows).toEqual([]);
    expect((await call(server, lao, 'GET', '/api/console/meetings')).body.meetings).toEqual([]);

    // The officer who made it reaches all of it; lifecycle steps stay with the participants.
    expect((await call(server, thai, 'GET', `/api/console/meetings/${id}`)).status).toBe(200);
    expect((await call(server, thai, 'GET', `/api/meetings/${id}/invitations`)).status).toBe(200);
    expect((await call(server, thai, 'GET', `/api/meetings/${id}/audit`)).status).toBe(200);
    const lock = await call(server, thai, 'POST', `/api/meetings/${id}/lock`);
    expect(lock.status).toBe(403);

    const audit = await server.services.storage.listAudit(id);
    const refused = audit.filter((e) => e.action === 'access.refused' && e.actor === `officer:${lao.accountId}`);
    expect(refused.length).toBeGreaterThanOrEqual(attempts.length - 1);

    // Given the meeting, the Lao officer manages it too.
    expect((await call(server, thai, 'POST', `/api/console/meetings/${id}/officers`, { login: 'lao.officer@example.org' })).status).toBe(201);
    expect((await call(server, lao, 'GET', `/api/console/meetings/${id}`)).status).toBe(200);
  });
});
