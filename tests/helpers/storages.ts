// The two storages a behaviour is proved on: the embedded SQLite, and PostgreSQL on a schema
// of its own, dropped afterwards.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from './server';
import { DATABASE_URL, REDIS_URL } from './service-urls';

/** Drops the PostgreSQL schema a test made for itself. */
async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

/**
 * What in-process servers share to act as one deployment's processes: a PostgreSQL schema and
 * a Redis prefix of their own, and one key sealing the audit log. Drop the schema afterwards.
 */
export function scaleOutBackends() {
  const schema = `accord_test_${randomBytes(4).toString('hex')}`;
  return { databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL, redisPrefix: schema, auditKey: `the audit key of ${schema}, shared` };
}

/** Stops in-process servers that shared `backends` (scaleOutBackends), then drops their schema. */
export async function stopScaleOut(backends: { databaseSchema: string }, servers: (TestServer | undefined)[]): Promise<void> {
  for (const server of servers) await server?.stop();
  for (const server of servers) server?.cleanup();
  await dropSchema(backends.databaseSchema);
}

export interface StorageKind {
  name: 'SQLite' | 'PostgreSQL';
  start(): Promise<TestServer>;
  stop(server: TestServer | undefined): Promise<void>;
}

export function storageKinds(prefix: string): StorageKind[] {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  return [
    {
      name: 'SQLite',
      start: () => startTestServer(),
      async stop(server) {
        await server?.stop();
        server?.cleanup();
      },
    },
    {
      name: 'PostgreSQL',
      start: () => startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema, singleProcess: true }),
      async stop(server) {
        await server?.stop();
        server?.cleanup();
        await dropSchema(schema);
      },
    },
  ];
}
