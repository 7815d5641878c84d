// The printable QR sheet of a meeting's invitations. Each card is a new link (tokens
// are kept hashed, so no old link can be shown again): the sheet replaces the links it
// prints. Mounted at /api/console. The list, a fresh link and revoking are the
// /api/meetings/:id/invitations endpoints, open to the officers who manage the meeting.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { sheetQuery } from '../../shared/console/invitation-sheet';
import { issueInvitationSheet } from '../commands/console/invitation-sheet';
import { readMeetingFacts } from '../../shared/record/schema';
import { invitationSheetHtml } from '../presenters/console/invitation-sheet';
import type { Services } from '../services';
import { baseUrl, invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';

export function consoleInvitationRoutes(services: Services) {
  return new Hono<ConsoleEnv>().get(
    '/meetings/:id/invitations/sheet',
    requireConsoleUser(services),
    zValidator('query', sheetQuery, invalidBody('invalid_query')),
    async (c) => {
      const access = await consoleMeeting(c, services, 'seeMeeting');
      if (access instanceof Response) return access;
      const query = c.req.valid('query');
      const participants = c.req.queries('participant') ?? [];
      const entries = await issueInvitationSheet(services, access.meeting, { party: query.party, notJoined: query.notJoined === 'true', participants }, access.user.actor);
      const facts = await services.rooms.read(access.record, (doc) => readMeetingFacts(doc));
      const lang = query.lang ?? facts.languages?.[0] ?? 'en';
      const title = facts.series?.[lang] ?? facts.series?.en ?? '';
      const html = await invitationSheetHtml({ code: facts.code, title }, entries, baseUrl(c, services.config), services.now());
      // Every load makes new links: nothing may keep a copy of the page.
      c.header('cache-control', 'no-store');
      return c.html(html, 200);
    },
  );
}
