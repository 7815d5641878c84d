// From the console into the workspace, on SQLite and on PostgreSQL: an officer opens a
// meeting as its secretariat without inviting themselves (seated once, on the roster as
// their party's secretariat, then as any secretariat); and edits a draft's agenda, each
// change written into the record and logged, refused once the record is locked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { recordCopy, startTestServer, type TestServer } from '../helpers/server';
import { admin, call, cookieOf, meetingBody, officer } from '../helpers/console';
import { agreeEverything } from '../helpers/lifecycle';
import { agenda, agendaItemId, agendaItemTitle, minutes, participants, readLocalizedYText } from '../../shared/record/schema';
import { DATABASE_URL } from '../helpers/service-urls';

describe.each(['sqlite', 'postgres'] as const)('the officer’s way into the workspace, on %s', (backend) => {
  const schema = `accord_seat_${randomBytes(4).toString('hex')}`;
  let server: TestServer;
  let thai: { cookie: string; accountId: string };
  beforeAll(async () => {
    server = await startTestServer(backend === 'postgres' ? { databaseUrl: DATABASE_URL, databaseSchema: schema, singleProcess: true } : {});
    thai = await officer(server, `thai.${backend}@example.org`, 'TH');
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    if (backend !== 'postgres') return;
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const docOf = async (meetingId: string) => {
    const meeting = await server.services.storage.getMeeting(meetingId);
    return recordCopy(server, meeting!.currentDocumentId);
  };
  const newMeeting = async (cookie: string) =>
    (await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody({ participants: [] }))).body.meetingId as string;

  it('opens the workspace as the meeting’s secretariat, seated once on the roster, and may then take the secretariat’s steps', async () => {
    const meetingId = await newMeeting(thai.cookie);
    const opened = await call(server, thai, 'POST', `/api/console/meetings/${meetingId}/workspace`, {});
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ meetingId, seated: true, you: { role: 'secretariat', party: 'TH', name: `Officer thai.${backend}@example.org` } });
    const session = cookieOf(opened);
    expect(session).toMatch(/^accord_session=/);

    // The session is a participant's: the meeting, then a lock (refused for want of agreement, not of standing).
    const meeting = await call(server, { cookie: session }, 'GET', `/api/meetings/${meetingId}`);
    expect(meeting.body.you).toMatchObject({ role: 'secretariat', party: 'TH' });
    const lock = await call(server, { cookie: session }, 'POST', `/api/meetings/${meetingId}/lock`, {});
    expect([200, 409]).toContain(lock.status);
    expect(lock.body.error?.code ?? 'locked').not.toBe('not_allowed');

    // Opening again takes the same place: nobody new on the roster.
    const again = await call(server, thai, 'POST', `/api/console/meetings/${meetingId}/workspace`, {});
    expect(again.body).toMatchObject({ seated: false, you: { participantId: opened.body.you.participantId } });
    const roster = participants(await docOf(meetingId)).toArray();
    expect(roster.filter((p) => p.role === 'secretariat' && p.party === 'TH').map((p) => p.id)).toEqual([opened.body.you.participantId]);
    const log = await call(server, thai, 'GET', `/api/meetings/${meetingId}/audit`);
    const actions = log.body.entries.map((e: { action: string; detail: { via?: string } }) => `${e.action}${e.detail.via ? `/${e.detail.via}` : ''}`);
    expect(actions.filter((a: string) => a.startsWith('roster.added'))).toHaveLength(1);
    expect(actions.filter((a: string) => a === 'session.opened/console')).toHaveLength(2);
  });

  it('asks which party when the officer’s own is not one of the meeting’s; refuses the token, strangers, and a locked roster', async () => {
    const meetingId = await newMeeting(thai.cookie);
    const viet = await officer(server, `viet.${backend}@example.org`, 'VN');
    expect((await call(server, thai, 'POST', `/api/console/meetings/${meetingId}/officers`, { login: `viet.${backend}@example.org` })).status).toBe(201);
    const ask = await call(server, viet, 'POST', `/api/console/meetings/${meetingId}/workspace`, {});
    expect(ask.status).toBe(409);
    expect(ask.body.error).toMatchObject({ code: 'not_a_party', parties: ['TH', 'LA'] });
    const seated = await call(server, viet, 'POST', `/api/console/meetings/${meetingId}/workspace`, { party: 'LA' });
    expect(seated.body.you).toMatchObject({ role: 'secretariat', party: 'LA' });

    expect((await call(server, admin, 'POST', `/api/console/meetings/${meetingId}/workspace`, {})).status).toBe(403);
    const stranger = await officer(server, `stranger.${backend}@example.org`, 'TH');
    expect((await call(server, stranger, 'POST', `/api/console/meetings/${meetingId}/workspace`, {})).status).toBe(404);

    // A meeting locked before the officer ever opened it: its roster is fixed.
    const made = await call(server, admin, 'POST', '/api/meetings', meetingBody());
    await agreeEverything(server, made.body);
    const secretariat = made.body.invitations.find((i: { role: string }) => i.role === 'secretariat').token;
    expect((await call(server, { bearer: secretariat }, 'POST', `/api/meetings/${made.body.meetingId}/lock`, {})).status).toBe(200);
    const administrator = await officer(server, `admin.${backend}@example.org`, 'TH', 'administrator');
    const fixed = await call(server, administrator, 'POST', `/api/console/meetings/${made.body.meetingId}/workspace`, {});
    expect(fixed.status).toBe(409);
    expect(fixed.body.error.code).toBe('roster_fixed');
  });

  it('edits a draft’s agenda: add, retitle one language, move, remove with its minutes; each logged; fixed once locked', async () => {
    const meetingId = await newMeeting(thai.cookie);
    const path = `/api/console/meetings/${meetingId}/agenda`;
    const before = agenda(await docOf(meetingId))
      .toArray()
      .map(agendaItemId);

    const added = await call(server, thai, 'POST', path, { title: { en: 'Any other business', th: 'เรื่องอื่น ๆ' } });
    expect(added.status).toBe(201);
    const item = added.body.agenda.at(-1);
    expect(item.title).toEqual({ th: 'เรื่องอื่น ๆ', lo: '', en: 'Any other business' });

    expect((await call(server, thai, 'PATCH', `${path}/${item.id}`, { title: { lo: 'ເລື່ອງອື່ນໆ' } })).status).toBe(200);
    const moved = await call(server, thai, 'POST', `${path}/${item.id}/move`, { to: 0 });
    expect(moved.body.agenda.map((i: { id: string }) => i.id)).toEqual([item.id, ...before]);
    const doc = await docOf(meetingId);
    expect(readLocalizedYText(agendaItemTitle(agenda(doc).get(0)))).toEqual({ th: 'เรื่องอื่น ๆ', lo: 'ເລື່ອງອື່ນໆ', en: 'Any other business' });

    const withMinutes = before.find((id) => (minutes(doc).get(id)?.length ?? 0) > 0)!;
    const itsNumber = before.indexOf(withMinutes) + 2;
    const removed = await call(server, thai, 'DELETE', `${path}/${withMinutes}`);
    expect(removed.body.agenda.map((i: { id: string }) => i.id)).not.toContain(withMinutes);
    expect(minutes(await docOf(meetingId)).has(withMinutes)).toBe(false);

    const foreign = await call(server, thai, 'POST', path, { title: { km: 'បញ្ហាផ្សេងៗ' } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues).toEqual([expect.objectContaining({ path: 'title.km', code: 'not-working-language', params: { language: 'km' } })]);
    expect((await call(server, thai, 'DELETE', `${path}/no-such-item`)).status).toBe(404);

    const log = await call(server, thai, 'GET', `/api/meetings/${meetingId}/audit`);
    expect(
      log.body.entries
        .filter((e: { action: string }) => e.action.startsWith('agenda.'))
        .map((e: { action: string; detail: { item: number } }) => [e.action, e.detail.item]),
    ).toEqual([
      ['agenda.item-added', before.length + 1],
      ['agenda.item-renamed', before.length + 1],
      ['agenda.item-moved', 1],
      ['agenda.item-removed', itsNumber],
    ]);

    const made = await call(server, admin, 'POST', '/api/meetings', meetingBody());
    await agreeEverything(server, made.body);
    const secretariat = made.body.invitations.find((i: { role: string }) => i.role === 'secretariat').token;
    expect((await call(server, { bearer: secretariat }, 'POST', `/api/meetings/${made.body.meetingId}/lock`, {})).status).toBe(200);
    const fixed = await call(server, admin, 'POST', `/api/console/meetings/${made.body.meetingId}/agenda`, { title: { en: 'Late item' } });
    expect(fixed.status).toBe(409);
    expect(fixed.body.error.code).toBe('not_draft');
  });
});
