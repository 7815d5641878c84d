// "Agree all remaining in this item": a head of delegation marks, in one server command,
// every segment of one agenda item that their party has not agreed as it now reads.
import { agreementOf, agreementTargets, markFor } from '../../shared/record/agreement';
import { agenda, agendaItemId, agreement, agreementKey } from '../../shared/record/schema';
import { can, type Actor } from '../../shared/roles';
import { audit } from '../audit';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';

export type AgreeAllResult = { ok: true; agendaItemId: string; party: string; marked: string[] } | { ok: false; why: 'not_allowed' | 'not_draft' | 'unknown_agenda_item' };

export async function agreeAllInItem(
  services: Services,
  record: RecordRow,
  actor: Actor & { participantId: string },
  itemId: string,
): Promise<AgreeAllResult> {
  const result = await services.rooms.withRoom(record, async (room): Promise<AgreeAllResult> => {
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    if (!can(actor, 'markAgreement', room.record, { party: actor.party })) return { ok: false, why: 'not_allowed' };
    if (!agenda(room.doc).toArray().some((item) => agendaItemId(item) === itemId)) return { ok: false, why: 'unknown_agenda_item' };
    const remaining = agreementTargets(room.doc).filter((t) => t.kind === 'segment' && t.agendaItemId === itemId && !agreementOf(room.doc, t)[actor.party]);
    if (remaining.length === 0) return { ok: true, agendaItemId: itemId, party: actor.party, marked: [] };
    const at = services.now();
    const stored = await room.applyServerChange((doc) => {
      for (const target of remaining) agreement(doc).set(agreementKey(target.id, actor.party), markFor(doc, target, actor.party, actor.participantId, at));
    });
    if (!stored) return { ok: false, why: 'not_draft' };
    return { ok: true, agendaItemId: itemId, party: actor.party, marked: remaining.map((t) => t.id) };
  });
  await audit(services, record.meetingId, actor.participantId, result.ok ? 'agreement.marked-all' : 'agreement.refused', {
    agendaItemId: itemId,
    party: actor.party,
    ...(result.ok ? { targetIds: result.marked } : { why: result.why }),
  });
  return result;
}
