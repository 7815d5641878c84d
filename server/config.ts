// Settings come from the environment; docs/operations.md lists them.
import { resolve } from 'node:path';
import { DEFAULT_FLOOD_LIMITS, type FloodLimits } from './sync/flood-guard';
import { DEFAULT_MAX_UNSENT_BYTES } from './sync/connection';
import { ROSTER_FILE_LIMITS } from './console/roster-limits';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** ACCORD_ADMIN_TOKEN: overrides the token kept in DATA_DIR. */
  adminToken: string | undefined;
  /** ACCORD_AUDIT_KEY: overrides the audit key kept in DATA_DIR; every process on one database must share it. */
  auditKey: string | undefined;
  /** The address people use to reach Accord, for invitation links; else taken from the request. */
  publicUrl: string | undefined;
  maxMessageBytes: number;
  /** What may wait to be sent to one socket before it is closed (4504). */
  maxUnsentBytes: number;
  /** How long reading one roster file may take before it is refused. */
  rosterReadMs: number;
  compactAfterUpdates: number;
  /** While people edit, a version of the record is kept at least this often (0: never automatically). */
  versionEveryMs: number;
  /** A record nobody has changed this long keeps only its encoded state in memory. */
  idleDocumentMs: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Behind a TLS-terminating proxy: trust X-Forwarded-Proto for Secure cookies. */
  trustProxy: boolean;
  /** Where the built client is; served at / when present. */
  clientDir: string;
  /** Create the CMM 04 demo meeting when DATA_DIR holds no meeting. */
  seedDemo: boolean;
  floodLimits: FloodLimits;
  /** DATABASE_URL: PostgreSQL for the scale-out mode; unset, the embedded SQLite. */
  databaseUrl: string | undefined;
  /** ACCORD_DATABASE_SCHEMA: the PostgreSQL schema Accord's tables live in. */
  databaseSchema: string;
  /** REDIS_URL: how several processes tell each other what they accepted. */
  redisUrl: string | undefined;
  redisPrefix: string;
  /** ACCORD_SINGLE_PROCESS: PostgreSQL without Redis is allowed only for one process alone. */
  singleProcess: boolean;
  /** How often open records are compared with storage when several processes share it. */
  catchUpCheckMs: number;
}

/** A setting that makes no sense without another: said in one sentence, before anything starts. */
export class ConfigError extends Error {}

/**
 * The backends must make sense together: Redis alone would run on SQLite while looking
 * scaled out, and PostgreSQL without Redis starts processes that never see each other's
 * edits live, unless one process alone is meant.
 */
export function checkBackends(config: Pick<Config, 'databaseUrl' | 'redisUrl' | 'singleProcess'>): void {
  if (config.redisUrl && !config.databaseUrl)
    throw new ConfigError(
      'REDIS_URL is set but DATABASE_URL is not: several processes need a shared PostgreSQL (set DATABASE_URL), or unset REDIS_URL to run one process on the embedded SQLite.',
    );
  if (config.databaseUrl && !config.redisUrl && !config.singleProcess)
    throw new ConfigError(
      'DATABASE_URL is set but REDIS_URL is not: processes sharing PostgreSQL need Redis to see each other’s edits (set REDIS_URL), or set ACCORD_SINGLE_PROCESS=1 to run one process alone on PostgreSQL.',
    );
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sync = (env.ACCORD_SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (sync !== 'NORMAL' && sync !== 'FULL') throw new Error('ACCORD_SQLITE_SYNCHRONOUS must be NORMAL or FULL');
  return {
    port: int(env.PORT, 8787, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    adminToken: env.ACCORD_ADMIN_TOKEN || undefined,
    auditKey: env.ACCORD_AUDIT_KEY || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, '') || undefined,
    maxMessageBytes: int(env.ACCORD_MAX_MESSAGE_BYTES, 1024 * 1024, 'ACCORD_MAX_MESSAGE_BYTES'),
    maxUnsentBytes: int(env.ACCORD_MAX_UNSENT_BYTES, DEFAULT_MAX_UNSENT_BYTES, 'ACCORD_MAX_UNSENT_BYTES'),
    rosterReadMs: int(env.ACCORD_ROSTER_READ_MS, ROSTER_FILE_LIMITS.milliseconds, 'ACCORD_ROSTER_READ_MS'),
    compactAfterUpdates: int(env.ACCORD_COMPACT_AFTER_UPDATES, 500, 'ACCORD_COMPACT_AFTER_UPDATES'),
    versionEveryMs: 1000 * int(env.ACCORD_VERSION_EVERY_SECONDS, 300, 'ACCORD_VERSION_EVERY_SECONDS'),
    idleDocumentMs: 1000 * int(env.ACCORD_IDLE_DOCUMENT_SECONDS, 10, 'ACCORD_IDLE_DOCUMENT_SECONDS'),
    sqliteSynchronous: sync,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    clientDir: resolve(env.ACCORD_CLIENT_DIR ?? './dist/client'),
    seedDemo: env.ACCORD_DEMO !== '0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.ACCORD_DATABASE_SCHEMA || 'accord',
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.ACCORD_REDIS_PREFIX || 'accord',
    singleProcess: env.ACCORD_SINGLE_PROCESS === '1' || env.ACCORD_SINGLE_PROCESS === 'true',
    catchUpCheckMs: int(env.ACCORD_CATCH_UP_CHECK_MS, 1000, 'ACCORD_CATCH_UP_CHECK_MS'),
    floodLimits: {
      ...DEFAULT_FLOOD_LIMITS,
      connectionMessagesPerSecond: int(
        env.ACCORD_CONNECTION_MESSAGES_PER_SECOND,
        DEFAULT_FLOOD_LIMITS.connectionMessagesPerSecond,
        'ACCORD_CONNECTION_MESSAGES_PER_SECOND',
      ),
      connectionBurst: int(env.ACCORD_CONNECTION_BURST, DEFAULT_FLOOD_LIMITS.connectionBurst, 'ACCORD_CONNECTION_BURST'),
      recordMessagesPerSecond: int(env.ACCORD_RECORD_MESSAGES_PER_SECOND, DEFAULT_FLOOD_LIMITS.recordMessagesPerSecond, 'ACCORD_RECORD_MESSAGES_PER_SECOND'),
      recordBurst: int(env.ACCORD_RECORD_BURST, DEFAULT_FLOOD_LIMITS.recordBurst, 'ACCORD_RECORD_BURST'),
    },
  };
}
