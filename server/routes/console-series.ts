// A series: "next meeting" makes meeting n+1 from meeting n. Mounted at /api/console.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { nextMeetingRequest } from '../../shared/console/next-meeting';
import { createNextMeeting } from '../commands/console/next-meeting';
import { presentIssued } from '../presenters/console/meeting';
import type { Services } from '../services';
import { apiError } from './env';
import { baseUrl, invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';

export function consoleSeriesRoutes(services: Services) {
  return new Hono<ConsoleEnv>().post(
    '/meetings/:id/next',
    requireConsoleUser(services),
    zValidator('json', nextMeetingRequest, invalidBody('invalid_next_meeting')),
    async (c) => {
      const access = await consoleMeeting(c, services, 'seeMeeting');
      if (access instanceof Response) return access;
      const result = await createNextMeeting(services, access.meeting, access.record, c.req.valid('json'), access.user);
      if (result.ok) {
        const { created, seriesId, number, code, carried, casesCarried } = result;
        return c.json(
          {
            meetingId: created.meetingId,
            documentId: created.documentId,
            seriesId,
            number,
            code,
            carried,
            casesCarried,
            invitations: presentIssued(created.invitations, baseUrl(c, services.config)),
          },
          201,
        );
      }
      if (result.why === 'taken')
        return c.json(
          {
            error: {
              code: 'next_meeting_exists',
              message: `Meeting ${result.number} of this series exists already.`,
              meetingId: result.meetingId,
              number: result.number,
            },
          },
          409,
        );
      return c.json(apiError('invalid_next_meeting', 'The next meeting could not be made from this one; nothing was stored.', result.problems), 409);
    },
  );
}
