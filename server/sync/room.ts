// One record in memory while anyone has it open: its Y.Doc, the sockets on it, and the
// queue that orders their messages. Every accepted update is stored before it is sent on.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType, RECORD_STATUS_MESSAGE, RefusalReason, type RecordStatus } from '../../shared/protocol';
import { can, type RecordState } from '../../shared/roles';
import type { RecordRow, Storage } from '../storage/storage';
import { log, errorMessage } from '../log';
import { SerialQueue } from './serial-queue';
import { awarenessMessage, awarenessUpdateMessage, recordStatusMessage, syncStep1, syncStep2, updateMessage } from './wire';
import { wouldChange } from './update-effect';
import { touchesRoot } from './protected-roots';
import { Root } from '../../shared/record/schema';
import { checkAwarenessUpdate, encodeAwarenessEntries, type AwarenessLimits } from './awareness-check';
import type { Connection } from './connection';
import { TokenBucket, type FloodLimits } from './flood-guard';

export interface RoomOptions {
  storage: Storage;
  floodLimits: FloodLimits;
  awarenessLimits: AwarenessLimits;
  /** Stored updates after which the record is compacted while open. */
  compactAfterUpdates: number;
  /** Writes a refusal to the meeting's audit log (once per connection and reason). */
  auditRefusal: (record: RecordRow, connection: Connection, reason: RefusalReason) => void;
}

/** An update that decoded but that Yjs could not integrate. */
class UnappliableUpdate extends Error {}

const READ_ONLY_REASON: Record<RecordState, RefusalReason> = {
  draft: RefusalReason.readOnlyObserver,
  locked: RefusalReason.readOnlyLocked,
  signed: RefusalReason.readOnlySigned,
};

/**
 * Every client syncs through this server, which stores before it relays, so an honest
 * update never depends on something the record lacks. Parts that do are not kept: held
 * back, Yjs would carry them into snapshots and integrate them later on some other load.
 * The sender is told; its own copy is untouched and is offered again when it resyncs.
 */
function dropPending(doc: Y.Doc): boolean {
  if (doc.store.pendingStructs === null && doc.store.pendingDs === null) return false;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  return true;
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** The meeting's share of the server: every connection on it draws from this. */
  readonly floodBudget: TokenBucket;
  private readonly queue = new SerialQueue();
  private readonly awarenessOwners = new Map<number, Connection>();
  private produced: Uint8Array[] = [];
  private lastSeq = 0;
  private storedSinceCompaction = 0;
  private closed = false;
  /** Called once the room has let go of its record (unloaded or reset). */
  onClosed: (room: Room, done: Promise<void>) => void = () => {};

  private status: RecordStatus;

  private constructor(
    public record: RecordRow,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.floodBudget = new TokenBucket(options.floodLimits.recordMessagesPerSecond, options.floodLimits.recordBurst, Date.now());
    this.status = {
      documentId: record.documentId,
      version: record.version,
      state: record.state,
      recordHash: record.recordHash,
      signatures: [],
    };
  }

  static async load(record: RecordRow, options: RoomOptions): Promise<Room> {
    const room = new Room(record, options);
    const stored = await options.storage.loadRecord(record.documentId);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) Y.applyUpdate(room.doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
    dropPending(room.doc);
    room.lastSeq = stored.lastSeq;
    room.storedSinceCompaction = stored.updates.length;
    room.doc.on('update', (update: Uint8Array) => room.produced.push(update));
    if (room.storedSinceCompaction >= options.compactAfterUpdates) await room.queue.run(() => room.compact());
    return room;
  }

  get documentId(): string {
    return this.record.documentId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Adds a connection; answers false if the room closed meanwhile and must be reopened. */
  join(connection: Connection): boolean {
    if (this.closed) return false;
    this.connections.add(connection);
    void this.queue.run(() => {
      connection.send(syncStep1(this.doc));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) connection.send(awarenessMessage(this.awareness, states));
    });
    return true;
  }

  receive(connection: Connection, message: Uint8Array): void {
    void this.queue.run(async () => {
      if (!this.connections.has(connection)) return;
      try {
        await this.handle(connection, message);
      } catch (err) {
        const unappliable = err instanceof UnappliableUpdate;
        log.warn('sync.message-refused', {
          documentId: this.documentId,
          participant: connection.identity.participantId,
          error: errorMessage(err),
        });
        connection.close(unappliable ? CloseCode.unappliableUpdate : CloseCode.malformedMessage, 'message refused');
      }
    });
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const id of connection.clientIds) this.awarenessOwners.delete(id);
    const present = [...connection.clientIds].filter((id) => this.awareness.states.has(id));
    if (present.length > 0 && !this.closed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, present, connection);
      this.broadcast(awarenessMessage(this.awareness, present), null);
    }
    if (this.connections.size === 0) void this.queue.run(() => this.unloadIfUnused());
  }

  /** Runs `task` in the record's queue: no message is handled while it runs. */
  exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /**
   * A change the server makes itself (an agreement mark, say): applied, stored, then sent
   * to every connection. Call it from inside `exclusive`.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    this.produced = [];
    this.doc.transact(() => change(this.doc), 'server');
    if (this.produced.length === 0) return;
    const updates = this.produced;
    this.produced = [];
    try {
      this.lastSeq = await this.options.storage.appendUpdates(this.documentId, updates);
    } catch (err) {
      this.reset('storage refused a server change');
      throw err;
    }
    this.storedSinceCompaction += updates.length;
    this.broadcast(updateMessage(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)), null);
  }

  /**
   * The record's lifecycle moved (locked, signed, unlocked): from now on every message is
   * judged against `record`, and every client is told. Call it from inside `exclusive`.
   */
  setRecord(record: RecordRow, signatures: RecordStatus['signatures']): void {
    this.record = record;
    this.status = {
      documentId: record.documentId,
      version: record.version,
      state: record.state,
      recordHash: record.recordHash,
      signatures,
    };
    const message = recordStatusMessage(this.status);
    for (const connection of this.connections) if (connection.wantsStatus) connection.send(message);
  }

  /** Lets go of the record if nobody has it open; for work done on a record without clients. */
  releaseIfUnused(): Promise<void> {
    return this.queue.run(() => this.unloadIfUnused());
  }

  /** Closes every socket with `code` and lets go of the record, e.g. on shutdown. */
  async shutdown(code: CloseCode, reason: string): Promise<void> {
    for (const connection of this.connections) connection.close(code, reason);
    await this.queue.run(() => this.release(true));
  }

  private async handle(connection: Connection, message: Uint8Array): Promise<void> {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          connection.send(syncStep2(this.doc, decoding.readVarUint8Array(decoder)));
        } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          await this.applyFrom(connection, decoding.readVarUint8Array(decoder));
        } else {
          throw new Error(`unknown sync step ${step}`);
        }
        return;
      }
      case MessageType.awareness:
        this.applyAwareness(connection, decoding.readVarUint8Array(decoder), message);
        return;
      case MessageType.queryAwareness:
        connection.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case RECORD_STATUS_MESSAGE:
        // Accord's own client asks once for the record's status, and is kept told.
        connection.wantsStatus = true;
        connection.send(recordStatusMessage(this.status));
        return;
      case MessageType.auth:
        return; // Clients have nothing to say on the auth channel; the server decided at the upgrade.
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private async applyFrom(connection: Connection, update: Uint8Array): Promise<void> {
    if (!can(connection.identity.actor, 'write', this.record)) {
      if (wouldChange(this.doc, update)) this.refuse(connection, READ_ONLY_REASON[this.record.state]);
      return;
    }
    if (touchesRoot(this.doc, update, Root.agreement)) {
      this.refuse(connection, RefusalReason.agreementServerOnly);
      return;
    }
    this.produced = [];
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (err) {
      // Yjs may have integrated part of the update before failing: memory no longer
      // matches storage, so the record is reloaded from what was stored.
      if (this.produced.length > 0) this.reset('an update could not be applied');
      throw new UnappliableUpdate(errorMessage(err));
    }
    if (dropPending(this.doc)) this.refuse(connection, RefusalReason.missingDependencies);
    if (this.produced.length === 0) return;
    const updates = this.produced;
    this.produced = [];
    try {
      this.lastSeq = await this.options.storage.appendUpdates(this.documentId, updates);
    } catch (err) {
      log.error('storage.append-failed', { documentId: this.documentId, error: errorMessage(err) });
      this.refuse(connection, RefusalReason.storageUnavailable);
      this.reset('storage refused a write');
      return;
    }
    this.storedSinceCompaction += updates.length;
    this.broadcast(updateMessage(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)), connection);
    if (this.storedSinceCompaction >= this.options.compactAfterUpdates) await this.compact();
  }

  private applyAwareness(connection: Connection, update: Uint8Array, message: Uint8Array): void {
    const verdict = checkAwarenessUpdate(
      update,
      {
        own: connection.clientIds,
        ownedByOther: (id) => {
          const owner = this.awarenessOwners.get(id);
          return owner !== undefined && owner !== connection;
        },
        knownClock: (id) => this.awareness.meta.get(id)?.clock,
      },
      this.options.awarenessLimits,
    );
    if ('refused' in verdict) {
      this.refuse(connection, verdict.refused);
      return;
    }
    if (verdict.accepted.length === 0) return;
    for (const { clientId } of verdict.accepted) {
      connection.clientIds.add(clientId);
      this.awarenessOwners.set(clientId, connection);
    }
    // Relay the bytes as they came unless echoes had to be taken out.
    const accepted = verdict.echoes === 0 ? update : encodeAwarenessEntries(verdict.accepted);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, connection);
    this.broadcast(verdict.echoes === 0 ? message : awarenessUpdateMessage(accepted), connection);
  }

  private refuse(connection: Connection, reason: RefusalReason): void {
    if (connection.refuse(reason)) this.options.auditRefusal(this.record, connection, reason);
  }

  /** Sends the same bytes to every connection but `except`. */
  private broadcast(message: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) if (connection !== except) connection.send(message);
  }

  private async compact(): Promise<void> {
    if (this.storedSinceCompaction === 0) return;
    try {
      await this.options.storage.compactRecord(this.documentId, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
      this.storedSinceCompaction = 0;
    } catch (err) {
      // Nothing is lost: the updates stay stored and compaction is tried again later.
      log.warn('storage.compact-failed', { documentId: this.documentId, error: errorMessage(err) });
    }
  }

  private async unloadIfUnused(): Promise<void> {
    if (this.connections.size === 0) await this.release(true);
  }

  /** Drops the in-memory record without writing; clients reconnect and load what was stored. */
  private reset(why: string): void {
    log.warn('sync.record-reloaded', { documentId: this.documentId, why });
    for (const connection of this.connections) connection.close(CloseCode.recordReloaded, 'record reloaded, reconnect');
    void this.release(false);
  }

  private async release(compact: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const done = (async () => {
      if (compact) await this.compact();
      this.awareness.destroy();
      this.doc.destroy();
    })();
    this.onClosed(this, done);
    await done;
  }
}

