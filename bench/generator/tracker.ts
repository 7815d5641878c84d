// Latency to the last receiver: each sent update or awareness change is expected at every
// other thin client of its room; when the last one has it, the time since it was sent is
// one sample. Sender and receivers are in this process, on one clock.

interface Pending {
  t0: number;
  remaining: number;
  sender: number;
  measured: boolean;
  awareness: boolean;
}

export class Tracker {
  private readonly pending = new Map<string, Pending>();
  readonly updateLatencies: number[] = [];
  readonly awarenessLatencies: number[] = [];
  /** When each counted update was sent (performance.now()), beside its latency. */
  readonly updateSentAt: number[] = [];
  sentUpdates = 0;
  sentAwareness = 0;
  completed = 0;
  /** Arrivals that match nothing sent: echoes to the sender, other clients' awareness. */
  unmatched = 0;

  expect(room: number, key: string, sender: number, receivers: number, measured: boolean, awareness: boolean): void {
    const k = `${room}|${key}`;
    if (this.pending.has(k)) throw new Error(`two messages named ${k}`);
    if (awareness) this.sentAwareness++;
    else this.sentUpdates++;
    if (receivers === 0) return;
    this.pending.set(k, { t0: performance.now(), remaining: receivers, sender, measured, awareness });
  }

  arrive(room: number, key: string, receiver: number, _bytes: number): void {
    const k = `${room}|${key}`;
    const p = this.pending.get(k);
    if (!p) {
      this.unmatched++;
      return;
    }
    if (receiver === p.sender) return;
    if (--p.remaining > 0) return;
    this.pending.delete(k);
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
