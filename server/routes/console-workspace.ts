// From the console into the workspace: an officer who manages the meeting opens it as its
// secretariat, with a participant session of their own, without an invitation link.
// Mounted at /api/console.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { partyCode } from '../../shared/record/meeting-input';
import { takeOfficerSeat } from '../commands/console/officer-seat';
import { openParticipantSession } from '../commands/participant-session';
import { presentViewer } from '../presenters/meeting';
import type { Services } from '../services';
import { apiError } from './env';
import { invalidBody } from './http';
import { setSessionCookie } from './session';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';

const seatRequest = z.object({ party: partyCode.optional() });

export function consoleWorkspaceRoutes(services: Services) {
  return new Hono<ConsoleEnv>().post(
    '/meetings/:id/workspace',
    requireConsoleUser(services),
    zValidator('json', seatRequest, invalidBody('invalid_seat')),
    async (c) => {
      const access = await consoleMeeting(c, services, 'seeMeeting');
      if (access instanceof Response) return access;
      const seat = await takeOfficerSeat(services, access.meeting, access.record, access.user, c.req.valid('json').party);
      if (!seat.ok && seat.why === 'no_account')
        return c.json(
          apiError('no_account', 'The administrator token has no place on a roster: sign in to the console with an account to open the workspace.'),
          403,
        );
      if (!seat.ok && seat.why === 'not_a_party')
        return c.json(
          {
            error: {
              code: 'not_a_party',
              message: 'Choose which party’s secretariat you sit with: your own party is not a party of this meeting.',
              parties: seat.parties,
            },
          },
          409,
        );
      if (!seat.ok)
        return c.json(
          apiError(
            'roster_fixed',
            'The record is locked: its roster is fixed, so you cannot join it as secretariat now. Ask a secretariat on the roster for an invitation link.',
          ),
          409,
        );
      const session = await openParticipantSession(services, seat.invitation, 'console');
      setSessionCookie(c, services, session);
      return c.json(
        { meetingId: access.meeting.id, documentId: access.meeting.currentDocumentId, you: presentViewer(seat.invitation), seated: seat.created },
        201,
      );
    },
  );
}
