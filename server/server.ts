// Starts Accord: storage, the HTTP app and the sync endpoint on one port.
import { AutoVersions } from './history/versions';
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadAdminToken, type AdminToken } from './auth/admin-token';
import { loadAuditKey } from './auth/audit-key';
import { AuditWitness } from './storage/audit-witness';
import { checkBackends, type Config } from './config';
import { openSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/storage';
import { DEFAULT_AWARENESS_LIMITS } from './sync/awareness-check';
import { RoomRegistry } from './sync/rooms';
import { SessionSockets } from './sync/session-sockets';
import { attachSyncEndpoint } from './sync/upgrade';
import type { Services } from './services';
import { localFanout, type Fanout } from './scale/fanout';
import { redisFanout } from './scale/redis-fanout';
import { openPostgresStorage } from './storage/postgres';
import { signatureSummaries } from './commands/record-facts';
import { watchActionPointStatuses } from './commands/console/status-watch';
import { mkdirSync } from 'node:fs';
import type { AuditReason } from '../shared/audit-actions';
import { audit } from './audit';
import { log, errorMessage } from './log';

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  admin: AdminToken;
  /** Stops accepting, closes every socket with "service restart", flushes and closes storage. */
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  checkBackends(config);
  mkdirSync(config.dataDir, { recursive: true });
  const { storage, fanout } = await openBackends(config);
  const admin = await storage.exclusively('admin-token', () => loadAdminToken(storage, config.dataDir, config.adminToken, fanout.shared));
  const auditKey = loadAuditKey(config.dataDir, config.auditKey);
  // Processes sharing PostgreSQL must seal with one key; a key file is this process's own.
  if (config.databaseUrl && auditKey.file)
    log.warn('audit.key-per-process', { file: auditKey.file, hint: 'set ACCORD_AUDIT_KEY on every process that shares the database' });
  const rooms = new RoomRegistry({
    storage,
    fanout,
    statusOf: async (documentId) => {
      const record = await storage.getRecord(documentId);
      if (!record) throw new Error(`no record ${documentId}`);
      const signatures = record.state === 'draft' ? [] : signatureSummaries(await storage.listSignatures(documentId));
      const meeting = await storage.getMeeting(record.meetingId);
      const supersededBy = meeting && meeting.currentDocumentId !== documentId ? meeting.currentDocumentId : null;
      return { record, signatures, supersededBy };
    },
    awarenessLimits: DEFAULT_AWARENESS_LIMITS,
    floodLimits: config.floodLimits,
    compactAfterUpdates: config.compactAfterUpdates,
    idleDocumentMs: config.idleDocumentMs,
    catchUpCheckMs: config.catchUpCheckMs,
    onDocument: (room, doc) => watchActionPointStatuses(services, room.record.meetingId, doc),
    onStoredEdit: (documentId) => autoVersions.edited(documentId),
    now: () => services.now(),
    auditRefusal: (record, connection, reason) =>
      void audit(services, record.meetingId, connection.identity.participantId, 'record.write-refused', {
        documentId: record.documentId,
        reason: reason satisfies AuditReason,
      }).catch((err) => log.warn('audit.failed', { error: errorMessage(err) })),
  });
  const autoVersions = new AutoVersions({ storage, now: () => services.now() }, config.versionEveryMs);
  const auditWitness = AuditWitness.open(config.dataDir);
  const sessionSockets = new SessionSockets(fanout);
  const services: Services = {
    config,
    storage,
    rooms,
    fanout,
    sessionSockets,
    adminTokenHash: admin.tokenHash,
    auditKey: auditKey.key,
    auditWitness,
    now: () => new Date(),
  };
  const app = createApp(services);

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const wss = attachSyncEndpoint(server, {
    storage,
    rooms,
    sessionSockets,
    floodLimits: config.floodLimits,
    adminTokenHash: admin.tokenHash,
    maxMessageBytes: config.maxMessageBytes,
    maxUnsentBytes: config.maxUnsentBytes,
    now: services.now,
    publicUrl: config.publicUrl,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    admin,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await rooms.shutdown();
        wss.close();
        server.closeAllConnections();
        await stopped;
        await fanout.close();
        await storage.close();
        auditWitness.close();
      })();
      return closing;
    },
  };
}

/**
 * The embedded default is SQLite in DATA_DIR, alone in its process. With DATABASE_URL and
 * REDIS_URL, several processes share PostgreSQL and fan out through Redis (checkBackends
 * has made sure the two come together, or that one process alone is meant).
 */
async function openBackends(config: Config): Promise<{ storage: Storage; fanout: Fanout }> {
  if (!config.databaseUrl) return { storage: await openSqliteStorage(config.dataDir, { synchronous: config.sqliteSynchronous }), fanout: localFanout() };
  const storage = await openPostgresStorage(config.databaseUrl, config.databaseSchema);
  const fanout = config.redisUrl ? await redisFanout(config.redisUrl, config.redisPrefix) : localFanout();
  return { storage, fanout };
}
