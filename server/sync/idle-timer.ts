// When a record's document has gone unchanged long enough to be dropped: one timer,
// pushed back by every change, that calls `onIdle` once the record has been still for
// `idleMs` (0: never).
export class IdleTimer {
  private lastChange = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {}

  /** The document changed (or was built): the wait starts again. */
  touched(): void {
    this.lastChange = Date.now();
    this.schedule(this.idleMs);
  }

  get isIdle(): boolean {
    return Date.now() - this.lastChange >= this.idleMs;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(afterMs: number): void {
    if (this.timer || this.stopped || this.idleMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const still = Date.now() - this.lastChange;
      if (still < this.idleMs) this.schedule(this.idleMs - still);
      else this.onIdle();
    }, afterMs);
    this.timer.unref();
  }
}
