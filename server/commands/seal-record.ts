// What a lock seals, decided from what storage holds at the moment of the lock (inside the
// transaction that takes it): the canonical record built from the stored snapshot and
// updates, its hash, and whether the lifecycle allows the lock. Pure: storage calls it.
import * as Y from 'yjs';
import { transition, type LifecycleRecord, type LifecycleRefusal } from '../../shared/lifecycle';
import { lockBlockers } from '../../shared/record/agreement';
import { annexDigest, annexText } from '../../shared/cases/annex';
import { annexBlockers } from '../../shared/cases/annex-blockers';
import { canonicalRecord, canonicalText, type AuditHead } from '../../shared/record/canonical';
import { sha256Hex } from '../../shared/signing/fingerprint';
import { partsOf, type Seal } from '../storage/storage';
import { applyStored } from '../sync/record-document';
import type { Participant } from './lifecycle-result';

export interface SealFacts {
  meetingId: string;
  /** Who locks: all a seal needs of them is who they are in the record. */
  by: Pick<Participant, 'actor' | 'participantId'>;
  previousRecordHash: string | null;
  /** The audit log's head when the lock was asked for: the heads' signatures cover it. */
  auditHead: AuditHead;
  at: Date;
}

export function sealRecord({ meetingId, by, previousRecordHash, auditHead, at }: SealFacts): Seal<LifecycleRefusal> {
  return (stored, record, annex) => {
    const doc = new Y.Doc();
    try {
      applyStored(doc, partsOf(stored));
      const caseAnnex = { cases: annex.cases.length, digest: annexDigest(annex.cases) };
      const text = canonicalText(canonicalRecord(doc, { meetingId, version: record.version, previousRecordHash, auditHead, caseAnnex }));
      const recordHash = sha256Hex(new TextEncoder().encode(text));
      // A draft has no signatures, and the current record is the latest by definition.
      const lifecycle: LifecycleRecord = {
        state: record.state,
        version: record.version,
        recordHash: record.recordHash,
        previousRecordHash,
        parties: [],
        signatures: [],
        isLatest: true,
      };
      const outcome = transition(
        by.actor,
        lifecycle,
        {
          action: 'lock',
          blockers: [...lockBlockers(doc), ...annexBlockers(doc, { ...annex, dismissedKeys: annex.dismissals.map((d) => d.key) })],
          recordHash,
        },
        at,
      );
      if (!outcome.ok) return { refused: outcome.refusal };
      return {
        lock: {
          recordHash,
          canonical: text,
          finalState: Y.encodeStateAsUpdate(doc),
          lockedAt: outcome.at,
          lockedBy: by.participantId,
          // Sealed with the record, so later edits to the cases cannot change what was signed.
          ...(annex.cases.length > 0 ? { caseAnnex: annexText(annex.cases) } : {}),
        },
      };
    } finally {
      doc.destroy();
    }
  };
}
