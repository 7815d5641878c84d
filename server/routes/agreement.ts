import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { markAgreement } from '../commands/mark-agreement';
import { agreeAllInItem } from '../commands/agree-all';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { meetingAccess } from './meeting-access';

const agreementRequest = z.object({ targetId: z.string().min(1).max(64), agreed: z.boolean() });

const REFUSALS = {
  not_allowed: [403, 'Only the head of delegation can mark agreement, and only for their own party.'],
  not_draft: [409, 'The record is locked: agreement can no longer change.'],
  unknown_target: [404, 'There is no such segment or action point in the record.'],
  unknown_agenda_item: [404, 'There is no such agenda item in the record.'],
} as const;

export function agreementRoutes(services: Services) {
  return new Hono<AppEnv>().post(
    '/:id/agreement',
    zValidator('json', agreementRequest, invalidBody('invalid_agreement_request')),
    async (c) => {
      const access = await meetingAccess(c, services, 'markAgreement', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const { participantId, actor } = access.by!;
      const { targetId, agreed } = c.req.valid('json');
      const result = await markAgreement(services, access.record, { ...actor, participantId }, targetId, agreed);
      if (!result.ok) {
        const [status, message] = REFUSALS[result.why];
        return c.json(apiError(result.why, message), status);
      }
      return c.json({ targetId: result.targetId, party: result.party, agreed: result.agreed }, 200);
    },
  )
    // Agree all remaining in one agenda item: every segment the head's party has not agreed as it reads now.
    .post('/:id/agreement/agenda-items/:itemId', async (c) => {
      const access = await meetingAccess(c, services, 'markAgreement', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const { participantId, actor } = access.by!;
      const result = await agreeAllInItem(services, access.record, { ...actor, participantId }, c.req.param('itemId'));
      if (!result.ok) {
        const [status, message] = REFUSALS[result.why];
        return c.json(apiError(result.why, message), status);
      }
      return c.json({ agendaItemId: result.agendaItemId, party: result.party, marked: result.marked }, 200);
    });
}
