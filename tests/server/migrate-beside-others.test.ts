// Two deployments (or two test runs) on one PostgreSQL database, each in its own schema: one
// starts, and so migrates its schema, while the other changes or drops tables of its own.
// Kysely's Migrator used to list every schema's tables, looking each column up by name, and
// failed when a name changed under it ("column … does not exist") before running anything;
// the storage's migration now sees its own schema only (one-schema-dialect.ts).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../server/storage/migrations/migrate';
import { DATABASE_URL } from '../helpers/service-urls';

const ROUNDS = 12;

describe('a schema migrates while another deployment changes its own', () => {
  const schemas: string[] = [];
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it(`migrates ${ROUNDS} fresh schemas while another schema's tables are renamed, altered and dropped without pause`, async () => {
    const other = `accord_other_${randomBytes(4).toString('hex')}`;
    schemas.push(other);
    let churning = true;
    let changes = 0;
    // The other deployment: its table's columns renamed back and forth, the table dropped and made again.
    const churn = (async () => {
      const client = await admin.connect();
      try {
        await client.query(`CREATE SCHEMA ${other}`);
        while (churning) {
          await client.query(`CREATE TABLE ${other}.accounts (id serial PRIMARY KEY, must_change_password boolean)`);
          for (let i = 0; i < 5 && churning; i++) {
            await client.query(`ALTER TABLE ${other}.accounts RENAME COLUMN must_change_password TO renamed`);
            await client.query(`ALTER TABLE ${other}.accounts RENAME COLUMN renamed TO must_change_password`);
            changes += 2;
          }
          await client.query(`DROP TABLE ${other}.accounts`);
          changes++;
        }
      } finally {
        client.release();
      }
    })();

    const failures: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const schema = `accord_migrate_${randomBytes(4).toString('hex')}`;
        schemas.push(schema);
        const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, options: `-c search_path=${schema}` });
        try {
          await pool.query(`CREATE SCHEMA ${schema}`);
          const ran = await migratePostgres(pool, schema);
          expect(ran.length).toBeGreaterThan(0);
          expect(await migratePostgres(pool, schema)).toEqual([]);
        } catch (err) {
          failures.push(String(err));
        } finally {
          await pool.end();
        }
      }
    } finally {
      churning = false;
      await churn;
    }
    expect(changes).toBeGreaterThan(ROUNDS);
    expect(failures).toEqual([]);
  }, 120_000);
});
