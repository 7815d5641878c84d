// Parallel guesses: each attempt is weighed and noted before its password is hashed, in
// one atomic step, so a burst is judged one attempt after another. (Once, 31 parallel
// guesses at one login were all checked and the right one signed in; 40 from one address
// got no 429: the count was read before the slow hash and written after it.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/server';
import { PASSWORD, officer, signIn } from '../helpers/console';
import { SIGN_IN_LIMITS } from '../../shared/console/sign-in-limits';
import { DEPLOYMENT_LOG } from '../../server/commands/console/deployment-audit';
import { DATABASE_URL } from '../helpers/service-urls';

describe.each(['SQLite', 'PostgreSQL'])('a burst of parallel sign-ins, on %s', (database) => {
  let server: TestServer;
  const schema = `accord_burst_${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: true,
      ...(database === 'PostgreSQL' ? { databaseUrl: DATABASE_URL, databaseSchema: schema, singleProcess: true } : {}),
    });
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    if (database !== 'PostgreSQL') return;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  /** How many attempts on `login` (or from `address`) had their password checked. */
  const checked = async (match: (detail: Record<string, unknown>) => boolean) =>
    (await server.services.storage.listAudit(DEPLOYMENT_LOG)).filter(
      (e) => (e.action === 'sign-in.failed' || e.action === 'sign-in.succeeded') && match(e.detail),
    ).length;

  it('31 parallel guesses at one login: one is checked, the other thirty are refused unchecked', async () => {
    await officer(server, 'burst@example.org');
    const before = await checked((d) => d.login === 'burst@example.org'); // the officer's own first sign-in
    const guesses = Array.from({ length: 31 }, (_, i) => signIn(server, 'burst@example.org', `guess ${i} at the password`, `198.18.0.${i}`));
    const answers = await Promise.all(guesses);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    expect((await checked((d) => d.login === 'burst@example.org')) - before).toBe(1);
  });

  it('the right password inside a burst is refused with the rest while the login must wait', async () => {
    await officer(server, 'burst.right@example.org');
    expect((await signIn(server, 'burst.right@example.org', 'one wrong guess first', '198.18.1.1')).status).toBe(401);
    const burst = Array.from({ length: 30 }, (_, i) => `wrong guess ${i}`);
    burst.splice(17, 0, PASSWORD);
    const answers = await Promise.all(burst.map((password, i) => signIn(server, 'burst.right@example.org', password, `198.18.1.${10 + i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(31).fill(429));
    expect(answers.every((a) => !a.headers.get('set-cookie'))).toBe(true);
    expect(await checked((d) => d.login === 'burst.right@example.org')).toBe(2); // the first guess, and the officer's own sign-in
  });

  it(`40 parallel attempts from one address: ${SIGN_IN_LIMITS.perAddress} are checked, the rest get 429`, async () => {
    const address = '198.18.2.1';
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(server, `nobody${i}@example.org`, 'a wrong password', address)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.perAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - SIGN_IN_LIMITS.perAddress);
    expect(await checked((d) => d.address === address)).toBe(SIGN_IN_LIMITS.perAddress);
  });
});
