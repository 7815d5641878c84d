// A record as one process holds it: its document (built only when needed), what is
// stored of it (the watermark), and the writes on their way to storage. Every change goes
// through the write pipeline (apply → store → relay); what other processes stored comes
// in through `applyStored` or `catchUp`; and the document is dropped when idle and let go
// of, compacted, when the room closes. Its owner (the room) calls it from its queue only.
import * as Y from 'yjs';
import type { EditAuthor, Storage } from '../storage/storage';
import { RecordDocument, applyStored } from './record-document';
import { StoredRecord } from './stored-record';
import { applyCapturing, WritePipeline, type Applied, type PipelineSteps } from './write-pipeline';
import { IdleTimer } from './idle-timer';
import type { Frame } from './frame';

export interface HeldRecordOptions<Writer> extends Omit<PipelineSteps<Writer>, 'store'> {
  storage: Storage;
  documentId: string;
  compactAfterUpdates: number;
  /** A record unchanged this long keeps only its encoded state (0: keeps its Y.Doc). */
  idleDocumentMs: number;
  /** Told of every document built for the record, to watch it. */
  onBuilt: (doc: Y.Doc) => void;
  /** The record has been still for `idleDocumentMs`: its owner may call `shed`. */
  onIdle: () => void;
}

export class HeldRecord<Writer> {
  private readonly document: RecordDocument;
  private readonly stored: StoredRecord;
  private readonly pipeline: WritePipeline<Writer>;
  private readonly idle: IdleTimer;

  constructor(options: HeldRecordOptions<Writer>) {
    this.stored = new StoredRecord(options.storage, options.documentId, options.compactAfterUpdates);
    this.pipeline = new WritePipeline({ store: (updates, by) => this.stored.append(updates, by), relay: options.relay, refused: options.refused });
    this.idle = new IdleTimer(options.idleDocumentMs, options.onIdle);
    this.document = new RecordDocument((doc) => {
      doc.on('update', () => this.idle.touched());
      this.idle.touched();
      options.onBuilt(doc);
    });
  }

  /** Reads what storage holds and opens the record from it. */
  async load(): Promise<void> {
    this.document.open(await this.stored.read());
  }

  /** The document, built from the encoded state if it is not in memory. */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  get isBuilt(): boolean {
    return this.document.isBuilt;
  }

  /** The record's whole state, encoded: what a joiner who has nothing is sent. */
  state(): Uint8Array {
    return this.document.state();
  }

  /** Every stored update up to this sequence number is in memory. */
  get watermark(): number {
    return this.stored.watermark;
  }

  get dueForCompaction(): boolean {
    return this.stored.dueForCompaction;
  }

  // What a joiner is sent, answered from the stored bytes when the document is not built.
  get step1IsReady(): boolean {
    return this.document.step1IsReady;
  }
  step1(): Uint8Array {
    return this.document.step1();
  }
  step2(stateVector: Uint8Array): Frame[] {
    return this.document.step2(stateVector);
  }
  addsNothing(update: Uint8Array): boolean {
    return this.document.addsNothing(update);
  }

  /** Applies `change` to the document; answers what it produced (and its error, if it failed midway). */
  apply(change: (doc: Y.Doc) => void): Applied {
    const doc = this.doc;
    return applyCapturing(doc, () => change(doc));
  }

  /** Stores what a change produced and relays it after every earlier change (write-pipeline.ts). */
  commit(updates: Uint8Array[], writer: Writer | null, by: EditAuthor | null = null): Promise<void> {
    return this.pipeline.commit(updates, writer, by);
  }

  get busy(): boolean {
    return this.pipeline.busy;
  }

  /** Settles once every change committed so far has been stored and relayed (or refused). */
  settled(): Promise<void> {
    return this.pipeline.settled();
  }

  afterRelays(send: () => void): void {
    this.pipeline.afterRelays(send);
  }

  /** Applies what is already stored (elsewhere); answers the updates that were new here. */
  applyStored(parts: Uint8Array[]): Uint8Array[] {
    return this.apply((doc) => applyStored(doc, parts)).updates;
  }

  /** Updates another process stored as `fromSeq`..`toSeq`, now applied here too. */
  appliedElsewhere(fromSeq: number, toSeq: number): void {
    this.stored.appliedElsewhere(fromSeq, toSeq);
  }

  /** Reads what was stored past the watermark and applies it; answers the updates new here. */
  async catchUp(): Promise<Uint8Array[]> {
    const parts = await this.stored.readSince();
    return parts.length > 0 ? this.applyStored(parts) : [];
  }

  /**
   * Replaces the stored updates below the watermark with the record's state, if due (storage
   * checks it holds them); a record held encoded is compacted from its bytes, not built.
   */
  async compact(): Promise<void> {
    if (this.stored.dueForCompaction) await this.stored.compact(() => this.document.state());
  }

  /**
   * Keeps only the record's encoded state, stored first: the document of a record nobody
   * is changing is several times larger than its bytes. If it cannot be stored, or the
   * record changed meanwhile, the document stays and the idle wait starts again.
   */
  async shed(): Promise<void> {
    await this.settled();
    if (!this.document.isBuilt) return;
    if (!this.idle.isIdle) return this.idle.touched();
    const state = Y.encodeStateAsUpdate(this.doc);
    if (await this.stored.compact(() => state)) this.document.shed(state);
    else this.idle.touched();
  }

  /** Lets go of the record once its writes have landed; compacts what it holds first if asked. */
  async close(compact: boolean): Promise<void> {
    this.idle.stop();
    await this.settled();
    // A record opened from a snapshot and updates and never built is compacted from its
    // bytes, merged (record-document.ts): the next open reads one snapshot.
    if (compact) await this.stored.compact(() => this.document.state());
    this.document.destroy();
  }

  /** Stops the idle wait (a room that failed to load). */
  abandon(): void {
    this.idle.stop();
  }
}
