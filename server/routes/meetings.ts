import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { zValidator } from '@hono/zod-validator';
import { meetingInput } from '../../shared/record/meeting-input';
import { createMeeting } from '../commands/create-meeting';
import { officerManages } from '../auth/officer-access';
import { presentCreatedMeeting, presentMeeting } from '../presenters/meeting';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { baseUrl, invalidBody } from './http';

// Checked before the body, so that a stranger learns nothing of what a meeting holds.
const requireAdministrator = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('principal')?.kind !== 'admin')
    return c.json(apiError('unauthorized', 'Creating a meeting needs the administrator token.'), 401);
  await next();
});

export function meetingRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post('/', requireAdministrator, zValidator('json', meetingInput, invalidBody('invalid_meeting')), async (c) => {
      const created = await createMeeting(services, c.req.valid('json'), 'administrator');
      return c.json(presentCreatedMeeting(created, baseUrl(c, services.config)), 201);
    })
    .get('/:id', async (c) => {
      const principal = c.get('principal');
      if (!principal) return c.json(apiError('unauthorized', 'Open your invitation link to sign in.'), 401);
      const meeting = await services.storage.getMeeting(c.req.param('id'));
      const allowed =
        meeting &&
        (principal.kind === 'admin' ||
          (principal.kind === 'officer'
            ? await officerManages(services.storage, principal.account, meeting.id)
            : principal.invitation.meetingId === meeting.id));
      if (!meeting || !allowed)
        return c.json(apiError('not_found', 'There is no meeting here that your invitation opens.'), 404);
      const record = await services.storage.getRecord(meeting.currentDocumentId);
      if (!record) throw new Error(`meeting ${meeting.id} has no current record`);
      const viewer = principal.kind === 'participant' ? principal.invitation : null;
      return c.json(await services.rooms.read(record, (doc) => presentMeeting(meeting, record, doc, viewer)), 200);
    });
}
