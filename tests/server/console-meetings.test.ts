// Setting up a meeting at the console: made from scratch, its facts edited while a
// draft (written by the server into the record's server-only roots), checked whole, and
// fixed once the record is locked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCopy, startTestServer, type TestServer } from '../helpers/server';
import { agreeEverything } from '../helpers/lifecycle';
import { admin, call, meetingBody, officer } from '../helpers/console';
import { agenda, agendaItemTitle, minutes, parties, segmentCells } from '../../shared/record/schema';

const FOLLOW_UP = {
  series: { th: 'การประชุมติดตามผลการดำเนินงานด้านการต่อต้านการค้ามนุษย์', en: 'Monthly anti-trafficking follow-up meeting' },
  number: 1,
  code: 'FUP 01',
  venue: { th: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ กรุงเทพฯ', en: 'MSDHS, Bangkok' },
  startDate: '2025-04-01',
  endDate: '2025-04-01',
  languages: ['th'],
  authenticLanguages: ['th'],
  parties: [
    { code: 'MSDHS', name: { th: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์' }, language: 'th' },
    { code: 'RTP', name: { th: 'สำนักงานตำรวจแห่งชาติ' }, language: 'th' },
  ],
  participants: [],
  agenda: [{ th: 'เรื่องแจ้งเพื่อทราบ' }],
  minutes: [{ agendaItem: 1, segments: [{ th: 'ที่ประชุมรับทราบ' }] }],
};

describe('meeting setup at the console', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await officer(server, 'setup@example.org')).cookie;
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  const docOf = async (meetingId: string) => {
    const meeting = await server.services.storage.getMeeting(meetingId);
    return recordCopy(server, meeting!.currentDocumentId);
  };
  const patch = (meetingId: string, body: unknown) => call(server, { cookie }, 'PATCH', `/api/console/meetings/${meetingId}/facts`, body);

  it('an officer creates a meeting from scratch; the administrator token still does too; a bad body names each problem', async () => {
    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', FOLLOW_UP);
    expect(made.status).toBe(201);
    expect(made.body.seriesId).toMatch(/^S/);
    const listed = await call(server, { cookie }, 'GET', '/api/console/meetings');
    expect(listed.body.meetings.map((m: { code: string; state: string }) => [m.code, m.state])).toEqual([['FUP 01', 'draft']]);

    expect((await call(server, admin, 'POST', '/api/console/meetings', meetingBody())).status).toBe(201);
    const bad = await call(server, { cookie }, 'POST', '/api/console/meetings', { ...FOLLOW_UP, prevailingLanguage: 'en', endDate: '2025-03-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['endDate', 'prevailingLanguage']);
    expect((await call(server, {}, 'POST', '/api/console/meetings', FOLLOW_UP)).status).toBe(401);
  });

  it('facts edited in draft are written into the record: venue, number, code, dates, a new working language everywhere', async () => {
    const { meetingId } = (await call(server, { cookie }, 'POST', '/api/console/meetings', FOLLOW_UP)).body;
    const edited = await patch(meetingId, {
      number: 2,
      code: 'FUP 02',
      venue: { th: 'สำนักงานตำรวจแห่งชาติ', en: 'Royal Thai Police, Bangkok' },
      startDate: '2025-05-06',
      endDate: '2025-05-07',
      languages: ['th', 'en'],
      parties: [
        { code: 'MSDHS', name: { th: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์', en: 'Ministry of Social Development and Human Security' }, language: 'th' },
        { code: 'RTP', name: { th: 'สำนักงานตำรวจแห่งชาติ', en: 'Royal Thai Police' }, language: 'th' },
      ],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.changed.sort()).toEqual(['code', 'endDate', 'languages', 'number', 'parties', 'startDate', 'venue']);

    const view = await call(server, admin, 'GET', `/api/meetings/${meetingId}`);
    expect(view.body.facts).toMatchObject({
      number: 2,
      code: 'FUP 02',
      startDate: '2025-05-06',
      languages: ['th', 'en'],
      venue: { en: 'Royal Thai Police, Bangkok' },
    });
    expect(view.body.code).toBe('FUP 02');
    const doc = await docOf(meetingId);
    expect(parties(doc).toArray()[1]!.name.en).toBe('Royal Thai Police');
    const item = agenda(doc).get(0);
    expect(agendaItemTitle(item).get('en')?.toString()).toBe('');
    expect(agendaItemTitle(item).get('th')?.toString()).toBe('เรื่องแจ้งเพื่อทราบ');
    const segment = minutes(doc)
      .get(item.get('id') as string)!
      .get(0);
    expect([...segmentCells(segment).keys()].sort()).toEqual(['en', 'th']);
  });

  it('a change that would contradict the record is refused whole and changes nothing', async () => {
    const { meetingId } = (await call(server, { cookie }, 'POST', '/api/console/meetings', FOLLOW_UP)).body;
    const notAuthentic = await patch(meetingId, { languages: ['th', 'en'], prevailingLanguage: 'en' });
    expect(notAuthentic.status).toBe(400);
    expect(notAuthentic.body.error.issues).toEqual([
      { path: 'prevailingLanguage', message: 'the prevailing text must be an authentic one', code: 'prevailing-not-authentic' },
    ]);
    const dropThai = await patch(meetingId, {
      languages: ['en'],
      authenticLanguages: ['en'],
      parties: FOLLOW_UP.parties.map((p) => ({ ...p, language: 'en' })),
    });
    expect(dropThai.status).toBe(400);
    expect(dropThai.body.error.issues.map((i: { message: string }) => i.message)).toContain(
      'the record holds text in th: clear it before dropping the language',
    );
    expect((await patch(meetingId, { recordHash: 'x' })).status).toBe(400);
    expect((await call(server, admin, 'GET', `/api/meetings/${meetingId}`)).body.facts.languages).toEqual(['th']);

    await call(server, { cookie }, 'POST', `/api/console/meetings/${meetingId}/participants`, { name: 'พ.ต.อ. สมศักดิ์ ใจกล้า', party: 'RTP', role: 'head' });
    const dropPolice = await patch(meetingId, { parties: [FOLLOW_UP.parties[0]] });
    expect(dropPolice.status).toBe(400);
    expect(dropPolice.body.error.issues[0].message).toBe('RTP is not a party of this meeting');
  });

  it('once the record is locked its facts and roster are fixed (409), and nothing was changed', async () => {
    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody());
    await agreeEverything(server, made.body);
    const secretariat = made.body.invitations.find((i: { role: string }) => i.role === 'secretariat').token;
    expect((await call(server, { bearer: secretariat }, 'POST', `/api/meetings/${made.body.meetingId}/lock`)).status).toBe(200);
    const refused = await patch(made.body.meetingId, { venue: { en: 'Elsewhere' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_draft');
    expect(
      (await call(server, { cookie }, 'POST', `/api/console/meetings/${made.body.meetingId}/participants`, { name: 'Late', party: 'TH', role: 'delegate' }))
        .status,
    ).toBe(409);
    const status = await call(server, { bearer: secretariat }, 'POST', `/api/meetings/${made.body.meetingId}/action-points/x/status`, { status: 'done' });
    expect(status.status).toBe(409);
    // An observer never sets a status: told so (403), not that the record is locked.
    const observer = made.body.invitations.find((i: { role: string }) => i.role === 'observer').token;
    const byObserver = await call(server, { bearer: observer }, 'POST', `/api/meetings/${made.body.meetingId}/action-points/x/status`, { status: 'done' });
    expect([byObserver.status, byObserver.body.error.code]).toEqual([403, 'not_allowed']);
    expect((await call(server, { cookie }, 'GET', `/api/console/meetings/${made.body.meetingId}`)).body).toMatchObject({
      state: 'locked',
      venue: { en: 'Lao Plaza Hotel, Vientiane Capital, Lao PDR' },
    });
  });

  it('only those who may write set an action point status: an observer may not', async () => {
    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody());
    const pointId = (await call(server, { cookie }, 'GET', `/api/console/meetings/${made.body.meetingId}`)).body.actionPoints[0].id;
    const observer = made.body.invitations.find((i: { role: string }) => i.role === 'observer').token;
    const path = `/api/meetings/${made.body.meetingId}/action-points/${pointId}/status`;
    expect((await call(server, { bearer: observer }, 'POST', path, { status: 'done' })).status).toBe(403);
    expect((await call(server, { cookie }, 'POST', path, { status: 'finished' })).status).toBe(400);
    expect((await call(server, { cookie }, 'POST', path, { status: 'done' })).body).toMatchObject({
      status: 'done',
      change: { fromStatus: 'open', toStatus: 'done', byName: 'Officer setup@example.org' },
    });
  });
});
