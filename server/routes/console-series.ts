// A series: "next meeting" makes meeting n+1 from meeting n. Mounted at /api/console.
import { Hono } from 'hono';
import { validator } from './validator';
import { nextMeetingRequest } from '../../shared/console/next-meeting';
import { createNextMeeting } from '../commands/console/next-meeting';
import { presentIssued } from '../presenters/console/meeting';
import type { Services } from '../services';
import { doc } from './route-doc';
import { baseUrl, invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

export function consoleSeriesRoutes(services: Services) {
  return new Hono<ConsoleEnv>().post(
    '/meetings/:id/next',
    doc({ summary: 'Makes the next meeting of the series', tag: 'Console: meetings' }),
    requireConsoleUser(services),
    validator('json', nextMeetingRequest, invalidBody('invalid_next_meeting')),
    async (c) => {
      const access = await consoleMeeting(c, services, 'seeMeeting');
      if (access instanceof Response) return access;
      const result = await createNextMeeting(services, access.meeting, access.record, c.req.valid('json'), access.user);
      if (!result.ok) return refuse(c, result.refusal);
      const { created, seriesId, number, code, carried, casesCarried } = result.value;
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
    },
  );
}
