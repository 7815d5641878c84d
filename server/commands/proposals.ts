// Party proposals: a participant suggests wording for one cell; the head of the party whose
// language the cell is in, or the secretariat, accepts it (the server writes the wording as
// an edit) or rejects it. Every step is the server's own change to a root clients cannot
// write, so nobody forges, accepts or withdraws a proposal by a raw Yjs update.
import { findTarget } from '../../shared/record/agreement';
import { applyWording, cellText, partyOfLanguage, proposals, type Proposal } from '../../shared/record/proposals';
import { can } from '../../shared/roles';
import { lapses, newLapses } from '../../shared/record/lapses';
import { agreementKey } from '../../shared/record/schema';
import { newId } from '../auth/tokens';
import { audit } from '../audit';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';
import type { Participant } from './lifecycle-result';

export type ProposalRefusal = 'not_allowed' | 'not_draft' | 'unknown_segment' | 'unknown_language' | 'unknown_proposal' | 'already_decided' | 'unchanged';

export type ProposalResult = { ok: true; proposal: Proposal } | { ok: false; why: ProposalRefusal };

export interface ProposalRequest {
  segmentId: string;
  language: string;
  text: string;
}

export async function proposeWording(services: Services, record: RecordRow, by: Participant, request: ProposalRequest): Promise<ProposalResult> {
  const result = await services.rooms.withRoom(record, async (room): Promise<ProposalResult> => {
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    if (!can(by.actor, 'propose', room.record)) return { ok: false, why: 'not_allowed' };
    const target = findTarget(room.doc, request.segmentId);
    if (target?.kind !== 'segment') return { ok: false, why: 'unknown_segment' };
    const baseText = cellText(target.segment, request.language);
    if (baseText === undefined) return { ok: false, why: 'unknown_language' };
    if (baseText === request.text) return { ok: false, why: 'unchanged' };
    const proposal: Proposal = {
      id: newId(),
      segmentId: target.id,
      agendaItemId: target.agendaItemId,
      language: request.language,
      text: request.text,
      baseText,
      by: by.participantId,
      byName: by.name,
      party: by.actor.party,
      at: services.now().toISOString(),
      state: 'open',
    };
    const stored = await room.applyServerChange((doc) => proposals(doc).set(proposal.id, proposal));
    return stored ? { ok: true, proposal } : { ok: false, why: 'not_draft' };
  });
  await audit(services, record.meetingId, by.participantId, result.ok ? 'proposal.made' : 'proposal.refused', {
    segmentId: request.segmentId,
    language: request.language,
    ...(result.ok ? { proposalId: result.proposal.id } : { why: result.why }),
  });
  return result;
}

export async function decideProposal(
  services: Services,
  record: RecordRow,
  by: Participant,
  proposalId: string,
  decision: 'accepted' | 'rejected',
): Promise<ProposalResult> {
  const result = await services.rooms.withRoom(record, async (room): Promise<ProposalResult> => {
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    const proposal = proposals(room.doc).get(proposalId);
    if (!proposal) return { ok: false, why: 'unknown_proposal' };
    if (!can(by.actor, 'decideProposal', room.record, { party: partyOfLanguage(room.doc, proposal.language) })) return { ok: false, why: 'not_allowed' };
    if (proposal.state !== 'open') return { ok: false, why: 'already_decided' };
    const target = findTarget(room.doc, proposal.segmentId);
    // The segment was removed since: the proposal can only be rejected.
    if (decision === 'accepted' && target?.kind !== 'segment') return { ok: false, why: 'unknown_segment' };
    const decided: Proposal = { ...proposal, state: decision, decidedBy: by.participantId, decidedByName: by.name, decidedAt: services.now().toISOString() };
    const stored = await room.applyServerChange((doc) => {
      if (decision === 'accepted' && target?.kind === 'segment') {
        applyWording(target.segment, proposal.language, proposal.text);
        // The accepted wording is an edit like any other: marks it lapses are noted, naming who accepted it.
        const touched = new Map([[target.id, new Set([proposal.language])]]);
        for (const lapse of newLapses(doc, touched, { participantId: by.participantId, name: by.name, party: by.actor.party }, services.now()))
          lapses(doc).set(agreementKey(lapse.targetId, lapse.party), lapse);
      }
      proposals(doc).set(proposal.id, decided);
    });
    return stored ? { ok: true, proposal: decided } : { ok: false, why: 'not_draft' };
  });
  await audit(services, record.meetingId, by.participantId, result.ok ? `proposal.${decision}` : 'proposal.refused', {
    proposalId,
    ...(result.ok ? { segmentId: result.proposal.segmentId, language: result.proposal.language, proposedBy: result.proposal.by } : { why: result.why, decision }),
  });
  return result;
}
