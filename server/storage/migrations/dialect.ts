// The few places where SQLite and PostgreSQL spell the same schema differently, so that each
// migration is written once (Kysely's schema builder) and run on both.
import { sql, type ColumnDataType, type CreateTableBuilder, type Kysely } from 'kysely';

export type Backend = 'sqlite' | 'postgres';

export interface SchemaDialect {
  backend: Backend;
  /** Bytes: BLOB on SQLite, BYTEA on PostgreSQL. */
  blob: ColumnDataType;
  /** A 64-bit integer (sequence numbers, Yjs client ids): SQLite's INTEGER already is one. */
  bigint: ColumnDataType;
  /** A table's own increasing key: INTEGER PRIMARY KEY AUTOINCREMENT, or BIGSERIAL PRIMARY KEY. */
  serialKey<T extends string>(table: CreateTableBuilder<T, string>, column: string): CreateTableBuilder<T, string>;
  /**
   * The insertion order of rows listed in that order. SQLite has it already (rowid); PostgreSQL
   * gets a BIGSERIAL `position` column, which the queries order by.
   */
  position<T extends string>(table: CreateTableBuilder<T, string>): CreateTableBuilder<T, string>;
  /** Makes a table append-only: any UPDATE or DELETE aborts with `message`. */
  appendOnly(db: Kysely<unknown>, table: string, message: string): Promise<void>;
  /** A clause at the end of CREATE TABLE that only one backend has (SQLite's WITHOUT ROWID). */
  withoutRowid<T extends string>(table: CreateTableBuilder<T, string>): CreateTableBuilder<T, string>;
}

const quoted = (message: string) => `'${message.replaceAll("'", "''")}'`;

export const sqliteDialect: SchemaDialect = {
  backend: 'sqlite',
  blob: 'blob',
  bigint: 'integer',
  serialKey: (table, column) => table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement()),
  position: (table) => table,
  async appendOnly(db, table, message) {
    for (const event of ['update', 'delete'])
      await sql
        .raw(`CREATE TRIGGER IF NOT EXISTS ${table}_no_${event} BEFORE ${event.toUpperCase()} ON ${table} BEGIN SELECT RAISE(ABORT, ${quoted(message)}); END`)
        .execute(db);
  },
  withoutRowid: (table) => table.modifyEnd(sql`WITHOUT ROWID`),
};

export const postgresDialect: SchemaDialect = {
  backend: 'postgres',
  blob: 'bytea',
  bigint: 'bigint',
  serialKey: (table, column) => table.addColumn(column, 'bigserial', (c) => c.primaryKey()),
  position: (table) => table.addColumn('position', 'bigserial'),
  async appendOnly(db, table, message) {
    // One statement per query: Kysely sends parameters, and so the extended protocol.
    await sql
      .raw(`CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION ${quoted(message)}; END; $$ LANGUAGE plpgsql`)
      .execute(db);
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
  },
  withoutRowid: (table) => table,
};
