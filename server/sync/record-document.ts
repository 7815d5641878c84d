// A record's document on the server, built only when something needs it. Joining, syncing
// a client that has nothing new and relaying awareness need only the record's encoded
// state: a record opened from its snapshot (and the updates after it, when a crash left
// them: folded-record.ts) answers them from those bytes, and a record nobody has written
// to for a while drops its Y.Doc (several times larger than its encoding) and keeps the
// bytes. The first write, server change or command builds the document again from them.
// A document is only ever built from what storage gave: before `open` and after `destroy`
// there is no document to hand out, not an empty one.
import * as Y from 'yjs';
import { syncStep1, syncStep1From, syncStep2, syncStep2Frame, syncUpdateFrame } from './wire';
import type { Frame } from './frame';
import { dropPending } from './write-policy';
import { snapshotOfState } from '../storage/coverage';
import type { StoredRecord } from '../storage/storage';
import { foldStored, type FoldedRecord } from './folded-record';

/** Asked for the document of a record that is not loaded (yet, or any more). */
class RecordNotLoaded extends Error {
  constructor() {
    super('the record is not loaded: nothing may read or write it here');
  }
}

/** The record as bytes: what a client that has nothing is sent, and what it holds. */
interface Encoded extends FoldedRecord {
  /**
   * The whole record framed once for every joiner: the snapshot as sync step 2, then each
   * update stored after it, if any (folded-record.ts).
   */
  wholeRecord: Frame[];
  /** Its state vector and deletions, worked out on first need: a cold open does not wait. */
  held: Y.Snapshot | null;
}

export class RecordDocument {
  private built: Y.Doc | null = null;
  private encoded: Encoded | null = null;
  private loaded = false;
  /** Sync step 2 for a client that has nothing, while the built document is unchanged. */
  private wholeRecord: Frame[] | null = null;

  /** `onBuilt` is told of every document built, to watch it. */
  constructor(private readonly onBuilt: (doc: Y.Doc) => void) {}

  /**
   * Opens a record from what storage holds: a snapshot stays encoded until needed, and so
   * do the updates after it, when they and the snapshot hold nothing that depends on content
   * stored nowhere (otherwise the document is built, and drops that).
   */
  open(stored: Pick<StoredRecord, 'snapshot' | 'snapshotStateVector' | 'updates'>): void {
    if (this.loaded) throw new Error('a record is opened once');
    this.loaded = true;
    const folded = stored.snapshot ? foldStored(stored.snapshot, stored.snapshotStateVector ?? null, stored.updates) : null;
    if (folded) this.encoded = encodedFrom(folded, null);
    else this.build(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates, null);
  }

  /** The record's whole state, encoded (from the document when it is built). */
  state(): Uint8Array {
    if (this.built) return Y.encodeStateAsUpdate(this.built);
    if (!this.loaded || !this.encoded) throw new RecordNotLoaded();
    const { snapshot, tail } = this.encoded;
    // Merged only here, when the record is compacted: never on the way to a joiner.
    return tail.length > 0 ? Y.mergeUpdates([snapshot, Y.mergeUpdates(tail)]) : snapshot;
  }

  /** The document, built from the encoded state first if it is not in memory. */
  get doc(): Y.Doc {
    if (this.built) return this.built;
    const from = this.encoded;
    if (!this.loaded || !from) throw new RecordNotLoaded();
    return this.build([from.snapshot, ...from.tail], from.wholeRecord);
  }

  get isBuilt(): boolean {
    return this.built !== null;
  }

  /** Whether step 1 is at hand, or needs the encoded record read through first. */
  get step1IsReady(): boolean {
    return !this.encoded || this.encoded.stateVector !== null || this.encoded.held !== null;
  }

  /** The server's sync step 1. */
  step1(): Uint8Array {
    if (!this.encoded) return syncStep1(this.doc);
    return syncStep1From(Y.encodeStateVector(this.encoded.stateVector ?? this.held().sv));
  }

  /**
   * What a peer with `stateVector` is sent, in order, sync step 2 first: the same bytes for
   * everyone who has nothing.
   */
  step2(stateVector: Uint8Array): Frame[] {
    const nothing = stateVector.length === 1 && stateVector[0] === 0;
    const encoded = this.encoded;
    if (encoded) {
      if (nothing) return encoded.wholeRecord;
      // The updates after the snapshot as they are: the peer skips what it already holds.
      return [syncStep2Frame(Y.diffUpdate(encoded.snapshot, stateVector)), ...encoded.wholeRecord.slice(1)];
    }
    if (!nothing) return [syncStep2(this.doc, stateVector)];
    return (this.wholeRecord ??= [syncStep2(this.doc, stateVector)]);
  }

  /**
   * Whether `update` certainly adds nothing to a record held encoded (a client's answer
   * to the server's step 1, when it has nothing new): no struct beyond what the record
   * holds, no deletion it lacks. False means "build the document and look".
   */
  addsNothing(update: Uint8Array): boolean {
    if (!this.encoded) return false;
    if (update.length === 2 && update[0] === 0 && update[1] === 0) return true;
    try {
      return Y.snapshotContainsUpdate(this.held(), update);
    } catch {
      return false; // the document's own path refuses it, with the reason
    }
  }

  /**
   * Drops the built document and keeps `state`, its encoding (the caller has just stored
   * it). Answers false when there is nothing to drop.
   */
  shed(state: Uint8Array): boolean {
    const doc = this.built;
    if (!doc) return false;
    const held = normalised(Y.snapshot(doc));
    this.encoded = encodedFrom({ snapshot: state, tail: [], stateVector: held.sv }, held);
    this.built = null;
    this.wholeRecord = null;
    doc.destroy();
    return true;
  }

  destroy(): void {
    this.built?.destroy();
    this.built = null;
    this.encoded = null;
    this.wholeRecord = null;
    this.loaded = false;
  }

  /**
   * Builds the document from what storage holds, before anyone watches it: loading is not
   * a change (nor worth encoding as one, which on a long history costs more than the load).
   * `wholeRecord`: the bytes a joiner would get of it, if already framed.
   */
  private build(parts: Uint8Array[], wholeRecord: Frame[] | null): Y.Doc {
    const doc = new Y.Doc();
    applyStored(doc, parts);
    this.built = doc;
    this.encoded = null;
    this.wholeRecord = wholeRecord;
    // Whatever changes it makes the bytes cached for a joiner stale.
    doc.on('update', () => (this.wholeRecord = null));
    this.onBuilt(doc);
    return doc;
  }

  /** The encoded record's state vector and deletions, read from its bytes once. */
  private held(): Y.Snapshot {
    const encoded = this.encoded!;
    encoded.held ??= heldOf(encoded);
    return encoded.held;
  }
}

/**
 * Applies what storage holds to `doc`: the parts one after the other in one transaction,
 * several times cheaper than merging them first (mergeUpdates decodes and re-encodes the
 * whole snapshot). Whatever depends on content the record lacks is dropped.
 */
export function applyStored(doc: Y.Doc, parts: Uint8Array[]): void {
  if (parts.length > 0) doc.transact(() => parts.forEach((part) => Y.applyUpdate(doc, part, 'storage')), 'storage');
  dropPending(doc);
}

function encodedFrom(folded: FoldedRecord, held: Y.Snapshot | null): Encoded {
  const snapshot = framed(syncStep2Frame, folded.snapshot);
  const tail = folded.tail.map((update) => framed(syncUpdateFrame, update));
  return {
    snapshot: snapshot.bytes,
    tail: tail.map((t) => t.bytes),
    stateVector: folded.stateVector,
    wholeRecord: [snapshot.frame, ...tail.map((t) => t.frame)],
    held,
  };
}

/** `bytes` framed by `frame`; a small message is copied behind its headers, and that copy is the one kept. */
function framed(frame: (bytes: Uint8Array) => Frame, bytes: Uint8Array): { frame: Frame; bytes: Uint8Array } {
  const made = frame(bytes);
  const last = made.wire[made.wire.length - 1]!;
  return { frame: made, bytes: last === bytes ? bytes : last.subarray(last.byteLength - bytes.byteLength) };
}

/** The state vector and deletions of a snapshot and the updates after it. */
function heldOf({ snapshot, tail, stateVector }: FoldedRecord): Y.Snapshot {
  const held = snapshotOfState(snapshot);
  if (tail.length === 0) return held;
  const deletions = tail.map((update) => Y.decodeUpdate(update).ds);
  return Y.createSnapshot(Y.mergeDeleteSets([held.ds, ...deletions]), stateVector ?? held.sv);
}

/** Deletions sorted and merged, as Yjs compares them (snapshotContainsUpdate). */
const normalised = (snapshot: Y.Snapshot): Y.Snapshot => Y.createSnapshot(Y.mergeDeleteSets([snapshot.ds]), snapshot.sv);
