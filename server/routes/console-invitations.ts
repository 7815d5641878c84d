// The printable QR sheet of a meeting's invitations. Each card is a new link (tokens
// are kept hashed, so no old link can be shown again): the sheet replaces the links it
// prints, so it is issued by a POST, never a GET (which any image on any page could
// make). Mounted at /api/console. The list, a fresh link and revoking are the
// /api/meetings/:id/invitations endpoints, open to the officers who manage the meeting.
import { Hono } from 'hono';
import { validator } from './validator';
import { sheetRequest } from '../../shared/console/invitation-sheet';
import { issueInvitationSheet } from '../commands/console/invitation-sheet';
import { readMeetingFacts } from '../../shared/record/schema';
import { invitationSheetHtml } from '../presenters/console/invitation-sheet';
import type { Services } from '../services';
import { doc } from './route-doc';
import { baseUrl, invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';

export function consoleInvitationRoutes(services: Services) {
  return new Hono<ConsoleEnv>().post(
    '/meetings/:id/invitations/sheet',
    doc({ summary: 'A printable sheet of new invitation links (replaces those it prints)', tag: 'Invitations', answers: 'text/html' }),
    requireConsoleUser(services),
    validator('json', sheetRequest, invalidBody('invalid_sheet_request')),
    async (c) => {
      const access = await consoleMeeting(c, services, 'seeMeeting');
      if (access instanceof Response) return access;
      const query = c.req.valid('json');
      const choice = { party: query.party, notJoined: query.notJoined ?? false, participants: query.participants ?? [] };
      const entries = await issueInvitationSheet(services, access.meeting, choice, access.user.actor);
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
