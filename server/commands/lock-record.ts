// Locking: the record becomes final. Runs with the record's queue held, so no edit lands
// between the check for agreement and the lock; from setRecord on, the sync layer refuses
// every write and tells subscribed clients.
import * as Y from 'yjs';
import { transition, type LifecycleRecord } from '../../shared/lifecycle';
import { lockBlockers } from '../../shared/record/agreement';
import { canonicalRecord, canonicalText } from '../../shared/record/canonical';
import { sha256Hex } from '../../shared/signing/fingerprint';
import type { Services } from '../services';
import type { MeetingRow, RecordRow } from '../storage/storage';
import { auditOutcome } from './lifecycle-audit';
import { refused, type CommandResult, type Participant } from './lifecycle-result';
import { previousHashOf } from './record-facts';
import { headOf } from '../storage/audit-chain';

export interface Locked {
  record: RecordRow;
}

export async function lockRecord(services: Services, meeting: MeetingRow, by: Participant): Promise<CommandResult<Locked>> {
  const { storage } = services;
  const current = await storage.getRecord(meeting.currentDocumentId);
  if (!current) throw new Error(`meeting ${meeting.id} has no current record`);

  const result = await services.rooms.withRoom(current, async (room): Promise<CommandResult<Locked>> => {
    const record = (await storage.getRecord(current.documentId)) ?? current;
    const previousRecordHash = await previousHashOf(services, record);
    // The audit log as it stands now goes into what the heads sign (record-format.md §2).
    const auditHead = headOf(await storage.listAudit(meeting.id));
    const canonical = canonicalRecord(room.doc, { meetingId: meeting.id, version: record.version, previousRecordHash, auditHead });
    const text = canonicalText(canonical);
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
    const event = { action: 'lock', blockers: lockBlockers(room.doc), recordHash } as const;
    const outcome = transition(by.actor, lifecycle, event, services.now());
    if (!outcome.ok) return refused(outcome.refusal);

    const stored = await storage.lockRecord({
      documentId: record.documentId,
      recordHash,
      canonical: text,
      finalState: Y.encodeStateAsUpdate(room.doc),
      lockedAt: outcome.at,
      lockedBy: by.participantId,
    });
    if (!stored) return refused({ code: 'conflict' });
    const locked: RecordRow = { ...record, state: 'locked', recordHash };
    room.setRecord(locked, []);
    return { ok: true, value: { record: locked } };
  });

  await auditOutcome(services, meeting.id, by.participantId, 'record.lock', result, ({ record }) => [
    'record.locked',
    { version: record.version, recordHash: record.recordHash },
  ]);
  return result;
}
