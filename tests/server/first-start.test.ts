import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('first start on an empty DATA_DIR', () => {
  let child: ChildProcess | undefined;
  let dataDir = '';
  afterEach(() => {
    child?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes a private administrator token, prints a one-time console code once (never logged), seeds the CMM 04 demo and prints where its links are, never a link', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-first-'));
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ACCORD_ADMIN_TOKEN: '', LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let logged = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (logged += d.toString())); // the log: no link or code there
    await vi.waitFor(
      () => {
        if (!out.includes('demo-invitations.txt')) throw new Error(`no demo links printed:\n${out}`);
      },
      { timeout: 20_000, interval: 50 },
    );

    const adminFile = join(dataDir, 'admin-token');
    expect(statSync(adminFile).mode & 0o777).toBe(0o600);
    const adminToken = readFileSync(adminFile, 'utf8').trim();
    expect(out).toContain(adminFile);
    expect(out).not.toContain(adminToken); // where to find it, never the secret itself
    // The audit log's key: a file of its own beside the database, never in it.
    expect(statSync(join(dataDir, 'audit-key')).mode & 0o777).toBe(0o600);

    // One address and one code to set up the console; the code is printed, never logged.
    const codes = [...out.matchAll(/^\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/gm)].map((m) => m[1]!);
    expect(codes).toHaveLength(1);
    expect(out).toContain(`http://127.0.0.1:${port}/console`);
    expect(logged).not.toContain(codes[0]);
    const firstRun = await fetch(`http://127.0.0.1:${port}/api/console/first-run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codes[0], name: 'Somchai Administrator', login: 'somchai', party: 'TH', password: 'first administrator pass' }),
    });
    expect(firstRun.status).toBe(201);

    // The links are in a file of this user's only; the console and log show its path, no link.
    const linksFile = join(dataDir, 'demo-invitations.txt');
    expect(out).toContain(linksFile);
    expect(statSync(linksFile).mode & 0o777).toBe(0o600);
    const roles = readFileSync(linksFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .map(([party, role, , link]) => ({ party, role, link: link! }));
    expect(new Set(roles.slice(0, 7).map((r) => r.role))).toEqual(new Set(['secretariat', 'head', 'delegate', 'observer']));
    expect(out).not.toContain('/join#');
    expect(logged).not.toContain('/join#');
    for (const { link } of roles) expect(out).not.toContain(new URL(link).hash.slice(1));
    const observer = roles.find((r) => r.role === 'observer')!;
    const token = new URL(observer.link).hash.slice(1);
    const session = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(session.status).toBe(201);
    const { meetingId } = (await session.json()) as { meetingId: string };
    const meeting = await fetch(`http://127.0.0.1:${port}/api/meetings/${meetingId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await meeting.json()).toMatchObject({ code: 'CMM 04', you: { role: 'observer' } });
  });
});
