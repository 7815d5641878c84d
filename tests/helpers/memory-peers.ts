// Several Accord "processes" in one test process, for interleavings that must be replayed
// exactly: each is a RoomRegistry over the same real storage, joined by an in-memory
// fan-out, and clients are Y.Docs on in-memory sockets that speak the sync protocol as the
// stock provider does. Every delay (a storage answer, a fan-out delivery) can be handed
// to a scheduler that decides the order.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import type { WebSocket } from 'ws';
import { readConfig } from '../../server/config';
import type { Fanout, FanoutMessage } from '../../server/scale/fanout';
import type { Services } from '../../server/services';
import type { Storage } from '../../server/storage/storage';
import { Connection } from '../../server/sync/connection';
import { DEFAULT_AWARENESS_LIMITS } from '../../server/sync/awareness-check';
import { DEFAULT_FLOOD_LIMITS } from '../../server/sync/flood-guard';
import { RoomRegistry } from '../../server/sync/rooms';
import type { Room } from '../../server/sync/room';
import { signatureSummaries } from '../../server/commands/record-facts';
import { SessionSockets } from '../../server/sync/session-sockets';
import { AuditWitness } from '../../server/storage/audit-witness';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageType } from '../../shared/protocol';
import type { Actor } from '../../shared/roles';

/** Puts off a step until whoever drives the test lets it happen (or at once). */
export type Delay = <T>(task: Promise<T>, label: string) => Promise<T>;
const noDelay: Delay = (task) => task;

/** The fan-out between the processes of one test: what one publishes, the others get, each after `delay`. */
export class MemoryFanoutHub {
  private readonly members = new Map<number, Map<string, (message: FanoutMessage) => void>>();
  private next = 0;

  constructor(private readonly delay: Delay = noDelay) {}

  member(): Fanout {
    const id = this.next++;
    const joined = new Map<string, (message: FanoutMessage) => void>();
    this.members.set(id, joined);
    return {
      shared: true,
      healthy: true,
      onHealth: () => undefined,
      join: async (documentId, deliver) => {
        joined.set(documentId, deliver);
        await this.delay(Promise.resolve(), `subscribed ${documentId}`);
      },
      leave: async (documentId) => void joined.delete(documentId),
      publish: (documentId, message) => {
        for (const [other, records] of this.members) {
          if (other === id || !records.has(documentId)) continue;
          void this.delay(Promise.resolve(), `${message.kind} to process ${other}`).then(() => records.get(documentId)?.(message));
        }
      },
      onBroadcast: () => undefined,
      publishBroadcast: () => undefined,
      close: async () => undefined,
    };
  }
}

/** Storage whose every answer comes after `delay` (the work itself is done when asked, as a database would). */
export function delayedStorage(storage: Storage, delay: Delay): Storage {
  return new Proxy(storage, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'exclusively') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        // A refusal is the caller's to handle once the delay lets it through, not an unhandled one now.
        result.catch(() => undefined);
        return delay(result, String(key));
      };
    },
  });
}

/** One Accord process: its rooms, over shared storage and the hub's fan-out. */
export function memoryProcess(storage: Storage, fanout: Fanout, now: () => Date = () => new Date()): Services {
  const rooms = new RoomRegistry({
    storage,
    fanout,
    floodLimits: DEFAULT_FLOOD_LIMITS,
    awarenessLimits: DEFAULT_AWARENESS_LIMITS,
    compactAfterUpdates: 4,
    idleDocumentMs: 0,
    catchUpCheckMs: 0,
    statusOf: async (documentId) => {
      const record = (await storage.getRecord(documentId))!;
      return { record, signatures: signatureSummaries(await storage.listSignatures(documentId)), supersededBy: null };
    },
    auditRefusal: () => undefined,
  });
  return {
    config: readConfig({}),
    storage,
    rooms,
    fanout,
    sessionSockets: new SessionSockets(fanout),
    adminTokenHash: '',
    auditKey: new TextEncoder().encode('memory-process-audit-key-0123456789'),
    auditWitness: AuditWitness.open(mkdtempSync(join(tmpdir(), 'accord-witness-'))),
    now,
  };
}

const syncMessage = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  write(e);
  return encoding.toUint8Array(e);
};

/**
 * A participant's client: a Y.Doc on an in-memory socket. It answers the server's step 1,
 * applies what the server sends, sends its own edits while connected, and keeps them (to
 * send on its next join) while not, as the stock provider does.
 */
export class MemoryClient {
  readonly doc = new Y.Doc();
  readonly refusals: string[] = [];
  readonly closeCodes: number[] = [];
  private connection: Connection | null = null;
  private room: Room | null = null;

  constructor(
    readonly name: string,
    private readonly identity: { invitationId: string; participantId: string; name: string; actor: Actor; sessionHash: null },
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') this.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    });
  }

  get connected(): boolean {
    return this.connection !== null;
  }

  /** Joins the record's room in `services` (reopened if it closed meanwhile), then syncs. */
  async join(services: Services, documentId: string): Promise<void> {
    if (this.connection) return;
    const record = (await services.storage.getRecord(documentId))!;
    const socket = this.socket();
    const connection = new Connection(socket, this.identity);
    for (;;) {
      const room = await services.rooms.open(record);
      if (room.join(connection)) {
        this.connection = connection;
        this.room = room;
        break;
      }
    }
    this.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)));
  }

  leave(): void {
    const { connection, room } = this;
    this.connection = null;
    this.room = null;
    if (connection && room) room.leave(connection);
  }

  private send(message: Uint8Array): void {
    if (this.connection && this.room) this.room.receive(this.connection, message);
  }

  private socket(): WebSocket {
    let readyState = 1;
    return {
      get readyState() {
        return readyState;
      },
      OPEN: 1,
      CLOSING: 2,
      CLOSED: 3,
      send: (message: Uint8Array) => this.fromServer(message),
      close: (code: number) => {
        readyState = 3;
        this.closeCodes.push(code);
        this.leave();
      },
    } as unknown as WebSocket;
  }

  private fromServer(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.auth) {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.refusals.push(reason));
      return;
    }
    if (type !== MessageType.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MessageType.sync);
    const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server');
    if (step === syncProtocol.messageYjsSyncStep1) this.send(encoding.toUint8Array(reply));
  }
}
