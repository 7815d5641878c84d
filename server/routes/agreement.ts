import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { markAgreement } from '../commands/mark-agreement';
import { agreeAllInItem } from '../commands/agree-all';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { invalidBody } from './http';
import { meetingAccess, refuse } from './meeting-access';

const agreementRequest = z.object({ targetId: z.string().min(1).max(64), agreed: z.boolean() });

export function agreementRoutes(services: Services) {
  return (
    new Hono<AppEnv>()
      .post('/:id/agreement', zValidator('json', agreementRequest, invalidBody('invalid_agreement_request')), async (c) => {
        const access = await meetingAccess(c, services, 'markAgreement', { decidedInCommand: true });
        if (access instanceof Response) return access;
        const { participantId, actor } = access.by!;
        const { targetId, agreed } = c.req.valid('json');
        const result = await markAgreement(services, access.record, { ...actor, participantId }, targetId, agreed);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json(result.value, 200);
      })
      // Agree all remaining in one agenda item: every segment the head's party has not agreed as it reads now.
      .post('/:id/agreement/agenda-items/:itemId', async (c) => {
        const access = await meetingAccess(c, services, 'markAgreement', { decidedInCommand: true });
        if (access instanceof Response) return access;
        const { participantId, actor } = access.by!;
        const result = await agreeAllInItem(services, access.record, { ...actor, participantId }, c.req.param('itemId'));
        if (!result.ok) return refuse(c, result.refusal);
        return c.json(result.value, 200);
      })
  );
}
