// A head of delegation agrees the case annex for their party, as it stands: the agreement
// holds the annex digest, so any later change to a case clears it by itself.
import { annexDigest } from '../../../shared/cases/annex';
import { audit } from '../../audit';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';
import { refused, type CommandResult, type Participant } from '../lifecycle-result';

export type AnnexAgreed = CommandResult<{ party: string; digest: string; agreed: boolean }>;

/** `digest` is the annex the head saw: a head never agrees an annex changed under their eyes. */
export async function agreeCaseAnnex(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  by: Participant,
  digest: string,
  agreed: boolean,
): Promise<AnnexAgreed> {
  const current = annexDigest(await services.storage.listCases(record.documentId));
  if (agreed && current !== digest) return refused({ code: 'stale-annex' });
  const at = services.now().toISOString();
  const party = by.actor.party;
  // Withdrawing is an agreement to nothing: no annex has this digest.
  const written = await services.storage.agreeCaseAnnex(record.documentId, { party, digest: agreed ? current : 'withdrawn', by: by.participantId, at });
  // Storage judged the record's state in the transaction: it is no longer a draft.
  if (!written.ok) return refused({ code: 'wrong-state', action: 'markAgreement', state: written.state });
  await audit(services, meeting.id, by.participantId, agreed ? 'case-annex.agreed' : 'case-annex.withdrawn', { party, digest: current });
  return { ok: true, value: { party, digest: current, agreed } };
}
