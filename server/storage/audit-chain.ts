// The audit log is a hash chain: each entry seals the one before it, so a removed or
// altered entry breaks every hash after it.
import { createHash } from 'node:crypto';
import type { AuditEntry } from './storage';

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const sealed = JSON.stringify([
    entry.prevHash,
    entry.meetingId,
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.detail,
  ]);
  return createHash('sha256').update(sealed).digest('hex');
}

/** Checks a whole chain; answers the seq of the first broken entry, or null if intact. */
export function firstBrokenLink(entries: AuditEntry[]): number | null {
  let prev = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.prevHash !== prev || auditHash(entry) !== entry.hash) return entry.seq;
    prev = entry.hash;
  }
  return null;
}
