import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { validator } from './validator';
import { meetingInput } from '../../shared/record/meeting-input';
import { createMeeting } from '../commands/create-meeting';
import { presentCreatedMeeting, presentMeeting } from '../presenters/meeting';
import type { Services } from '../services';
import { authorize } from '../policies/authorize';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { baseUrl, invalidBody } from './http';
import { meetingAccess, refuse } from './meeting-access';

// Asked before the body is read, so that a stranger learns nothing of what a meeting holds.
const requireAdministrator = createMiddleware<AppEnv>(async (c, next) => {
  const refusal = authorize(c.get('principal'), 'createMeetingByToken', null);
  if (refusal) return refuse(c, refusal);
  await next();
});

export function meetingRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post(
      '/',
      doc({ summary: 'Creates a meeting with its record and one invitation per participant (administrator token)', tag: 'Meetings' }),
      requireAdministrator,
      validator('json', meetingInput, invalidBody('invalid_meeting')),
      async (c) => {
        const created = await createMeeting(services, c.req.valid('json'), 'administrator');
        return c.json(presentCreatedMeeting(created, baseUrl(c, services.config)), 201);
      },
    )
    .get('/:id', doc({ summary: 'The meeting: facts, parties, participants, the record’s state, and who asks', tag: 'Meetings' }), async (c) => {
      const access = await meetingAccess(c, services, 'read');
      if (access instanceof Response) return access;
      const { principal, meeting, record } = access;
      const viewer = principal.kind === 'participant' ? principal.invitation : null;
      return c.json(await services.rooms.read(record, (doc) => presentMeeting(meeting, record, doc, viewer)), 200);
    });
}
