// Party proposals over HTTP: make one for a cell, accept or reject one. The proposals
// themselves reach every client with the record (a root only the server writes).
import { Hono } from 'hono';
import { validator } from './validator';
import { decideProposal, proposeWording } from '../commands/proposals';
import { proposalDecision, proposalRequest } from '../../shared/proposal-requests';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { meetingAccess, refuse } from './meeting-access';

export function proposalRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post(
      '/:id/proposals',
      doc({ summary: 'Proposes wording for one cell', tag: 'Proposals' }),
      validator('json', proposalRequest, invalidBody('invalid_proposal')),
      async (c) => {
        const access = await meetingAccess(c, services, 'propose', { refusedAs: 'proposal.refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const result = await proposeWording(services, access.record, by, c.req.valid('json'));
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ proposal: result.value }, 201);
      },
    )
    .post(
      '/:id/proposals/:proposalId/decision',
      doc({ summary: 'Accepts or rejects a proposal', tag: 'Proposals' }),
      validator('json', proposalDecision, invalidBody('invalid_proposal_decision')),
      async (c) => {
        const access = await meetingAccess(c, services, 'decideProposal', { factsToRead: true, refusedAs: 'proposal.refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const result = await decideProposal(services, access.record, by, c.req.param('proposalId'), c.req.valid('json').decision);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ proposal: result.value }, 200);
      },
    );
}
