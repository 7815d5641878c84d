// Latency to the last receiver: each sent update or awareness change is expected at every
// other thin client of its room; when the last one has it, the time since it was sent is
// one sample. Sender and receivers are in this process, on one clock.
//
// Hocuspocus 4.x batches its broadcasts per event-loop turn: the updates a document took in
// one turn go out merged into one update, and awareness as the latest state of each client
// that changed. A receiver there names what a message holds by its contents (arriveMerged,
// arriveAwarenessMerged): every sent update whose first struct lies in a struct of the
// message, or (an update that only deletes) whose first deleted range starts in one of the
// message's, and every awareness change of a client up to the clock the message carries
// (a state superseded within the turn arrives as the newer one: the receiver has it).
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

interface Pending {
  /** `${room}|${key}`, and where it is indexed by client (merged arrivals). */
  k: string;
  index: string;
  clock: number;
  t0: number;
  remaining: number;
  sender: number;
  measured: boolean;
  awareness: boolean;
}

/** The client and clock a key names: `c:k` (inserts), `a c:k` (awareness), `dc.k.len,…` (deletions). */
function indexOf(room: number, key: string): { index: string; clock: number } {
  if (key.startsWith('d')) {
    const [client, clock] = key.slice(1).split(',')[0]!.split('.');
    return { index: `${room}|d|${client}`, clock: Number(clock) };
  }
  const awareness = key.startsWith('a');
  const [client, clock] = (awareness ? key.slice(1) : key).split(':');
  return { index: `${room}|${awareness ? 'a' : 'u'}|${client}`, clock: Number(clock) };
}

export class Tracker {
  private readonly pending = new Map<string, Pending>();
  /** Pending messages by room, kind and client (only when `merged`). */
  private readonly byClient = new Map<string, Set<Pending>>();
  readonly updateLatencies: number[] = [];
  readonly awarenessLatencies: number[] = [];
  /** When each counted update was sent (performance.now()), beside its latency. */
  readonly updateSentAt: number[] = [];
  sentUpdates = 0;
  sentAwareness = 0;
  completed = 0;
  /** Arrivals that match nothing sent: echoes to the sender, other clients' awareness. */
  unmatched = 0;

  /** Told of every update's arrival at each receiver, by the name `expect` was given (`${room}|${key}`). */
  onReceived: ((name: string, receiver: number) => void) | null = null;

  /** `merged`: receivers call arriveMerged / arriveAwarenessMerged (Hocuspocus 4.x, Accord scaled out). */
  constructor(readonly merged = false) {}

  expect(room: number, key: string, sender: number, receivers: number, measured: boolean, awareness: boolean): void {
    const k = `${room}|${key}`;
    if (this.pending.has(k)) throw new Error(`two messages named ${k}`);
    if (awareness) this.sentAwareness++;
    else this.sentUpdates++;
    if (receivers === 0) return;
    const { index, clock } = this.merged ? indexOf(room, key) : { index: '', clock: 0 };
    const p: Pending = { k, index, clock, t0: performance.now(), remaining: receivers, sender, measured, awareness };
    this.pending.set(k, p);
    if (this.merged) {
      let set = this.byClient.get(index);
      if (!set) this.byClient.set(index, (set = new Set()));
      set.add(p);
    }
  }

  arrive(room: number, key: string, receiver: number, _bytes: number): void {
    const p = this.pending.get(`${room}|${key}`);
    if (!p) {
      this.unmatched++;
      return;
    }
    this.arrived(p, receiver);
  }

  /** A (possibly merged) update from Hocuspocus 4.x: everything sent that it holds has arrived. */
  arriveMerged(room: number, update: Uint8Array, receiver: number): void {
    const { structs, ds } = Y.decodeUpdate(update);
    const within = (index: string, from: number, to: number) => {
      const set = this.byClient.get(index);
      if (!set) return;
      for (const p of [...set]) if (p.clock >= from && p.clock < to) this.arrived(p, receiver);
    };
    // A Skip stands for clocks the message does not hold.
    for (const s of structs) if (!(s instanceof Y.Skip)) within(`${room}|u|${s.id.client}`, s.id.clock, s.id.clock + s.length);
    for (const [client, items] of ds.clients) for (const item of items) within(`${room}|d|${client}`, item.clock, item.clock + item.len);
  }

  /** An awareness message from Hocuspocus 4.x: each client's latest state, so every change of it up to that clock. */
  arriveAwarenessMerged(room: number, awarenessUpdate: Uint8Array, receiver: number): void {
    const d = decoding.createDecoder(awarenessUpdate);
    const n = decoding.readVarUint(d);
    for (let i = 0; i < n; i++) {
      const client = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      decoding.readVarString(d);
      const set = this.byClient.get(`${room}|a|${client}`);
      if (set) for (const p of [...set]) if (p.clock <= clock) this.arrived(p, receiver);
    }
  }

  private arrived(p: Pending, receiver: number): void {
    if (receiver === p.sender) return;
    if (!p.awareness) this.onReceived?.(p.k, receiver);
    if (--p.remaining > 0) return;
    this.pending.delete(p.k);
    if (this.merged) this.byClient.get(p.index)?.delete(p);
    this.completed++;
    if (!p.measured) return;
    if (p.awareness) this.awarenessLatencies.push(performance.now() - p.t0);
    else {
      this.updateLatencies.push(performance.now() - p.t0);
      this.updateSentAt.push(p.t0);
    }
  }

  /** Sent but not yet at every receiver. */
  get outstanding(): number {
    return this.pending.size;
  }

  outstandingUpdates(): number {
    let n = 0;
    for (const p of this.pending.values()) if (!p.awareness) n++;
    return n;
  }

  /** Waits until everything sent has arrived everywhere, or `timeoutMs` passes. */
  async drain(timeoutMs: number): Promise<boolean> {
    const end = performance.now() + timeoutMs;
    while (this.pending.size > 0 && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
    return this.pending.size === 0;
  }
}
