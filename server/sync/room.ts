// One record in memory while anyone has it open: the record as held here (held-record.ts:
// its document, its stored side, its writes in flight), the sockets on it, and the queue
// that orders everything done to it. The room is a cache of storage, never a second
// opinion: it is loaded before anything touches it, storage judges every write against
// the record's state and the claims on its client ids, and a command first catches up with
// what storage holds.
//
// Read top to bottom: loading; sockets joining, speaking and leaving; writes; commands;
// what other processes send; status; letting go.
import * as Y from 'yjs';
import { CloseCode, type RecordStatus } from '../../shared/protocol';
import type { SocketMessageRefusal } from '../policies/refusal';
import { presentSocketRefusal } from '../presenters/socket-refusal';
import { ClientNotYours, RecordNotDraft, type RecordHead, type RecordRow } from '../storage/storage';
import type { FanoutMessage } from '../scale/fanout';
import { log, errorMessage } from '../log';
import { SerialQueue } from './serial-queue';
import { recordStatusMessage, updateMessage } from './wire';
import { binaryFrame } from './frame';
import { dropPending, judgeWrite } from './write-policy';
import { RoomAwareness } from './room-awareness';
import { HeldRecord } from './held-record';
import { decodeClientMessage, type ClientMessage } from './client-message';
import type { Connection } from './connection';
import { TokenBucket } from './flood-guard';
import { lapses, newLapses, touchedTargets, type TouchedTargets } from '../../shared/record/lapses';
import { agreementKey } from '../../shared/record/schema';
import { RoomClosed, type RecordStatusFacts, type RoomOptions } from './room-options';
import { ClientClaims } from '../history/client-claims';
import { removesStructure } from '../history/structural-deletions';
import type { EditAuthor } from '../storage/storage';

export { RoomClosed, type RecordStatusFacts, type RoomOptions } from './room-options';

/** An update that decoded but that Yjs could not integrate. */
class UnappliableUpdate extends Error {}

/** How long a joiner of a record just opened waits at most for the server's step 1. */
const STEP1_AT_LATEST_MS = 50;

/** Who sent what a connection writes: from its invitation, whatever the client says. */
const authorOf = (connection: Connection): EditAuthor => ({
  participantId: connection.identity.participantId,
  party: connection.identity.actor.party,
  name: connection.identity.name,
});

export class Room {
  readonly presence: RoomAwareness;
  readonly connections = new Set<Connection>();
  /** The meeting's share of the server: every connection on it draws from this. */
  readonly floodBudget: TokenBucket;
  private readonly held: HeldRecord<Connection>;
  private readonly claims: ClientClaims;
  private readonly queue = new SerialQueue();
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
    this.floodBudget = new TokenBucket(options.floodLimits.recordMessagesPerSecond, options.floodLimits.recordBurst, Date.now());
    this.delivery = options.fanout.healthy ? 'live' : 'delayed';
    this.claims = new ClientClaims(options.storage, documentId);
    this.held = new HeldRecord<Connection>({
      storage: options.storage,
      documentId,
      compactAfterUpdates: options.compactAfterUpdates,
      idleDocumentMs: options.idleDocumentMs,
      onBuilt: (doc) => options.onDocument?.(this, doc),
      onIdle: () => void this.shed(),
      relay: (update, writer, { fromSeq, toSeq }) => {
        // Stored: other processes are told even if this one let go of the record meanwhile.
        options.fanout.publish(documentId, { kind: 'update', fromSeq, toSeq, update });
        this.broadcast(updateMessage(update), writer);
        if (writer) options.onStoredEdit?.(documentId);
        if (this.held.dueForCompaction) this.queueCompaction();
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
        await room.claims.load();
        await room.held.load();
      } catch (err) {
        room.closed = true;
        room.held.abandon();
        await options.fanout.leave(documentId).catch(() => undefined);
        room.presence.destroy();
        throw err;
      }
      await room.held.compact();
    });
    return room;
  }

  /** The record's document, built from its encoded state if it is not in memory. */
  get doc(): Y.Doc {
    return this.held.doc;
  }

  /** The record's whole state, encoded, without building its document. */
  state(): Uint8Array {
    return this.held.state();
  }

  get record(): RecordRow {
    return this.facts.record;
  }

  /** Whether the record's Y.Doc is in memory now (or only its encoded state). */
  get holdsDocument(): boolean {
    return this.held.isBuilt;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Every stored update up to this sequence number is in memory here. */
  get watermark(): number {
    return this.held.watermark;
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
      if (this.held.step1IsReady) connection.send(this.held.step1());
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

  private async handle(connection: Connection, message: ClientMessage): Promise<void> {
    switch (message.kind) {
      case 'sync-step1':
        // What the joiner is sent must be stored already: updates still being stored land first.
        if (this.held.busy) await this.held.settled();
        for (const frame of this.held.step2(message.stateVector)) connection.send(frame);
        return;
      case 'update':
        return this.applyFrom(connection, message.update);
      case 'awareness': {
        const outcome = this.presence.fromClient(connection, message.update, message.message);
        if ('refused' in outcome) return this.refuse(connection, outcome.refused);
        const relay = outcome.relay;
        // A caret that moved with an update still being stored follows it, not the other way round.
        if (relay) this.held.afterRelays(() => this.broadcast(relay, connection));
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

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.awaitingStep1.delete(connection);
    const gone = this.closed ? null : this.presence.leave(connection);
    if (gone) {
      this.held.afterRelays(() => this.broadcast(gone.relay, null));
      this.options.fanout.publish(this.documentId, { kind: 'awareness', update: gone.update });
    }
    if (this.connections.size === 0) void this.queue.run(() => this.unloadIfUnused());
  }

  // Writes.

  private async applyFrom(connection: Connection, update: Uint8Array): Promise<void> {
    // A joiner's answer to the server's step 1 usually holds nothing new: no need to build.
    if (this.held.addsNothing(update)) return;
    const verdict = judgeWrite(this.doc, connection.identity.actor, this.record, update);
    if (verdict === 'ignore') return;
    if (verdict !== 'take') return this.refuse(connection, verdict);
    const decoded = Y.decodeUpdate(update);
    if (removesStructure(this.doc, decoded)) return this.refuse(connection, { code: 'remove-use-command' });
    const allowed = this.claims.allows(this.doc, decoded, connection.identity.participantId);
    const written = allowed instanceof Promise ? await allowed : allowed;
    if (!written) return this.refuse(connection, { code: 'client-not-yours' });
    let touched: TouchedTargets = new Map();
    const applied = this.held.apply((doc) => {
      const note = (transaction: Y.Transaction) => (touched = touchedTargets(transaction));
      doc.once('afterTransaction', note);
      try {
        Y.applyUpdate(doc, update, connection);
      } finally {
        doc.off('afterTransaction', note);
      }
    });
    if (applied.error) {
      // Yjs may have integrated part of the update before failing: memory no longer
      // matches storage, so the record is reloaded from what was stored.
      if (applied.updates.length > 0) this.reset('an update could not be applied');
      throw new UnappliableUpdate(errorMessage(applied.error));
    }
    if (dropPending(this.doc)) this.refuse(connection, { code: 'missing-dependencies' });
    this.claims.kept(this.doc, written, connection.identity.participantId);
    // Not awaited: the next message is handled while this one is stored. A refusal by
    // storage reaches the writer through `storageRefused`.
    this.held.commit(applied.updates, connection, authorOf(connection)).catch(() => undefined);
    if (touched.size > 0) this.noteLapses(connection, touched);
  }

  /** Marks this edit made stop matching their text: noted once each, with who changed what, for the heads to be told. */
  private noteLapses(connection: Connection, touched: TouchedTargets): void {
    const { participantId, name, actor } = connection.identity;
    const found = newLapses(this.doc, touched, { participantId, name, party: actor.party }, (this.options.now ?? (() => new Date()))());
    if (found.length === 0) return;
    const noted = this.held.apply((doc) =>
      doc.transact(() => {
        for (const lapse of found) lapses(doc).set(agreementKey(lapse.targetId, lapse.party), lapse);
      }, 'server'),
    );
    this.held.commit(noted.updates, null).catch(() => undefined);
  }

  /**
   * Storage refused a change: the writer is told why, and memory is set back to what is
   * stored. Storage is the last word on the record's state and on who owns a client id
   * (another process may have stored a first write under it while this one let the same
   * id through): either way the room reloads, so every client converges on what was stored.
   */
  private storageRefused(writer: Connection | null, err: unknown): void {
    const why = storageRefusal(err);
    if (err instanceof RecordNotDraft) log.info('sync.write-after-lock', { documentId: this.documentId, state: err.state });
    else if (err instanceof ClientNotYours) log.warn('sync.client-claimed-elsewhere', { documentId: this.documentId, clients: err.clientIds });
    else log.error('storage.append-failed', { documentId: this.documentId, error: errorMessage(err) });
    if (writer) this.refuse(writer, why.refusal);
    this.reset(why.reset);
  }

  // Commands.

  /**
   * Runs `task` in the record's queue with no message handled meanwhile, once everything
   * applied before it is stored and whatever other processes stored is applied here: the
   * document is exactly what storage holds, and the record's row is as stored.
   */
  exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.held.settled();
      if (this.closed) throw new RoomClosed(this.documentId);
      this.relayStored(await this.held.catchUp());
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
  async applyServerChange(change: (doc: Y.Doc) => void, onBehalfOf: EditAuthor | null = null): Promise<boolean> {
    const applied = this.held.apply((doc) => (onBehalfOf ? this.writeAs(doc, onBehalfOf, change) : doc.transact(() => change(doc), 'server')));
    if (applied.error) throw applied.error;
    try {
      await this.held.commit(applied.updates, null, onBehalfOf);
      return true;
    } catch (err) {
      if (err instanceof RecordNotDraft) return false;
      throw err;
    }
  }

  /**
   * A change the server writes for a participant (a restore): under a client id of its own,
   * claimed for them, so that what it writes is theirs in the history.
   */
  private writeAs(doc: Y.Doc, by: EditAuthor, change: (doc: Y.Doc) => void): void {
    const serverClient = doc.clientID;
    let client = serverClient;
    while (client === serverClient || Y.getState(doc.store, client) > 0) client = Math.floor(Math.random() * 2 ** 31);
    this.claims.claim(client, by.participantId);
    doc.clientID = client;
    try {
      doc.transact(() => change(doc), 'server');
    } finally {
      doc.clientID = serverClient;
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

  // What other processes send, and what they stored that this one missed.

  private fromElsewhere(message: FanoutMessage): void {
    void this.queue.run(async () => {
      if (this.closed) return;
      switch (message.kind) {
        case 'update':
          this.relayStored(this.held.applyStored([message.update]));
          this.held.appliedElsewhere(message.fromSeq, message.toSeq);
          return;
        case 'awareness': {
          const relay = this.presence.fromElsewhere(message.update);
          this.held.afterRelays(() => this.broadcast(relay, null));
          return;
        }
        case 'record-changed':
          return this.refreshStatus(false);
        case 'invitation-closed':
        case 'session-closed':
          return; // handled for every record at once (rooms.ts, session-sockets.ts)
        default:
          return message satisfies never;
      }
    });
  }

  /** Compared with what storage holds now: catches up if it is behind, re-reads the status if it changed. */
  checkAgainst(head: RecordHead): void {
    if (head.lastSeq <= this.held.watermark && head.state === this.record.state) return;
    void this.queue.run(async () => {
      if (this.closed) return;
      this.relayStored(await this.held.catchUp());
      if (head.state !== this.record.state) await this.refreshStatus(false);
    });
  }

  /** Sends this process's sockets what was stored elsewhere and is new here, after the relays in flight. */
  private relayStored(updates: Uint8Array[]): void {
    this.claims.storedElsewhere(updates);
    if (updates.length > 0) this.held.afterRelays(() => updates.forEach((update) => this.broadcast(updateMessage(update), null)));
  }

  // Status, and sending.

  /** Whether messages from other processes reach this one now: clients are told when not. */
  setDelivery(live: boolean): void {
    const delivery = live ? 'live' : 'delayed';
    if (delivery === this.delivery) return;
    this.delivery = delivery;
    void this.queue.run(() => !this.closed && this.applyStatus(this.facts));
  }

  private status(): RecordStatus {
    const { record, signatures, supersededBy } = this.facts;
    return {
      documentId: record.documentId,
      version: record.version,
      state: record.state,
      recordHash: record.recordHash,
      signatures,
      supersededBy,
      delivery: this.delivery,
    };
  }

  private applyStatus(facts: RecordStatusFacts): void {
    this.facts = facts;
    const message = recordStatusMessage(this.status());
    for (const connection of this.connections) if (connection.wantsStatus) connection.send(message);
  }

  /** Tells the connection, in the words the one socket presenter gives a refusal, and audits it once. */
  private refuse(connection: Connection, refusal: SocketMessageRefusal): void {
    const reason = presentSocketRefusal(refusal);
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
    if (this.awaitingStep1.delete(connection) && this.connections.has(connection) && !this.closed) connection.send(this.held.step1());
  }

  // Compaction, dropping an idle document, letting go.

  /** Compacts in the queue, once what is applied is all stored; one such task waits at a time. */
  private queueCompaction(): void {
    if (this.compactionQueued) return;
    this.compactionQueued = true;
    void this.queue.run(async () => {
      await this.held.settled();
      this.compactionQueued = false;
      if (!this.closed) await this.held.compact();
    });
  }

  /** Keeps only the record's encoded state if it is still idle (held-record.ts). */
  shed(): Promise<void> {
    return this.queue.run(() => (this.closed ? undefined : this.held.shed()));
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
    const done = (async () => {
      await this.held.close(compact);
      await this.options.fanout.leave(this.documentId).catch(() => undefined);
      this.presence.destroy();
    })();
    this.onClosed(this, done);
    await done;
  }
}

/** What the writer of a change storage refused is told, and why the room reloads. */
function storageRefusal(err: unknown): { refusal: SocketMessageRefusal; reset: string } {
  if (err instanceof RecordNotDraft) return { refusal: { code: 'wrong-state', action: 'write', state: err.state }, reset: `the record is ${err.state}` };
  if (err instanceof ClientNotYours) return { refusal: { code: 'client-not-yours' }, reset: 'a client id written under is claimed by another participant' };
  return { refusal: { code: 'storage-unavailable' }, reset: 'storage refused a write' };
}
