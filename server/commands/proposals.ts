// Party proposals: a participant suggests wording for one cell; the head of the party whose
// language the cell is in, or the secretariat, accepts it (the server writes the wording as
// an edit) or rejects it. Every step is the server's own change to a root clients cannot
// write, so nobody forges, accepts or withdraws a proposal by a raw Yjs update.
import { findTarget } from '../../shared/record/agreement';
import { applyWording, cellText, partyOfLanguage, proposals, type Proposal } from '../../shared/record/proposals';
import { lapses, newLapses } from '../../shared/record/lapses';
import { agreementKey } from '../../shared/record/schema';
import { newId } from '../auth/tokens';
import { audit } from '../audit';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';
import { refusalDetail } from './lifecycle-audit';
import { askAuthorize } from './ask';
import { refused, type CommandResult, type Participant } from './lifecycle-result';

export type ProposalResult = CommandResult<Proposal>;

export interface ProposalRequest {
  segmentId: string;
  language: string;
  text: string;
}

export async function proposeWording(services: Services, record: RecordRow, by: Participant, request: ProposalRequest): Promise<ProposalResult> {
  const result = await services.rooms.withRoom(record, async (room): Promise<ProposalResult> => {
    // Locked since the route asked: the room's record is the one that counts.
    const notAllowed = askAuthorize(by, 'propose', room.record);
    if (notAllowed) return refused(notAllowed);
    const target = findTarget(room.doc, request.segmentId);
    if (target?.kind !== 'segment') return refused({ code: 'unknown-segment', segmentId: request.segmentId });
    const baseText = cellText(target.segment, request.language);
    if (baseText === undefined) return refused({ code: 'unknown-language', language: request.language });
    if (baseText === request.text) return refused({ code: 'unchanged' });
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
    return stored ? { ok: true, value: proposal } : refused({ code: 'wrong-state', action: 'propose', state: 'locked' });
  });
  await audit(services, record.meetingId, by.participantId, result.ok ? 'proposal.made' : 'proposal.refused', {
    segmentId: request.segmentId,
    language: request.language,
    ...(result.ok ? { proposalId: result.value.id } : refusalDetail(result.refusal)),
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
    // Locked since the route asked: answered as locked to whoever could decide on a draft.
    const notNow = askAuthorize(by, 'decideProposal', room.record, { party: by.actor.party });
    if (notNow) return refused(notNow);
    const proposal = proposals(room.doc).get(proposalId);
    if (!proposal) return refused({ code: 'unknown-proposal', proposalId });
    const notAllowed = askAuthorize(by, 'decideProposal', room.record, { party: partyOfLanguage(room.doc, proposal.language) });
    if (notAllowed) return refused(notAllowed);
    if (proposal.state !== 'open') return refused({ code: 'already-decided', proposalId });
    const target = findTarget(room.doc, proposal.segmentId);
    // The segment was removed since: the proposal can only be rejected.
    if (decision === 'accepted' && target?.kind !== 'segment') return refused({ code: 'unknown-segment', segmentId: proposal.segmentId });
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
    return stored ? { ok: true, value: decided } : refused({ code: 'wrong-state', action: 'decideProposal', state: 'locked' });
  });
  await audit(services, record.meetingId, by.participantId, result.ok ? `proposal.${decision}` : 'proposal.refused', {
    proposalId,
    ...(result.ok
      ? { segmentId: result.value.segmentId, language: result.value.language, proposedBy: result.value.by }
      : { ...refusalDetail(result.refusal), decision }),
  });
  return result;
}
