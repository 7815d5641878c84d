// A head of delegation marks (or withdraws) their party's agreement to one segment or
// action point. The server writes the mark, sealed with the digest of the text as it is.
import { findTarget, markFor } from '../../shared/record/agreement';
import { agreement, agreementKey } from '../../shared/record/schema';
import { can, type Actor } from '../../shared/roles';
import { audit } from '../audit';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';

export type MarkAgreementResult =
  | { ok: true; targetId: string; party: string; agreed: boolean }
  | { ok: false; why: 'not_allowed' | 'not_draft' | 'unknown_target' };

export async function markAgreement(
  services: Services,
  record: RecordRow,
  actor: Actor & { participantId: string },
  targetId: string,
  agreed: boolean,
): Promise<MarkAgreementResult> {
  const result = await services.rooms.withRoom(record, async (room): Promise<MarkAgreementResult> => {
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    if (!can(actor, 'markAgreement', room.record, { party: actor.party })) return { ok: false, why: 'not_allowed' };
    const target = findTarget(room.doc, targetId);
    if (!target) return { ok: false, why: 'unknown_target' };
    const key = agreementKey(target.id, actor.party);
    const stored = await room.applyServerChange((doc) => {
      if (agreed) agreement(doc).set(key, markFor(doc, target, actor.party, actor.participantId, services.now()));
      else agreement(doc).delete(key);
    });
    // Locked by another process between the catch-up and the write: storage said no.
    if (!stored) return { ok: false, why: 'not_draft' };
    return { ok: true, targetId: target.id, party: actor.party, agreed };
  });
  await audit(services, record.meetingId, actor.participantId, result.ok ? 'agreement.marked' : 'agreement.refused', {
    targetId,
    party: actor.party,
    agreed,
    ...(result.ok ? {} : { why: result.why }),
  });
  return result;
}
