// One record in memory while anyone has it open: its document (built only when needed,
// record-document.ts), the sockets on it, and the queue that orders their messages. Every
// accepted update is stored before it is sent on, to this process's sockets and, through
// the fan-out, to other processes'. The queue does not wait for storage: an update is
// applied, its append asked for, and the next message handled, while the relays follow
// one another in the order their updates were applied, each once it is stored.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType, RECORD_STATUS_MESSAGE, RefusalReason, type RecordStatus } from '../../shared/protocol';
import type { RecordRow, Storage } from '../storage/storage';
import type { Fanout, FanoutMessage } from '../scale/fanout';
import { log, errorMessage } from '../log';
import { SerialQueue } from './serial-queue';
import { recordStatusMessage, updateMessage } from './wire';
import { binaryFrame } from './frame';
import { dropPending, judgeWrite } from './write-policy';
import { RoomAwareness } from './room-awareness';
import { StoredRecord } from './stored-record';
import { RecordDocument, applyStored } from './record-document';
import type { AwarenessLimits } from './awareness-check';
import type { Connection } from './connection';
import { TokenBucket, type FloodLimits } from './flood-guard';

export interface RoomOptions {
  storage: Storage;
  fanout: Fanout;
  floodLimits: FloodLimits;
  awarenessLimits: AwarenessLimits;
  /** Stored updates after which the record is compacted while open. */
  compactAfterUpdates: number;
  /** A record unchanged this long keeps only its encoded state (0: keeps its Y.Doc). */
  idleDocumentMs: number;
  /** The record's row and signatures as stored now, for the status clients are told. */
  statusOf: (documentId: string) => Promise<RecordStatusFacts>;
  /** Called with every document built for a record, to watch it (the action points' status history). */
  onDocument?: (room: Room, doc: Y.Doc) => void;
  /** Writes a refusal to the meeting's audit log (once per connection and reason). */
  auditRefusal: (record: RecordRow, connection: Connection, reason: RefusalReason) => void;
}

export interface RecordStatusFacts {
  record: RecordRow;
  signatures: RecordStatus['signatures'];
  supersededBy: string | null;
}

/** An update that decoded but that Yjs could not integrate. */
class UnappliableUpdate extends Error {}

/** How long a gap in what other processes relayed may stay open before storage is read. */
const CATCH_UP_AFTER_MS = 1000;
/** How long a joiner of a record just opened waits at most for the server's step 1. */
const STEP1_AT_LATEST_MS = 50;

const statusOf = ({ record, signatures, supersededBy }: RecordStatusFacts): RecordStatus => ({
  documentId: record.documentId,
  version: record.version,
  state: record.state,
  recordHash: record.recordHash,
  signatures,
  supersededBy,
});

export class Room {
  private readonly document = new RecordDocument((doc) => this.watch(doc));
  readonly presence: RoomAwareness;
  readonly connections = new Set<Connection>();
  /** The meeting's share of the server: every connection on it draws from this. */
  readonly floodBudget: TokenBucket;
  private readonly queue = new SerialQueue();
  private produced: Uint8Array[] = [];
  /** Settles once every update applied so far has been stored and relayed (or refused by storage). */
  private relayed: Promise<void> = Promise.resolve();
  private relaysInFlight = 0;
  private compactionQueued = false;
  private readonly stored: StoredRecord;
  private catchUp: NodeJS.Timeout | null = null;
  private lastChange = 0;
  private idleCheck: NodeJS.Timeout | null = null;
  /**
   * Joined a record just opened from its bytes: sent the server's step 1 after their own
   * (true once that is arranged).
   */
  private readonly awaitingStep1 = new Map<Connection, boolean>();
  private closed = false;
  private status: RecordStatus;
  /** Called once the room has let go of its record (unloaded or reset). */
  onClosed: (room: Room, done: Promise<void>) => void = () => {};

  private constructor(
    public record: RecordRow,
    private readonly options: RoomOptions,
  ) {
    // Awareness lives beside the document, which may be dropped and built again.
    this.presence = new RoomAwareness(new Y.Doc(), options.awarenessLimits);
    this.stored = new StoredRecord(options.storage, record.documentId, options.compactAfterUpdates);
    this.floodBudget = new TokenBucket(options.floodLimits.recordMessagesPerSecond, options.floodLimits.recordBurst, Date.now());
    this.status = statusOf({ record, signatures: [], supersededBy: null });
  }

  static async load(documentId: string, options: RoomOptions): Promise<Room> {
    const facts = await options.statusOf(documentId);
    const room = new Room(facts.record, options);
    room.status = statusOf(facts);
    await options.fanout.join(documentId, (message) => room.fromElsewhere(message));
    room.document.open(await room.stored.read());
    if (room.stored.dueForCompaction) await room.queue.run(() => room.stored.compact(() => Y.encodeStateAsUpdate(room.doc)));
    return room;
  }

  /** The record's document, built from its encoded state if it is not in memory. */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  /** Whether the record's Y.Doc is in memory now (or only its encoded state). */
  get holdsDocument(): boolean {
    return this.document.isBuilt;
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
      // Reading a record just opened through for its state vector takes a while on a long
      // history: the joiner's own step 1 (the whole record) is answered first.
      if (this.document.step1IsReady) connection.send(this.document.step1());
      else this.deferStep1(connection);
      const everyone = this.presence.everything();
      if (everyone) connection.send(everyone);
    });
    return true;
  }

  receive(connection: Connection, message: Uint8Array): void {
    void this.queue.run(async () => {
      if (this.closed || !this.connections.has(connection)) return;
      try {
        await this.handle(connection, message);
        // Once the whole record just answered has left: reading the snapshot through does not hold up its tail.
        if (this.awaitingStep1.get(connection) === false) {
          this.awaitingStep1.set(connection, true);
          connection.afterSent(() => void this.queue.run(() => this.sendDeferredStep1(connection)));
        }
      } catch (err) {
        log.warn('sync.message-refused', {
          documentId: this.documentId,
          participant: connection.identity.participantId,
          error: errorMessage(err),
        });
        const code = err instanceof UnappliableUpdate ? CloseCode.unappliableUpdate : CloseCode.malformedMessage;
        connection.close(code, 'message refused');
      }
    });
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.awaitingStep1.delete(connection);
    const gone = this.closed ? null : this.presence.leave(connection);
    if (gone) {
      this.afterRelays(() => this.broadcast(gone.relay, null));
      this.options.fanout.publish(this.documentId, { kind: 'awareness', update: gone.update });
    }
    if (this.connections.size === 0) void this.queue.run(() => this.unloadIfUnused());
  }

  /**
   * Runs `task` in the record's queue, once everything applied before it is stored: no
   * message is handled while it runs, and the document holds exactly what is stored.
   */
  exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.relayed;
      return task();
    });
  }

  /**
   * A change the server makes itself (an agreement mark, say): applied, stored, then sent
   * to every connection. Call it from inside `exclusive`.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    this.produced = [];
    this.doc.transact(() => change(this.doc), 'server');
    await this.commit(null);
  }

  /**
   * The record's lifecycle moved (locked, signed, unlocked): from now on every message is
   * judged against `record`, and every client, in every process, is told. Call it from
   * inside `exclusive`.
   */
  setRecord(record: RecordRow, signatures: RecordStatus['signatures']): void {
    this.applyStatus({ record, signatures, supersededBy: this.status.supersededBy });
    this.options.fanout.publish(this.documentId, { kind: 'record-changed' });
  }

  /** Reads the record's status again (after an amendment, say) and tells every process. */
  async refreshStatus(): Promise<void> {
    this.applyStatus(await this.options.statusOf(this.documentId));
    this.options.fanout.publish(this.documentId, { kind: 'record-changed' });
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
          const stateVector = decoding.readVarUint8Array(decoder);
          // What the joiner is sent must be stored already: updates still being stored land first.
          if (this.relaysInFlight > 0) await this.relayed;
          connection.send(this.document.step2(stateVector));
        } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          await this.applyFrom(connection, decoding.readVarUint8Array(decoder));
        } else {
          throw new Error(`unknown sync step ${step}`);
        }
        return;
      }
      case MessageType.awareness: {
        const outcome = this.presence.fromClient(connection, decoding.readVarUint8Array(decoder), message);
        if ('refused' in outcome) return this.refuse(connection, outcome.refused);
        const relay = outcome.relay;
        // A caret that moved with an update still being stored follows it, not the other way round.
        if (relay) this.afterRelays(() => this.broadcast(relay, connection));
        if (outcome.update) this.options.fanout.publish(this.documentId, { kind: 'awareness', update: outcome.update });
        return;
      }
      case MessageType.queryAwareness: {
        const everyone = this.presence.everything();
        if (everyone) connection.send(everyone);
        return;
      }
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
    // A joiner's answer to the server's step 1 usually holds nothing new: no need to build.
    if (this.document.addsNothing(update)) return;
    const verdict = judgeWrite(this.doc, connection.identity.actor, this.record, update);
    if (verdict === 'ignore') return;
    if (verdict !== 'take') return this.refuse(connection, verdict);
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
    // Not awaited: the next message is handled while this one is stored. A refusal by
    // storage is handled in commit (the writer told, the record reloaded).
    this.commit(connection).catch(() => undefined);
  }

  /**
   * Asks storage to keep what the last change produced and relays it to everyone but
   * `writer` once it is stored, after every earlier relay. If storage refuses, the writer
   * is told, the record is reloaded from what was stored, and the promise rejects.
   */
  private commit(writer: Connection | null): Promise<void> {
    if (this.produced.length === 0) return this.relayed;
    const updates = this.produced;
    this.produced = [];
    this.relaysInFlight++;
    const relay = Promise.all([this.stored.append(updates), this.relayed]).then(
      ([{ fromSeq, toSeq }]) => {
        this.relaysInFlight--;
        const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
        // Stored: other processes are told even if this one let go of the record meanwhile.
        this.options.fanout.publish(this.documentId, { kind: 'update', fromSeq, toSeq, update });
        if (this.closed) return;
        this.broadcast(updateMessage(update), writer);
        if (this.stored.dueForCompaction) this.queueCompaction();
      },
      (err: unknown) => {
        this.relaysInFlight--;
        log.error('storage.append-failed', { documentId: this.documentId, error: errorMessage(err) });
        if (writer) this.refuse(writer, RefusalReason.storageUnavailable);
        this.reset('storage refused a write');
        throw err;
      },
    );
    this.relayed = relay.catch(() => undefined);
    return relay;
  }

  /** Runs `send` now, or once the updates still being stored have been relayed. */
  private afterRelays(send: () => void): void {
    if (this.relaysInFlight === 0) send();
    else void this.relayed.then(() => {
      if (!this.closed) send();
    });
  }

  /** Compacts in the queue, once what is applied is all stored: the snapshot is exactly what storage holds. */
  private queueCompaction(): void {
    if (this.compactionQueued) return;
    this.compactionQueued = true;
    void this.queue.run(async () => {
      await this.relayed;
      this.compactionQueued = false;
      if (!this.closed && this.stored.dueForCompaction) await this.stored.compact(() => Y.encodeStateAsUpdate(this.doc));
    });
  }

  /** What another process stored, relayed, or changed: applied here, sent to this process's sockets. */
  private fromElsewhere(message: FanoutMessage): void {
    void this.queue.run(async () => {
      if (this.closed) return;
      switch (message.kind) {
        case 'update': {
          this.produced = [];
          Y.applyUpdate(this.doc, message.update, 'elsewhere');
          dropPending(this.doc);
          this.stored.appliedElsewhere(message.fromSeq, message.toSeq);
          const produced = this.produced;
          this.produced = [];
          this.afterRelays(() => {
            for (const update of produced) this.broadcast(updateMessage(update), null);
          });
          if (this.stored.hasGap) this.scheduleCatchUp();
          return;
        }
        case 'awareness': {
          const relay = this.presence.fromElsewhere(message.update);
          this.afterRelays(() => this.broadcast(relay, null));
          return;
        }
        case 'record-changed':
          this.applyStatus(await this.options.statusOf(this.documentId));
          return;
        case 'invitation-closed':
        case 'session-closed':
          return; // handled for every record at once (rooms.ts, session-sockets.ts)
        default:
          return message satisfies never;
      }
    });
  }

  private applyStatus(facts: RecordStatusFacts): void {
    this.record = facts.record;
    this.status = statusOf(facts);
    const message = recordStatusMessage(this.status);
    for (const connection of this.connections) if (connection.wantsStatus) connection.send(message);
  }

  /** Reads what is stored and applies it: to close a gap the fan-out left. */
  private async readStorage(): Promise<void> {
    const parts = await this.stored.read();
    this.produced = [];
    applyStored(this.doc, parts);
  }

  /** Every document built for the record: its changes are noted, and it is let go when idle. */
  private watch(doc: Y.Doc): void {
    doc.on('update', (update: Uint8Array) => {
      this.produced.push(update);
      this.document.changed();
      this.lastChange = Date.now();
      this.scheduleIdleCheck(this.options.idleDocumentMs);
    });
    this.lastChange = Date.now();
    this.scheduleIdleCheck(this.options.idleDocumentMs);
    this.options.onDocument?.(this, doc);
  }

  private deferStep1(connection: Connection): void {
    this.awaitingStep1.set(connection, false);
    setTimeout(() => void this.queue.run(() => this.sendDeferredStep1(connection)), STEP1_AT_LATEST_MS).unref();
  }

  private sendDeferredStep1(connection: Connection): void {
    if (this.awaitingStep1.delete(connection) && this.connections.has(connection)) connection.send(this.document.step1());
  }

  private scheduleIdleCheck(afterMs: number): void {
    if (this.idleCheck || this.options.idleDocumentMs <= 0) return;
    this.idleCheck = setTimeout(() => {
      this.idleCheck = null;
      const idle = Date.now() - this.lastChange;
      if (idle < this.options.idleDocumentMs) return this.scheduleIdleCheck(this.options.idleDocumentMs - idle);
      void this.queue.run(() => this.shedDocument());
    }, afterMs);
    this.idleCheck.unref();
  }

  /**
   * Keeps only the record's encoded state, stored first: the document of a record nobody
   * is changing is several times larger than its bytes. If it cannot be stored, the
   * document stays in memory and the next change tries again.
   */
  private async shedDocument(): Promise<void> {
    await this.relayed;
    if (this.closed || !this.document.isBuilt) return;
    // Changed meanwhile, or a gap in what other processes sent to close first: later.
    if (Date.now() - this.lastChange < this.options.idleDocumentMs || this.stored.hasGap) return this.scheduleIdleCheck(this.options.idleDocumentMs);
    const state = Y.encodeStateAsUpdate(this.doc);
    if (await this.stored.compact(() => state)) this.document.shed(state);
    else this.scheduleIdleCheck(this.options.idleDocumentMs);
  }

  private scheduleCatchUp(): void {
    if (this.catchUp) return;
    this.catchUp = setTimeout(() => {
      this.catchUp = null;
      void this.queue.run(async () => {
        if (this.closed || !this.stored.hasGap) return;
        await this.readStorage();
        const produced = this.produced;
        this.produced = [];
        this.afterRelays(() => {
          for (const update of produced) this.broadcast(updateMessage(update), null);
        });
      });
    }, CATCH_UP_AFTER_MS);
    this.catchUp.unref();
  }

  private refuse(connection: Connection, reason: RefusalReason): void {
    if (connection.refuse(reason)) this.options.auditRefusal(this.record, connection, reason);
  }

  /** Sends the same bytes to every connection but `except`, framed once for all. */
  private broadcast(message: Uint8Array, except: Connection | null): void {
    const frame = binaryFrame(message);
    for (const connection of this.connections) if (connection !== except) connection.send(frame);
  }

  private async unloadIfUnused(): Promise<void> {
    if (this.connections.size === 0) await this.release(true);
  }

  /** Drops the in-memory record without writing; clients reconnect and load what was stored. */
  private reset(why: string): void {
    if (this.closed) return;
    log.warn('sync.record-reloaded', { documentId: this.documentId, why });
    for (const connection of this.connections) connection.close(CloseCode.recordReloaded, 'record reloaded, reconnect');
    void this.release(false);
  }

  private async release(compact: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.catchUp) clearTimeout(this.catchUp);
    if (this.idleCheck) clearTimeout(this.idleCheck);
    const done = (async () => {
      await this.relayed;
      if (compact) await this.stored.compact(() => Y.encodeStateAsUpdate(this.doc));
      await this.options.fanout.leave(this.documentId).catch(() => undefined);
      this.presence.destroy();
      this.document.destroy();
    })();
    this.onClosed(this, done);
    await done;
  }
}
