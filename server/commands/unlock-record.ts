// Unlocking, before the last signature: the record goes back to draft and every
// signature already given is voided. Voided signatures are kept and shown, and each is
// written to the audit log, so nobody's signature disappears silently.
import { authorOf, saveLifecycleVersion } from '../history/versions';
import { transition } from '../../shared/lifecycle';
import { audit } from '../audit';
import type { Services } from '../services';
import type { MeetingRow, RecordRow, SignatureRow } from '../storage/storage';
import { auditOutcome } from './lifecycle-audit';
import { refused, type CommandResult, type Participant } from './lifecycle-result';
import { lifecycleOf, liveSignatures, loadRecordFacts, statementOf } from './record-facts';

export interface Unlocked {
  record: RecordRow;
  voided: SignatureRow[];
}

export async function unlockRecord(services: Services, meeting: MeetingRow, by: Participant, reason: string | undefined): Promise<CommandResult<Unlocked>> {
  const { storage } = services;
  const current = await storage.getRecord(meeting.currentDocumentId);
  if (!current) throw new Error(`meeting ${meeting.id} has no current record`);

  const result = await services.rooms.withRoom(current, async (room): Promise<CommandResult<Unlocked>> => {
    const record = (await storage.getRecord(current.documentId)) ?? current;
    const facts = await loadRecordFacts(services, meeting, record);
    const outcome = transition(by.actor, lifecycleOf(facts), { action: 'unlock' }, services.now());
    if (!outcome.ok) return refused(outcome.refusal);
    if (!(await storage.unlockRecord(record.documentId, outcome.at))) return refused({ code: 'conflict' });
    const draft: RecordRow = { ...record, state: 'draft', recordHash: null };
    room.setRecord(draft, []);
    const voided = liveSignatures(facts.signatures).map((s) => ({ ...s, voidedAt: outcome.at }));
    return { ok: true, value: { record: draft, voided } };
  });

  if (result.ok) {
    for (const signature of result.value.voided) {
      const statement = statementOf(signature);
      await audit(services, meeting.id, by.participantId, 'signature.voided', {
        version: current.version,
        party: signature.party,
        signerName: statement.signerName,
        signedAt: statement.signedAt,
        recordHash: signature.recordHash,
      });
    }
  }
  await auditOutcome(services, meeting.id, by.participantId, 'record.unlock', result, ({ record, voided }) => [
    'record.unlocked',
    { version: record.version, voidedSignatures: voided.map((s) => s.party), ...(reason ? { reason } : {}) },
  ]);
  if (result.ok) await saveLifecycleVersion(services, result.value.record.documentId, 'unlock', authorOf(by));
  return result;
}
