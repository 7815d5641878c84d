// The signed bundle has one address, /export/bundle, with one file name and one audit
// action; the address the workspace once linked (/bundle) redirects there, so every kind
// of caller gets the same answer on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { admin, call, officer } from '../helpers/console';
import { api, signedBundleText } from '../helpers/lifecycle';

describe('the signed bundle endpoint', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let officerCookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
    officerCookie = (await officer(server, 'bundle-officer')).cookie;
    expect((await call(server, admin, 'POST', `/api/console/meetings/${meeting.meetingId}/officers`, { login: 'bundle-officer' })).status).toBe(201);
    await signedBundleText(server, meeting);
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  const get = (path: string, headers: Record<string, string>, redirect: RequestRedirect = 'follow') =>
    fetch(`${server.url}/api/meetings/${meeting.meetingId}/${path}`, { headers, redirect });
  const answerOf = async (res: Response) => ({
    status: res.status,
    disposition: res.headers.get('content-disposition'),
    body: await res.text(),
  });

  const callers = (): [string, Record<string, string>][] => [
    ['secretariat', { authorization: `Bearer ${tokenOf(meeting, 'secretariat', 'TH')}` }],
    ['head', { authorization: `Bearer ${tokenOf(meeting, 'head', 'LA')}` }],
    ['observer', { authorization: `Bearer ${tokenOf(meeting, 'observer')}` }],
    ['officer', { cookie: officerCookie }],
    ['administrator', { authorization: `Bearer ${ADMIN_TOKEN}` }],
  ];

  it('the old address redirects to the one endpoint, keeping the version asked for', async () => {
    const res = await get('bundle?version=1', { authorization: `Bearer ${tokenOf(meeting, 'secretariat', 'TH')}` }, 'manual');
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`/api/meetings/${meeting.meetingId}/export/bundle?version=1`);
  });

  it('every kind of caller gets the same answer on both addresses: the parties’ secretariat and heads the file, the rest a refusal', async () => {
    const expected: Record<string, number> = { secretariat: 200, head: 200, observer: 403, officer: 403, administrator: 403 };
    for (const [who, headers] of callers()) {
      const one = await answerOf(await get('export/bundle', headers));
      const other = await answerOf(await get('bundle', headers));
      expect({ who, ...other }).toEqual({ who, ...one });
      expect({ who, status: one.status }).toEqual({ who, status: expected[who] });
      if (one.status === 200) expect(one.disposition).toBe('attachment; filename="CMM-04-v1-signed.accord.json"');
      else expect(JSON.parse(one.body).error.code).toBe('not_allowed');
    }
  });

  it('is audited under one action, export.bundle, for the file and for a refusal alike', async () => {
    const { body } = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(
      server,
      ADMIN_TOKEN,
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    const actions = body.entries.map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('bundle.'))).toEqual([]);
    expect(actions).toContain('export.bundle');
    const refusals = body.entries.filter((e) => e.action === 'export.bundle.refused').map((e) => e.detail.reason);
    expect(new Set(refusals)).toEqual(new Set(['not-permitted', 'not-a-participant']));
  });
});
