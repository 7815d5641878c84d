// One record in memory while anyone has it open: its document (record-document.ts), the
// sockets on it, and the queue that orders everything done to it. The room is a cache of
// storage, never a second opinion: it is loaded before anything touches it, every change
// goes through the write pipeline (apply → store → relay), storage judges every write
// against the record's state, and a command first catches up with what storage holds.
//
// Read top to bottom: loading; sockets joining, leaving and speaking; writes; commands;
// what other processes send; letting go.
import * as Y from 'yjs';
import { CloseCode, RefusalReason, type RecordStatus } from '../../shared/protocol';
import type { RecordState } from '../../shared/roles';
import { RecordNotDraft, type RecordHead, type RecordRow, type Storage } from '../storage/storage';
import type { Fanout, FanoutMessage } from '../scale/fanout';
import { log, errorMessage } from '../log';
import { SerialQueue } from './serial-queue';
import { recordStatusMessage, updateMessage } from './wire';
import { binaryFrame } from './frame';
import { dropPending, judgeWrite } from './write-policy';
import { RoomAwareness } from './room-awareness';
import { StoredRecord } from './stored-record';
import { RecordDocument, applyStored } from './record-document';
import { applyCapturing, WritePipeline } from './write-pipeline';
import { decodeClientMessage, type ClientMessage } from './client-message';
import { IdleTimer } from './idle-timer';
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
  /** How often records open here are compared with storage when other processes write too. */
  catchUpCheckMs: number;
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

/** The room let go of its record before a task queued on it could run: open it again. */
export class RoomClosed extends Error {
  constructor(documentId: string) {
    super(`record ${documentId} was let go of`);
  }
}

/** An update that decoded but that Yjs could not integrate. */
class UnappliableUpdate extends Error {}

/** How long a joiner of a record just opened waits at most for the server's step 1. */
const STEP1_AT_LATEST_MS = 50;

const READ_ONLY: Record<RecordState, RefusalReason> = {
  draft: RefusalReason.readOnlyObserver,
  locked: RefusalReason.readOnlyLocked,
  signed: RefusalReason.readOnlySigned,
};

export class Room {
  private readonly document = new RecordDocument((doc) => this.watch(doc));
  readonly presence: RoomAwareness;
  readonly connections = new Set<Connection>();
  /** The meeting's share of the server: every connection on it draws from this. */
  readonly floodBudget: TokenBucket;
  private readonly queue = new SerialQueue();
  private readonly stored: StoredRecord;
  private readonly pipeline: WritePipeline<Connection>;
  private readonly idle: IdleTimer;
  /**
   * Joined a record just opened from its bytes: sent the server's step 1 after their own
   * (true once that is arranged).
   */
  private readonly awaitingStep1 = new Map<Connection, boolean>();
  private closed = false;
  private compactionQueued = false;
  private facts!: RecordStatusFacts;
  private delivery: RecordStatus['delivery'];
  /** Called once the room has let go of its record (unloaded or reset). */
  onClosed: (room: Room, done: Promise<void>) => void = () => {};

  private constructor(
    readonly documentId: string,
    private readonly options: RoomOptions,
  ) {
    // Awareness lives beside the document, which may be dropped and built again.
    this.presence = new RoomAwareness(new Y.Doc(), options.awarenessLimits);
    this.stored = new StoredRecord(options.storage, documentId, options.compactAfterUpdates);
    this.floodBudget = new TokenBucket(options.floodLimits.recordMessagesPerSecond, options.floodLimits.recordBurst, Date.now());
    this.delivery = options.fanout.healthy ? 'live' : 'delayed';
    this.idle = new IdleTimer(options.idleDocumentMs, () => void this.shed());
    this.pipeline = new WritePipeline<Connection>({
      store: (updates) => this.stored.append(updates),
      relay: (update, writer, { fromSeq, toSeq }) => {
        // Stored: other processes are told even if this one let go of the record meanwhile.
        this.options.fanout.publish(this.documentId, { kind: 'update', fromSeq, toSeq, update });
        if (this.closed) return;
        this.broadcast(updateMessage(update), writer);
        if (this.stored.dueForCompaction) this.queueCompaction();
      },
      refused: (writer, err) => this.storageRefused(writer, err),
    });
  }

  /**
   * Opens the record: subscribed to what other processes send first, then its status and
   * its content read from storage, all before any delivery, message or command (they wait
   * in the queue behind the load), so nothing can see a half-loaded record.
   */
  static async load(documentId: string, options: RoomOptions): Promise<Room> {
    const room = new Room(documentId, options);
    await room.queue.run(async () => {
      try {
        await options.fanout.join(documentId, (message) => room.fromElsewhere(message));
        room.facts = await options.statusOf(documentId);
        room.document.open(await room.stored.read());
      } catch (err) {
        room.closed = true;
        room.idle.stop();
        await options.fanout.leave(documentId).catch(() => undefined);
        room.presence.destroy();
        throw err;
      }
      if (room.stored.dueForCompaction) await room.compact();
    });
    return room;
  }

  /** The record's document, built from its encoded state if it is not in memory. */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  get record(): RecordRow {
    return this.facts.record;
  }

  /** Whether the record's Y.Doc is in memory now (or only its encoded state). */
  get holdsDocument(): boolean {
    return this.document.isBuilt;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Every stored update up to this sequence number is in memory here. */
  get watermark(): number {
    return this.stored.watermark;
  }

  // Sockets.

  /** Adds a connection; answers false if the room closed meanwhile and must be reopened. */
  join(connection: Connection): boolean {
    if (this.closed) return false;
    this.connections.add(connection);
    void this.queue.run(() => {
      if (this.closed) return;
      // Reading a record just opened through for its state vector takes a while on a long
      // history: the joiner's own step 1 (the whole record) is answered first.
      if (this.document.step1IsReady) connection.send(this.document.step1());
      else this.deferStep1(connection);
      const everyone = this.presence.everything();
      if (everyone) connection.send(everyone);
    });
    return true;
  }

  receive(connection: Connection, bytes: Uint8Array): void {
    void this.queue.run(async () => {
      if (this.closed || !this.connections.has(connection)) return;
      try {
        await this.handle(connection, decodeClientMessage(bytes));
        // Once the whole record just answered has left: reading the snapshot through does not hold up its tail.
        if (this.awaitingStep1.get(connection) === false) {
          this.awaitingStep1.set(connection, true);
          connection.afterSent(() => void this.queue.run(() => this.sendDeferredStep1(connection)));
        }
      } catch (err) {
        // Whatever a message's bytes make a decoder throw (presence included) ends that connection only.
        log.warn('sync.message-refused', { documentId: this.documentId, participant: connection.identity.participantId, error: errorMessage(err) });
        connection.close(err instanceof UnappliableUpdate ? CloseCode.unappliableUpdate : CloseCode.malformedMessage, 'message refused');
      }
    });
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.awaitingStep1.delete(connection);
    const gone = this.closed ? null : this.presence.leave(connection);
    if (gone) {
      this.pipeline.afterRelays(() => this.broadcast(gone.relay, null));
      this.options.fanout.publish(this.documentId, { kind: 'awareness', update: gone.update });
    }
    if (this.connections.size === 0) void this.queue.run(() => this.unloadIfUnused());
  }

  private async handle(connection: Connection, message: ClientMessage): Promise<void> {
    switch (message.kind) {
      case 'sync-step1':
        // What the joiner is sent must be stored already: updates still being stored land first.
        if (this.pipeline.busy) await this.pipeline.settled();
        connection.send(this.document.step2(message.stateVector));
        return;
      case 'update':
        return this.applyFrom(connection, message.update);
      case 'awareness': {
        const outcome = this.presence.fromClient(connection, message.update, message.message);
        if ('refused' in outcome) return this.refuse(connection, outcome.refused);
        const relay = outcome.relay;
        // A caret that moved with an update still being stored follows it, not the other way round.
        if (relay) this.pipeline.afterRelays(() => this.broadcast(relay, connection));
        if (outcome.update) this.options.fanout.publish(this.documentId, { kind: 'awareness', update: outcome.update });
        return;
      }
      case 'query-awareness': {
        const everyone = this.presence.everything();
        if (everyone) connection.send(everyone);
        return;
      }
      case 'record-status':
        connection.wantsStatus = true;
        connection.send(recordStatusMessage(this.status()));
        return;
      case 'auth':
        return;
      default:
        return message satisfies never;
    }
  }

  // Writes.

  private applyFrom(connection: Connection, update: Uint8Array): void {
    // A joiner's answer to the server's step 1 usually holds nothing new: no need to build.
    if (this.document.addsNothing(update)) return;
    const verdict = judgeWrite(this.doc, connection.identity.actor, this.record, update);
    if (verdict === 'ignore') return;
    if (verdict !== 'take') return this.refuse(connection, verdict);
    const applied = applyCapturing(this.doc, () => Y.applyUpdate(this.doc, update, connection));
    if (applied.error) {
      // Yjs may have integrated part of the update before failing: memory no longer
      // matches storage, so the record is reloaded from what was stored.
      if (applied.updates.length > 0) this.reset('an update could not be applied');
      throw new UnappliableUpdate(errorMessage(applied.error));
    }
    if (dropPending(this.doc)) this.refuse(connection, RefusalReason.missingDependencies);
    // Not awaited: the next message is handled while this one is stored. A refusal by
    // storage reaches the writer through the pipeline's `refused`.
    this.pipeline.commit(applied.updates, connection).catch(() => undefined);
  }

  /** Storage refused a change: the writer is told why, and memory is set back to what is stored. */
  private storageRefused(writer: Connection | null, err: unknown): void {
    const notDraft = err instanceof RecordNotDraft;
    if (notDraft) log.info('sync.write-after-lock', { documentId: this.documentId, state: err.state });
    else log.error('storage.append-failed', { documentId: this.documentId, error: errorMessage(err) });
    if (writer) this.refuse(writer, notDraft ? READ_ONLY[err.state] : RefusalReason.storageUnavailable);
    this.reset(notDraft ? `the record is ${err.state}` : 'storage refused a write');
  }

  // Commands.

  /**
   * Runs `task` in the record's queue with no message handled meanwhile, once everything
   * applied before it is stored and whatever other processes stored is applied here: the
   * document is exactly what storage holds, and the record's row is as stored.
   */
  exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.pipeline.settled();
      if (this.closed) throw new RoomClosed(this.documentId);
      await this.catchUp();
      const row = await this.options.storage.getRecord(this.documentId);
      if (row && row.state !== this.record.state) await this.refreshStatus(false);
      if (this.closed) throw new RoomClosed(this.documentId);
      return task();
    });
  }

  /**
   * A change the server makes itself (an agreement mark, say): applied, stored, then sent
   * to every connection. Call it from inside `exclusive`. Answers false when storage refused
   * it because the record is no longer a draft (nothing was kept; the room reloads).
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<boolean> {
    const doc = this.doc;
    const applied = applyCapturing(doc, () => doc.transact(() => change(doc), 'server'));
    if (applied.error) throw applied.error;
    try {
      await this.pipeline.commit(applied.updates, null);
      return true;
    } catch (err) {
      if (err instanceof RecordNotDraft) return false;
      throw err;
    }
  }

  /**
   * The record's lifecycle moved (locked, signed, unlocked): from now on every message is
   * judged against `record`, and every client, in every process, is told. Call it from
   * inside `exclusive`.
   */
  setRecord(record: RecordRow, signatures: RecordStatus['signatures']): void {
    this.applyStatus({ record, signatures, supersededBy: this.facts.supersededBy });
    this.options.fanout.publish(this.documentId, { kind: 'record-changed' });
  }

  /** Reads the record's status again (after an amendment, say), and tells every process if asked. */
  async refreshStatus(tellOthers = true): Promise<void> {
    this.applyStatus(await this.options.statusOf(this.documentId));
    if (tellOthers) this.options.fanout.publish(this.documentId, { kind: 'record-changed' });
  }

  /** Whether messages from other processes reach this one now: clients are told when not. */
  setDelivery(live: boolean): void {
    const delivery = live ? 'live' : 'delayed';
    if (delivery === this.delivery) return;
    this.delivery = delivery;
    void this.queue.run(() => !this.closed && this.applyStatus(this.facts));
  }

  /** Compared with what storage holds now: catches up if it is behind, re-reads the status if it changed. */
  checkAgainst(head: RecordHead): void {
    if (head.lastSeq <= this.stored.watermark && head.state === this.record.state) return;
    void this.queue.run(async () => {
      if (this.closed) return;
      await this.catchUp();
      if (head.state !== this.record.state) await this.refreshStatus(false);
    });
  }

  // What other processes send.

  private fromElsewhere(message: FanoutMessage): void {
    void this.queue.run(async () => {
      if (this.closed) return;
      switch (message.kind) {
        case 'update': {
          this.applyFromStorage([message.update]);
          this.stored.appliedElsewhere(message.fromSeq, message.toSeq);
          return;
        }
        case 'awareness': {
          const relay = this.presence.fromElsewhere(message.update);
          this.pipeline.afterRelays(() => this.broadcast(relay, null));
          return;
        }
        case 'record-changed':
          return this.refreshStatus(false);
        case 'invitation-closed':
          return; // handled by the registry, for every record at once
        default:
          return message satisfies never;
      }
    });
  }

  /** Reads what storage holds past the watermark and applies it: what other processes stored and this one missed. */
  private async catchUp(): Promise<void> {
    const parts = await this.stored.readSince();
    if (!this.closed && parts.length > 0) this.applyFromStorage(parts);
  }

  /** Applies what is already stored; relays to this process's sockets whatever was new here. */
  private applyFromStorage(parts: Uint8Array[]): void {
    const doc = this.doc;
    const { updates } = applyCapturing(doc, () => applyStored(doc, parts));
    if (updates.length > 0) this.pipeline.afterRelays(() => updates.forEach((update) => this.broadcast(updateMessage(update), null)));
  }

  // Status and sending.

  private status(): RecordStatus {
    const { record, signatures, supersededBy } = this.facts;
    return { documentId: record.documentId, version: record.version, state: record.state, recordHash: record.recordHash, signatures, supersededBy, delivery: this.delivery };
  }

  private applyStatus(facts: RecordStatusFacts): void {
    this.facts = facts;
    const message = recordStatusMessage(this.status());
    for (const connection of this.connections) if (connection.wantsStatus) connection.send(message);
  }

  private refuse(connection: Connection, reason: RefusalReason): void {
    if (connection.refuse(reason)) this.options.auditRefusal(this.record, connection, reason);
  }

  /** Sends the same bytes to every connection but `except`, framed once for all. */
  private broadcast(message: Uint8Array, except: Connection | null): void {
    if (this.closed) return;
    const frame = binaryFrame(message);
    for (const connection of this.connections) if (connection !== except) connection.send(frame);
  }

  private deferStep1(connection: Connection): void {
    this.awaitingStep1.set(connection, false);
    setTimeout(() => void this.queue.run(() => this.sendDeferredStep1(connection)), STEP1_AT_LATEST_MS).unref();
  }

  private sendDeferredStep1(connection: Connection): void {
    if (this.awaitingStep1.delete(connection) && this.connections.has(connection) && !this.closed) connection.send(this.document.step1());
  }

  // Residency: compaction, dropping an idle document, letting go.

  /** Every document built for the record: its changes restart the idle timer, and it is watched. */
  private watch(doc: Y.Doc): void {
    doc.on('update', () => this.idle.touched());
    this.idle.touched();
    this.options.onDocument?.(this, doc);
  }

  /** Compacts in the queue, once what is applied is all stored; one such task waits at a time. */
  private queueCompaction(): void {
    if (this.compactionQueued) return;
    this.compactionQueued = true;
    void this.queue.run(async () => {
      await this.pipeline.settled();
      this.compactionQueued = false;
      await this.compact();
    });
  }

  /** The snapshot holds exactly what storage holds up to the watermark (storage checks it does). */
  private async compact(): Promise<void> {
    if (!this.closed && this.stored.dueForCompaction) await this.stored.compact(() => Y.encodeStateAsUpdate(this.doc));
  }

  /**
   * Keeps only the record's encoded state, stored first: the document of a record nobody
   * is changing is several times larger than its bytes. If it cannot be stored, the
   * document stays in memory and the next change tries again.
   */
  shed(): Promise<void> {
    return this.queue.run(() => this.shedNow());
  }

  private async shedNow(): Promise<void> {
    await this.pipeline.settled();
    if (this.closed || !this.document.isBuilt) return;
    if (!this.idle.isIdle) return this.idle.touched();
    const state = Y.encodeStateAsUpdate(this.doc);
    if (await this.stored.compact(() => state)) this.document.shed(state);
    else this.idle.touched();
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
    this.idle.stop();
    const done = (async () => {
      await this.pipeline.settled();
      if (compact && this.document.isBuilt) await this.stored.compact(() => Y.encodeStateAsUpdate(this.doc));
      await this.options.fanout.leave(this.documentId).catch(() => undefined);
      this.presence.destroy();
      this.document.destroy();
    })();
    this.onClosed(this, done);
    await done;
  }
}
