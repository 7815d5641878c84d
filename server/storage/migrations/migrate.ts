// One migration history for both databases, run at start-up by Kysely's Migrator through its
// SqliteDialect (better-sqlite3) or PostgresDialect (pg). Migrations are imported here, not
// read from a folder, since the server is bundled into one file (scripts/build-server.mjs).
// To add one: docs/operations.md, "Adding a migration".
import type Database from 'better-sqlite3';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type pg from 'pg';
import type { SchemaDialect } from './dialect';

type MigrationModule = { up(db: Kysely<unknown>, d: SchemaDialect): Promise<void> };

/**
 * Every migration, in the order they run; a name, once released, never changes. Loaded only
 * when one is to run (with Kysely), so an up-to-date database opens without them.
 */
const MIGRATIONS: Record<string, () => Promise<MigrationModule>> = {
  '0001-release-schema': () => import('./0001-release-schema'),
  '0002-lookup-indexes': () => import('./0002-lookup-indexes'),
  '0003-snapshot-state-vector': () => import('./0003-snapshot-state-vector'),
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

/** The database was migrated by a newer release than this one: it is left as it is. */
export class SchemaFromNewerRelease extends Error {
  constructor(readonly unknown: string) {
    super(
      `the database was migrated by a newer release of Accord (migration "${unknown}" is not one this release knows: ` +
        `it knows ${MIGRATION_NAMES.join(', ')}). Nothing was changed; run that release or a newer one on this data.`,
    );
  }
}

const provider = (d: SchemaDialect): MigrationProvider => ({
  async getMigrations() {
    const loaded = await Promise.all(
      Object.entries(MIGRATIONS).map(async ([name, load]): Promise<[string, Migration]> => {
        const m = await load();
        return [name, { up: (db) => m.up(db, d) }];
      }),
    );
    return Object.fromEntries(loaded);
  },
});

/**
 * What the database says it has run, before Kysely is loaded: a database that is up to date
 * (every restart) opens with one query, without the cost of loading Kysely (some 300 modules)
 * or its Migrator's introspection; one from a newer release is refused here, untouched.
 * Answers true when there is something to run.
 */
function needsMigrating(ran: string[] | null): boolean {
  if (ran === null) return true;
  const unknown = ran.find((name) => !MIGRATION_NAMES.includes(name));
  if (unknown) throw new SchemaFromNewerRelease(unknown);
  return ran.length < MIGRATION_NAMES.length;
}

async function migrate(db: Kysely<unknown>, d: SchemaDialect, migrationTableSchema?: string): Promise<string[]> {
  const { Migrator } = await import('kysely');
  const migrator = new Migrator({ db, provider: provider(d), migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const unknown = /previously executed migration (.+) is missing/.exec(String((error as Error).message))?.[1];
    if (unknown) throw new SchemaFromNewerRelease(unknown);
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(before any ran)'} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/**
 * Brings a SQLite file up to date on the storage's own connection (the one process that owns
 * the file). The Kysely instance is not destroyed: that would close the connection.
 * Answers the names of the migrations it ran.
 */
export async function migrateSqlite(database: Database.Database): Promise<string[]> {
  const table = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  const ran = table ? database.prepare<[], string>('SELECT name FROM kysely_migration').pluck().all() : null;
  if (!needsMigrating(ran)) return [];
  const [{ Kysely, SqliteDialect }, { sqliteDialect }] = await Promise.all([import('kysely'), import('./dialect')]);
  return migrate(new Kysely<unknown>({ dialect: new SqliteDialect({ database }) }), sqliteDialect);
}

/**
 * Brings a PostgreSQL schema up to date through the storage's pool (whose search_path is that
 * schema). Kysely's Migrator holds an advisory lock while it runs, so processes starting
 * together migrate one after the other; the second finds nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool, schema: string): Promise<string[]> {
  const { rows } = await pool.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [`${schema}.kysely_migration`]);
  const ran = rows[0]?.exists ? (await pool.query<{ name: string }>(`SELECT name FROM ${schema}.kysely_migration`)).rows.map((r) => r.name) : null;
  if (!needsMigrating(ran)) return [];
  const [{ Kysely }, { OneSchemaPostgresDialect }, { postgresDialect }] = await Promise.all([
    import('kysely'),
    import('./one-schema-dialect'),
    import('./dialect'),
  ]);
  return migrate(new Kysely<unknown>({ dialect: new OneSchemaPostgresDialect({ pool }, schema) }), postgresDialect, schema);
}
