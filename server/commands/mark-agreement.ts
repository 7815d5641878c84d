// A head of delegation marks (or withdraws) their party's agreement to one segment or
// action point. The server writes the mark, sealed with the digest of the text as it is.
import { findTarget, markFor } from '../../shared/record/agreement';
import { agreement, agreementKey } from '../../shared/record/schema';
import { audit } from '../audit';
import { refusalDetail } from './lifecycle-audit';
import { askAuthorize } from './ask';
import { refused, type CommandResult, type Participant } from './lifecycle-result';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';

export type MarkAgreementResult = CommandResult<{ targetId: string; party: string; agreed: boolean }>;

export async function markAgreement(services: Services, record: RecordRow, by: Participant, targetId: string, agreed: boolean): Promise<MarkAgreementResult> {
  const actor = { ...by.actor, participantId: by.participantId };
  const result = await services.rooms.withRoom(record, async (room): Promise<MarkAgreementResult> => {
    // Locked since the route asked: the room's record is the one that counts.
    const notAllowed = askAuthorize(by, 'markAgreement', room.record, { party: actor.party });
    if (notAllowed) return refused(notAllowed);
    const target = findTarget(room.doc, targetId);
    if (!target) return refused({ code: 'unknown-target', targetId });
    const key = agreementKey(target.id, actor.party);
    const stored = await room.applyServerChange((doc) => {
      if (agreed) agreement(doc).set(key, markFor(doc, target, actor.party, actor.participantId, services.now()));
      else agreement(doc).delete(key);
    });
    // Locked by another process between the catch-up and the write: storage said no.
    if (!stored) return refused({ code: 'wrong-state', action: 'markAgreement', state: 'locked' });
    return { ok: true, value: { targetId: target.id, party: actor.party, agreed } };
  });
  await audit(services, record.meetingId, actor.participantId, result.ok ? 'agreement.marked' : 'agreement.refused', {
    targetId,
    party: actor.party,
    agreed,
    ...(result.ok ? {} : refusalDetail(result.refusal)),
  });
  return result;
}
