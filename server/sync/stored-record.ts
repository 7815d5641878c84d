// The stored side of an open record: appending its updates in order, knowing which stored
// updates the document holds (the watermark), and compacting up to that watermark only.
import { partsOf, type EditAuthor, type Storage, type StoredRecord as Stored } from '../storage/storage';
import { log, errorMessage } from '../log';
import { AppliedSeqs } from './applied-seqs';

export class StoredRecord {
  private readonly applied = new AppliedSeqs(0);
  private sinceCompaction = 0;

  constructor(
    private readonly storage: Storage,
    private readonly documentId: string,
    private readonly compactAfterUpdates: number,
  ) {}

  /** Everything stored: the snapshot (with its state vector), then the updates after it. */
  async read(): Promise<Stored> {
    const stored = await this.storage.loadRecord(this.documentId);
    this.applied.caughtUpTo(stored.lastSeq);
    this.sinceCompaction = Math.max(this.sinceCompaction, stored.updates.length);
    return stored;
  }

  /**
   * What was stored past the watermark (by other processes, and missed here): the parts to
   * apply. Once they are applied, the watermark is where storage stood.
   */
  async readSince(): Promise<Uint8Array[]> {
    const stored = await this.storage.loadRecordSince(this.documentId, this.applied.watermark);
    this.applied.caughtUpTo(stored.lastSeq);
    return partsOf(stored);
  }

  /** Every stored update up to this sequence number is in the document. */
  get watermark(): number {
    return this.applied.watermark;
  }

  /** Stores updates durably, in order; answers the sequence numbers they took. */
  async append(updates: Uint8Array[], by: EditAuthor | null = null): Promise<{ fromSeq: number; toSeq: number }> {
    const toSeq = await this.storage.appendUpdates(this.documentId, updates, by);
    const fromSeq = toSeq - updates.length + 1;
    this.applied.mark(fromSeq, toSeq);
    this.sinceCompaction += updates.length;
    return { fromSeq, toSeq };
  }

  /** Updates another process stored, now applied here too. */
  appliedElsewhere(fromSeq: number, toSeq: number): void {
    this.applied.mark(fromSeq, toSeq);
  }

  get dueForCompaction(): boolean {
    return this.sinceCompaction >= this.compactAfterUpdates;
  }

  /**
   * Replaces the stored updates the document provably holds with its state (`state` is
   * asked for only when something is to be compacted). Answers whether what is stored is
   * now one snapshot up to the watermark.
   */
  async compact(state: () => Uint8Array): Promise<boolean> {
    if (this.sinceCompaction === 0) return true;
    try {
      await this.storage.compactRecord(this.documentId, state(), this.applied.watermark);
      this.sinceCompaction = 0;
      return true;
    } catch (err) {
      // Nothing is lost: the updates stay stored and compaction is tried again later.
      log.warn('storage.compact-failed', { documentId: this.documentId, error: errorMessage(err) });
      return false;
    }
  }
}
