// Locking: the record becomes final. Storage decides, in the transaction that takes the
// lock (the one every append takes too): the canonical record is built from what is
// stored at that moment, never from one process's memory, and no write lands after it.
// The room's queue is held meanwhile so this process's own writes in flight land first,
// and from setRecord on, the sync layer refuses every write and tells subscribed clients.
import { authorOf, saveLifecycleVersion } from '../history/versions';
import type { Services } from '../services';
import type { MeetingRow, RecordRow } from '../storage/storage';
import { auditOutcome } from './lifecycle-audit';
import { refused, type CommandResult, type Participant } from './lifecycle-result';
import { previousHashOf } from './record-facts';
import { sealRecord } from './seal-record';
import { headOf } from '../storage/audit-chain';

export interface Locked {
  record: RecordRow;
}

export async function lockRecord(services: Services, meeting: MeetingRow, by: Participant): Promise<CommandResult<Locked>> {
  const { storage } = services;
  const current = await storage.getRecord(meeting.currentDocumentId);
  if (!current) throw new Error(`meeting ${meeting.id} has no current record`);
  const previousRecordHash = await previousHashOf(services, current);

  const result = await services.rooms.withRoom(current, async (room): Promise<CommandResult<Locked>> => {
    // The audit log as it stands now goes into what the heads sign (record-format.md §2).
    const auditHead = headOf(await storage.listAudit(meeting.id));
    const seal = sealRecord({ meetingId: meeting.id, by, previousRecordHash, auditHead, at: services.now() });
    const outcome = await storage.lockRecord(current.documentId, seal);
    if ('refused' in outcome) return refused(outcome.refused);
    room.setRecord(outcome.locked, []);
    return { ok: true, value: { record: outcome.locked } };
  });

  await auditOutcome(services, meeting.id, by.participantId, 'record.lock', result, ({ record }) => [
    'record.locked',
    { version: record.version, recordHash: record.recordHash },
  ]);
  if (result.ok) await saveLifecycleVersion(services, result.value.record.documentId, 'lock', authorOf(by));
  return result;
}
