// PostgreSQL as Kysely's Migrator sees it, narrowed to the one schema a storage owns. The
// Migrator asks whether its tables exist by listing every table of every schema in the
// database, each column's serial sequence looked up by name (pg_get_serial_sequence); when
// another deployment on the same database (or another test) migrates or drops its own schema
// meanwhile, a name changes under that lookup and the listing fails ("column … does not
// exist") before any migration of ours has run. Only the schema's own tables are listed here.
import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Kysely,
  type PostgresDialectConfig,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

class OneSchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<SchemaMetadata>`SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${this.schema}`.execute(this.db);
    return rows;
  }

  /** The schema's tables by name (the Migrator reads nothing else of them). */
  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = ${this.schema}`.execute(this.db);
    return rows.map(({ name }) => ({ name, schema: this.schema, isView: false, columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

export class OneSchemaPostgresDialect extends PostgresDialect {
  constructor(
    config: PostgresDialectConfig,
    private readonly schema: string,
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OneSchemaIntrospector(db, this.schema);
  }
}
