// Meetings at the console: create one (the body of POST /api/meetings), list those the
// user manages, read one, edit its facts while a draft, and give it to another officer.
// Mounted at /api/console.
import { Hono } from 'hono';
import { validator } from './validator';
import { grantRequest } from '../../shared/console/accounts';
import { factsPatch } from '../../shared/console/meeting-facts';
import { meetingInput } from '../../shared/record/meeting-input';
import { audit } from '../audit';
import { createConsoleMeeting, grant } from '../commands/console/create-meeting';
import { editFacts } from '../commands/console/edit-facts';
import { seriesMeetings, visibleMeetings } from '../commands/console/register';
import { presentConsoleMeeting, presentIssued, presentMeetingSummary } from '../presenters/console/meeting';
import type { Services } from '../services';
import { doc } from './route-doc';
import { baseUrl, invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

export function consoleMeetingRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);
  const { storage } = services;

  return new Hono<ConsoleEnv>()
    .post(
      '/meetings',
      doc({ summary: 'Creates a meeting, managed by its maker', tag: 'Console: meetings' }),
      signedIn,
      validator('json', meetingInput, invalidBody('invalid_meeting')),
      async (c) => {
        const created = await createConsoleMeeting(services, c.req.valid('json'), c.get('user'));
        const { meetingId, documentId, seriesId } = created;
        return c.json({ meetingId, documentId, seriesId, invitations: presentIssued(created.invitations, baseUrl(c, services.config)) }, 201);
      },
    )
    .get('/meetings', doc({ summary: 'The meetings the console user manages', tag: 'Console: meetings' }), signedIn, async (c) => {
      const visible = await visibleMeetings(services, c.get('user'));
      const meetings = [];
      for (const v of visible) meetings.push(await services.rooms.read(v.record, (doc) => presentMeetingSummary(v.meeting, v.record, v.seriesId, doc)));
      return c.json({ meetings }, 200);
    })
    .get('/meetings/:id', doc({ summary: 'One meeting as the console shows it', tag: 'Console: meetings' }), signedIn, async (c) => {
      const access = await consoleMeeting(c, services, 'seeMeeting');
      if (access instanceof Response) return access;
      const { meeting, record } = access;
      const [place, invitations, grants] = await Promise.all([
        storage.seriesPlaceOf(meeting.id),
        storage.listInvitations(meeting.id),
        storage.listMeetingOfficers(meeting.id),
      ]);
      const officers = await Promise.all(grants.map(async (g) => ({ grant: g, account: await storage.getAccount(g.accountId) })));
      const body = await services.rooms.read(record, (doc) => presentConsoleMeeting(meeting, record, place?.seriesId ?? null, doc, invitations, officers));
      const series = place ? await seriesMeetings(services, access.user, place.seriesId) : [];
      return c.json({ ...body, seriesMeetings: series }, 200);
    })
    .patch(
      '/meetings/:id/facts',
      doc({ summary: 'Edits a draft’s facts', tag: 'Console: meetings' }),
      signedIn,
      validator('json', factsPatch, invalidBody('invalid_facts')),
      async (c) => {
        const access = await consoleMeeting(c, services, 'editMeeting');
        if (access instanceof Response) return access;
        const result = await editFacts(services, access.meeting, access.record, c.req.valid('json'), access.user);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json(result.value, 200);
      },
    )
    .post(
      '/meetings/:id/officers',
      doc({ summary: 'Gives the meeting to another officer too', tag: 'Console: meetings' }),
      signedIn,
      validator('json', grantRequest, invalidBody('invalid_grant')),
      async (c) => {
        const access = await consoleMeeting(c, services, 'grantMeeting');
        if (access instanceof Response) return access;
        const account = await storage.findAccountByLogin(c.req.valid('json').login);
        if (!account || account.disabledAt) return refuse(c, { code: 'unknown-account' });
        await grant(services, access.meeting.id, account.id, access.user.actor);
        await audit(services, access.meeting.id, access.user.actor, 'meeting.officer-granted', { accountId: account.id });
        return c.json({ meetingId: access.meeting.id, accountId: account.id, name: account.name, login: account.login }, 201);
      },
    );
}
