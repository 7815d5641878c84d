import { Hono } from 'hono';
import { validator } from './validator';
import { z } from 'zod';
import { markAgreement } from '../commands/mark-agreement';
import { agreeAllInItem } from '../commands/agree-all';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { meetingAccess, refuse } from './meeting-access';

const agreementRequest = z.object({ targetId: z.string().min(1).max(64), agreed: z.boolean() });

export function agreementRoutes(services: Services) {
  return (
    new Hono<AppEnv>()
      .post(
        '/:id/agreement',
        doc({ summary: 'Marks a segment or action point agreed (or not) for the head’s own party', tag: 'Agreement' }),
        validator('json', agreementRequest, invalidBody('invalid_agreement_request')),
        async (c) => {
          const access = await meetingAccess(c, services, 'markAgreement', { refusedAs: 'agreement.refused' });
          if (access instanceof Response) return access;
          const { targetId, agreed } = c.req.valid('json');
          const result = await markAgreement(services, access.record, access.by!, targetId, agreed);
          if (!result.ok) return refuse(c, result.refusal);
          return c.json(result.value, 200);
        },
      )
      // Agree all remaining in one agenda item: every segment the head's party has not agreed as it reads now.
      .post(
        '/:id/agreement/agenda-items/:itemId',
        doc({ summary: 'Agrees every segment of an agenda item the head’s party has not agreed yet', tag: 'Agreement' }),
        async (c) => {
          const access = await meetingAccess(c, services, 'markAgreement', { refusedAs: 'agreement.refused' });
          if (access instanceof Response) return access;
          const result = await agreeAllInItem(services, access.record, access.by!, c.req.param('itemId'));
          if (!result.ok) return refuse(c, result.refusal);
          return c.json(result.value, 200);
        },
      )
  );
}
