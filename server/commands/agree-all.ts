// "Agree all remaining in this item": a head of delegation marks, in one server command,
// every segment of one agenda item that their party has not agreed as it now reads.
import { agreementOf, agreementTargets, markFor } from '../../shared/record/agreement';
import { agenda, agendaItemId, agreement, agreementKey } from '../../shared/record/schema';
import { audit } from '../audit';
import { refusalDetail } from './lifecycle-audit';
import { askAuthorize } from './ask';
import { refused, type CommandResult, type Participant } from './lifecycle-result';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';

export type AgreeAllResult = CommandResult<{ agendaItemId: string; party: string; marked: string[] }>;

export async function agreeAllInItem(services: Services, record: RecordRow, by: Participant, itemId: string): Promise<AgreeAllResult> {
  const actor = { ...by.actor, participantId: by.participantId };
  const result = await services.rooms.withRoom(record, async (room): Promise<AgreeAllResult> => {
    // Locked since the route asked: the room's record is the one that counts.
    const notAllowed = askAuthorize(by, 'markAgreement', room.record, { party: actor.party });
    if (notAllowed) return refused(notAllowed);
    if (
      !agenda(room.doc)
        .toArray()
        .some((item) => agendaItemId(item) === itemId)
    )
      return refused({ code: 'unknown-agenda-item', itemId });
    const remaining = agreementTargets(room.doc).filter((t) => t.kind === 'segment' && t.agendaItemId === itemId && !agreementOf(room.doc, t)[actor.party]);
    if (remaining.length === 0) return { ok: true, value: { agendaItemId: itemId, party: actor.party, marked: [] } };
    const at = services.now();
    const stored = await room.applyServerChange((doc) => {
      for (const target of remaining) agreement(doc).set(agreementKey(target.id, actor.party), markFor(doc, target, actor.party, actor.participantId, at));
    });
    if (!stored) return refused({ code: 'wrong-state', action: 'markAgreement', state: 'locked' });
    return { ok: true, value: { agendaItemId: itemId, party: actor.party, marked: remaining.map((t) => t.id) } };
  });
  await audit(services, record.meetingId, actor.participantId, result.ok ? 'agreement.marked-all' : 'agreement.refused', {
    agendaItemId: itemId,
    party: actor.party,
    ...(result.ok ? { targetIds: result.value.marked } : refusalDetail(result.refusal)),
  });
  return result;
}
