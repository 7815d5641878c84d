// The write path of one record, in one place: a change is applied to the document, what it
// produced is asked of storage at once (so the next message need not wait), and it is
// relayed once it is stored, after every change applied before it. Each step returns what
// it made; nothing is left in a field for a later step to find and clear.
import * as Y from 'yjs';
import type { EditAuthor } from '../storage/history-rows';

/** What applying a change to the document produced: its updates, and the error if it failed midway. */
export interface Applied {
  updates: Uint8Array[];
  error: unknown;
}

/** Runs `change` on `doc` and answers the updates it produced, even when it throws partway. */
export function applyCapturing(doc: Y.Doc, change: () => void): Applied {
  const updates: Uint8Array[] = [];
  const note = (update: Uint8Array) => updates.push(update);
  doc.on('update', note);
  try {
    change();
    return { updates, error: null };
  } catch (error) {
    return { updates, error: error ?? new Error('the change failed') };
  } finally {
    doc.off('update', note);
  }
}

/** Sequence numbers storage gave a stored change. */
export interface StoredSeqs {
  fromSeq: number;
  toSeq: number;
}

export interface PipelineSteps<Writer> {
  /** Asks storage to keep `updates`, in call order, with the participant who sent them. */
  store(updates: Uint8Array[], by: EditAuthor | null): Promise<StoredSeqs>;
  /** Sends a stored change on (to sockets and other processes). */
  relay(update: Uint8Array, writer: Writer | null, seqs: StoredSeqs): void;
  /** Storage refused the change: the writer is told, and memory is set right. */
  refused(writer: Writer | null, error: unknown): void;
}

export class WritePipeline<Writer> {
  /** The relay of the last change still in flight; null once everything applied is stored and relayed. */
  private last: Promise<void> | null = null;

  constructor(private readonly steps: PipelineSteps<Writer>) {}

  /**
   * Stores what a change produced and relays it after every earlier change. The promise
   * settles once it is relayed, or rejects if storage refused it (after `refused` ran).
   */
  commit(updates: Uint8Array[], writer: Writer | null, by: EditAuthor | null = null): Promise<void> {
    if (updates.length === 0) return this.settled();
    const before = this.settled();
    const stored = this.steps.store(updates, by);
    const relayed = Promise.all([stored, before]).then(
      ([seqs]) => this.steps.relay(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), writer, seqs),
      (error: unknown) => {
        this.steps.refused(writer, error);
        throw error;
      },
    );
    const last = relayed.catch(() => undefined);
    this.last = last;
    void last.then(() => {
      if (this.last === last) this.last = null;
    });
    return relayed;
  }

  /** Whether some change is still being stored or relayed. */
  get busy(): boolean {
    return this.last !== null;
  }

  /** Settles once every change committed so far has been relayed (or refused). */
  settled(): Promise<void> {
    return this.last ?? Promise.resolve();
  }

  /** Runs `send` now, or once the changes in flight have been relayed: what follows a change never overtakes it. */
  afterRelays(send: () => void): void {
    if (this.last) void this.last.then(send);
    else send();
  }
}
