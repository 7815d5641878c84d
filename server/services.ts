// What routes, commands and the sync endpoint share: built once in server.ts.
import type { Config } from './config';
import type { Storage } from './storage/storage';
import type { RoomRegistry } from './sync/rooms';
import type { SessionSockets } from './sync/session-sockets';
import type { AuditWitness } from './storage/audit-witness';

export interface Services {
  config: Config;
  storage: Storage;
  rooms: RoomRegistry;
  /** The sockets each browser session opened, closed when it ends. */
  sessionSockets: SessionSockets;
  adminToken: string;
  /** Seals the audit log (server/auth/audit-key.ts). */
  auditKey: Uint8Array;
  /** Remembers each audit log's head apart from the database. */
  auditWitness: AuditWitness;
  now: () => Date;
}
