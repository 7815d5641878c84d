// The audit log is a chain: each entry is sealed together with the seal of the one before
// it, so a removed or altered entry breaks every seal after it. The seal is an HMAC-SHA-256
// under the server's audit key (server/auth/audit-key.ts), kept apart from the database:
// whoever can rewrite the database but not read the key cannot seal a rewritten entry, nor
// re-seal the chain after it. A chain cut at its end still links up, so its head (length
// and seal of the last entry) is written into the canonical record at every lock, where the
// heads' signatures cover it, and noted by the server apart from the database after every
// entry (audit-witness.ts): a log shorter than either says, or whose entry at that length
// has another seal, was cut or rebuilt.
import { createHmac } from 'node:crypto';
import type { AuditHead } from '../../shared/record/canonical';
import type { AuditEntry } from './storage';

export const GENESIS_HASH = '0'.repeat(64);

/** Seals an entry, given its predecessor's seal in `prevHash`, with the audit key. */
export const auditSeal =
  (key: Uint8Array) =>
  (entry: Omit<AuditEntry, 'hash'>): string =>
    createHmac('sha256', key)
      .update(JSON.stringify([entry.prevHash, entry.meetingId, entry.seq, entry.at, entry.actor, entry.action, entry.detail]))
      .digest('hex');

/** The head of a chain: how many entries it has and the seal of the last. */
export const headOf = (entries: readonly AuditEntry[]): AuditHead => ({
  length: entries.length,
  hash: entries.at(-1)?.hash ?? GENESIS_HASH,
});

/** A head seen earlier: written into a locked version's canonical record, or noted by the server's witness (version null). */
export interface AuditAnchor {
  version: number | null;
  head: AuditHead;
}

export type AuditProblem =
  /** The entry does not follow the one before it (one was removed, inserted or moved). */
  | { code: 'broken-link'; seq: number }
  /** The entry's seal does not match its content under the server's key: rewritten, or sealed without the key. */
  | { code: 'bad-seal'; seq: number }
  /** A lock (or the witness, version null) saw more entries than the log has now: its end was cut. */
  | { code: 'truncated'; version: number | null; sawLength: number; length: number }
  /** The entry at the length a lock (or the witness) saw is not the one it saw: the chain was rebuilt. */
  | { code: 'anchor-mismatch'; version: number | null; seq: number };

export interface AuditCheck {
  intact: boolean;
  /** The first entry that cannot be trusted, if any. */
  firstBrokenSeq: number | null;
  problems: AuditProblem[];
  head: AuditHead;
  /** The heads the chain was checked against, and whether it still holds what each saw. */
  anchors: (AuditAnchor & { holds: boolean })[];
}

/** Checks a whole chain, in order of seq, against its seals and the heads its locks saw. */
export function checkAuditChain(entries: readonly AuditEntry[], key: Uint8Array, anchors: readonly AuditAnchor[] = []): AuditCheck {
  const seal = auditSeal(key);
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  entries.forEach((entry, i) => {
    if (entry.prevHash !== prev || entry.seq !== i + 1) problems.push({ code: 'broken-link', seq: entry.seq });
    else if (seal(entry) !== entry.hash) problems.push({ code: 'bad-seal', seq: entry.seq });
    prev = entry.hash;
  });
  const checked = anchors.map((anchor) => {
    const { length, hash } = anchor.head;
    if (entries.length < length) {
      problems.push({ code: 'truncated', version: anchor.version, sawLength: length, length: entries.length });
      return { ...anchor, holds: false };
    }
    const at = length === 0 ? GENESIS_HASH : entries[length - 1]!.hash;
    if (at !== hash) problems.push({ code: 'anchor-mismatch', version: anchor.version, seq: length });
    return { ...anchor, holds: at === hash };
  });
  const seqs = problems.map((p) => ('seq' in p ? p.seq : p.length + 1));
  return {
    intact: problems.length === 0,
    firstBrokenSeq: seqs.length > 0 ? Math.min(...seqs) : null,
    problems,
    head: headOf(entries),
    anchors: checked,
  };
}
