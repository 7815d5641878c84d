// Accord scaled out for the benchmark: N processes, each on its own port and data folder,
// sharing a PostgreSQL schema of the benchmark's own (in the machine's database, created by
// the first process and dropped afterwards; nothing else in that database is touched) and a
// Redis of its own (started here on a free port, nothing saved; the machine's Redis is left
// alone). The rooms are made through the first process; the load generator spreads every
// room's clients over all of them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { RunContext } from './context';
import type { RoomAccess, Target } from './plans';
import { startServer, type ServerHandle } from './processes';
import { ADMIN_TOKEN, createRooms, type FixtureName } from './rooms';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A port nobody listens on now (the kernel's pick for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once a Redis at `url` answers PING (it takes a few milliseconds to listen). */
async function answers(url: string): Promise<void> {
  const end = performance.now() + 10_000;
  while (performance.now() < end) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      probe.disconnect();
    }
  }
  throw new Error(`no Redis answered at ${url} within 10 s`);
}

interface OwnRedis {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `redis-server --port <free> --save ''`, in a folder of its own; resolves once it answers PING. */
async function startOwnRedis(dir: string): Promise<OwnRedis> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`redis-server did not start: ${err.message}`)));
    void exited.then(() => reject(new Error(`redis-server on port ${port} exited before it answered`)));
  });
  const url = `redis://127.0.0.1:${port}`;
  try {
    await Promise.race([failed, answers(url)]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

/** What the runs under way must undo (servers, Redis, schema, folder), should the run be stopped by a signal. */
const undoing = new Set<() => Promise<void>>();

/** Stops and drops whatever runs are under way: for a runner stopped by SIGINT or SIGTERM. */
export async function undoRunsUnderWay(): Promise<void> {
  await Promise.all([...undoing].map((undo) => undo().catch(() => undefined)));
}

export interface ScaleOutOptions {
  processes: number;
  rooms: number;
  fixture: FixtureName;
}

/**
 * N Accord processes on a fresh schema and a fresh Redis, the rooms, and everything stopped
 * and dropped again whatever happens.
 */
export async function withScaledOutAccord<T>(
  ctx: RunContext,
  options: ScaleOutOptions,
  body: (servers: ServerHandle[], rooms: RoomAccess[], target: Target) => Promise<T>,
): Promise<T> {
  const id = randomBytes(4).toString('hex');
  const schema = `accord_bench_${id}`;
  const dir = mkdtempSync(join(ctx.tmpRoot, 'scale-out-'));
  const redis = await startOwnRedis(dir);
  // The application name lets the generator find this run's PostgreSQL backends and weigh their CPU.
  const applicationName = `accord_bench_${id}`;
  const databaseUrl = `${BENCH_DATABASE_URL}${BENCH_DATABASE_URL.includes('?') ? '&' : '?'}application_name=${applicationName}`;
  const env = {
    DATABASE_URL: databaseUrl,
    ACCORD_DATABASE_SCHEMA: schema,
    REDIS_URL: redis.url,
    ACCORD_REDIS_PREFIX: schema,
    // One audit log shared by every process: one key.
    ACCORD_AUDIT_KEY: `the benchmark's audit key for ${schema}`,
  };
  const servers: ServerHandle[] = [];
  const undo = async () => {
    undoing.delete(undo);
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  };
  undoing.add(undo);
  try {
    // Started together, as a deployment's processes would be: the schema is made once, under
    // PostgreSQL advisory locks. Each is pushed as soon as it is up, so that a failure stops the others.
    await Promise.all(
      Array.from({ length: options.processes }, async (_, i) => {
        const dataDir = mkdtempSync(join(dir, `accord-${i + 1}-`));
        servers.push(await startServer('accord', { dataDir, adminToken: ADMIN_TOKEN, env }));
      }),
    );
    // The order the ports are given in decides which process each client goes to: keep it stable.
    servers.sort((a, b) => a.port - b.port);
    const rooms = await createRooms('accord', servers[0]!.port, options.rooms, options.fixture);
    const target: Target = {
      kind: 'accord',
      ports: servers.map((s) => s.port),
      pids: servers.map((s) => s.pid),
      backing: { pids: [redis.pid], database: { url: BENCH_DATABASE_URL, applicationName } },
    };
    return await body(servers, rooms, target);
  } finally {
    if (undoing.has(undo)) await undo();
  }
}
