// Party proposals over HTTP: make one for a cell, accept or reject one. The proposals
// themselves reach every client with the record (a root only the server writes).
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { decideProposal, proposeWording, type ProposalRefusal } from '../commands/proposals';
import { proposalDecision, proposalRequest } from '../../shared/proposal-requests';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { meetingAccess } from './meeting-access';

const REFUSALS: Record<ProposalRefusal, [403 | 404 | 409 | 400, string]> = {
  not_allowed: [403, 'Observers cannot propose; a proposal is accepted or rejected by the head of the party whose language the cell is in, or by the secretariat.'],
  not_draft: [409, 'The record is locked: proposals can no longer be made or decided.'],
  unknown_segment: [404, 'There is no such segment in the record.'],
  unknown_language: [404, 'The segment has no cell in that language.'],
  unknown_proposal: [404, 'There is no such proposal.'],
  already_decided: [409, 'The proposal was already accepted or rejected.'],
  unchanged: [400, 'The proposed wording is the same as the text: nothing to propose.'],
};

export function proposalRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post('/:id/proposals', zValidator('json', proposalRequest, invalidBody('invalid_proposal')), async (c) => {
      const access = await meetingAccess(c, services, 'propose', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const by = access.by!;
      const result = await proposeWording(services, access.record, by, c.req.valid('json'));
      if (!result.ok) {
        const [status, message] = REFUSALS[result.why];
        return c.json(apiError(result.why, message), status);
      }
      return c.json({ proposal: result.proposal }, 201);
    })
    .post('/:id/proposals/:proposalId/decision', zValidator('json', proposalDecision, invalidBody('invalid_proposal_decision')), async (c) => {
      const access = await meetingAccess(c, services, 'decideProposal', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const by = access.by!;
      const result = await decideProposal(services, access.record, by, c.req.param('proposalId'), c.req.valid('json').decision);
      if (!result.ok) {
        const [status, message] = REFUSALS[result.why];
        return c.json(apiError(result.why, message), status);
      }
      return c.json({ proposal: result.proposal }, 200);
    });
}
