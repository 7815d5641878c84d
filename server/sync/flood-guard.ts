// Nobody types faster than a few dozen keystrokes a second. A connection that sends more
// is slowed (its socket stops being read for a while), and cut off if it keeps on; a
// meeting's total is bounded too, so one noisy meeting cannot starve another.

export interface FloodLimits {
  connectionMessagesPerSecond: number;
  connectionBurst: number;
  recordMessagesPerSecond: number;
  recordBurst: number;
  /** A connection slowed this many times within `cutoffWindowMs` is closed. */
  cutoffAfterSlowdowns: number;
  cutoffWindowMs: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  connectionMessagesPerSecond: 200,
  connectionBurst: 600,
  recordMessagesPerSecond: 2000,
  recordBurst: 6000,
  cutoffAfterSlowdowns: 30,
  cutoffWindowMs: 10_000,
};

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes one token; answers 0, or how long to wait (ms) until the debt is paid. */
  take(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.perSecond) / 1000);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.perSecond);
  }
}

export type FloodVerdict = { action: 'pass' } | { action: 'slow'; ms: number } | { action: 'cut' };

/** One per connection: weighs each message against its own and its record's budget. */
export class FloodGuard {
  private readonly own: TokenBucket;
  private slowdowns: number[] = [];

  constructor(
    private readonly limits: FloodLimits,
    private readonly record: TokenBucket,
    now: number,
  ) {
    this.own = new TokenBucket(limits.connectionMessagesPerSecond, limits.connectionBurst, now);
  }

  weigh(now: number): FloodVerdict {
    const own = this.own.take(now);
    const record = this.record.take(now);
    if (own === 0) return record === 0 ? { action: 'pass' } : { action: 'slow', ms: record };
    // Only a connection's own excess counts against it; a busy meeting merely slows it.
    this.slowdowns = this.slowdowns.filter((t) => now - t < this.limits.cutoffWindowMs);
    this.slowdowns.push(now);
    if (this.slowdowns.length >= this.limits.cutoffAfterSlowdowns) return { action: 'cut' };
    return { action: 'slow', ms: Math.max(own, record) };
  }
}
