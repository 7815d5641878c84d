// From the console into the workspace: an officer who manages the meeting opens it as its
// secretariat, with a participant session of their own, without an invitation link.
// Mounted at /api/console.
import { Hono } from 'hono';
import { validator } from './validator';
import { z } from 'zod';
import { partyCode } from '../../shared/record/meeting-input';
import { takeOfficerSeat } from '../commands/console/officer-seat';
import { openParticipantSession } from '../commands/participant-session';
import { presentViewer } from '../presenters/meeting';
import type { Services } from '../services';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { setSessionCookie } from './session';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

const seatRequest = z.object({ party: partyCode.optional() });

export function consoleWorkspaceRoutes(services: Services) {
  return new Hono<ConsoleEnv>().post(
    '/meetings/:id/workspace',
    doc({ summary: 'Opens the meeting’s workspace as its secretariat', tag: 'Console: meetings' }),
    requireConsoleUser(services),
    validator('json', seatRequest, invalidBody('invalid_seat')),
    async (c) => {
      const access = await consoleMeeting(c, services, 'seeMeeting');
      if (access instanceof Response) return access;
      const seat = await takeOfficerSeat(services, access.meeting, access.record, access.user, c.req.valid('json').party);
      if (!seat.ok) return refuse(c, seat.refusal);
      const { invitation, created } = seat.value;
      const session = await openParticipantSession(services, invitation, 'console');
      setSessionCookie(c, services, session);
      return c.json({ meetingId: access.meeting.id, documentId: access.meeting.currentDocumentId, you: presentViewer(invitation), seated: created }, 201);
    },
  );
}
