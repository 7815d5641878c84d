// Which stored updates a room's document holds. Updates from this process arrive in
// order; those of other processes (through the fan-out) may come out of order or not at
// all. Compaction may fold in only what lies below the watermark, and whatever storage
// holds above it is caught up from storage (rooms.ts compares the two).
export class AppliedSeqs {
  private ahead: [number, number][] = [];

  constructor(private through: number) {}

  /** Every update up to and including this sequence number is in the document. */
  get watermark(): number {
    return this.through;
  }

  mark(from: number, to: number): void {
    if (to <= this.through) return;
    this.ahead.push([from, to]);
    this.ahead.sort((a, b) => a[0] - b[0]);
    while (this.ahead.length > 0 && this.ahead[0]![0] <= this.through + 1) {
      this.through = Math.max(this.through, this.ahead.shift()![1]);
    }
  }

  /** After a full read of storage up to `seq`. */
  caughtUpTo(seq: number): void {
    this.mark(0, seq);
  }
}
