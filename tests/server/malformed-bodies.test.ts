// A body the route's schema refuses is answered 400 before anything is done: the route's own
// code, every problem in `issues`, a message that names the field, and nothing stored.
import { describe, expect, it } from 'vitest';
import { createMeeting, tokenOf, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { admin, call, meetingBody, officer } from '../helpers/console';

interface Refusal {
  error: { code: string; message: string; issues: { path: string; code: string }[] };
}

function expectRefused(answer: { status: number; body: Refusal }, code: string, field: string) {
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe(code);
  expect(answer.body.error.issues.map((i) => i.path)).toContain(field);
  expect(answer.body.error.message).toContain(`${field}:`);
  expect(answer.body.error.message).toMatch(/nothing was stored/);
}

describe('a body the schema refuses', () => {
  let server: TestServer;
  serverForAll((s) => (server = s));

  it('in the workspace: agreement, a comment and a named version are refused by field, and nothing is kept', async () => {
    const meeting = await createMeeting(server);
    const head = { bearer: tokenOf(meeting, 'head', 'TH') };
    const path = `/api/meetings/${meeting.meetingId}`;
    const auditBefore = (await call(server, admin, 'GET', `${path}/audit`)).body.entries.length;

    expectRefused(await call(server, head, 'POST', `${path}/agreement`, { targetId: 42, agreed: true }), 'invalid_agreement_request', 'targetId');
    expectRefused(
      await call(server, head, 'POST', `${path}/comments`, { segmentId: 'x', visibility: 'everyone', body: 'hello' }),
      'invalid_comment',
      'visibility',
    );
    expectRefused(await call(server, head, 'POST', `${path}/history`, { name: '' }), 'invalid_version', 'name');
    expectRefused(await call(server, head, 'GET', `${path}/history/compare`), 'invalid_query', 'from');

    expect((await call(server, head, 'GET', `${path}/comments`)).body.threads).toEqual([]);
    const versions = (await call(server, head, 'GET', `${path}/history`)).body.versions as { kind: string }[];
    expect(versions.filter((v) => v.kind === 'named')).toEqual([]);
    const meetingNow = (await call(server, head, 'GET', path)).body;
    expect(JSON.stringify(meetingNow)).not.toContain('"agreed":true');
    expect((await call(server, admin, 'GET', `${path}/audit`)).body.entries.length).toBe(auditBefore);
  });

  it('at the console: an agenda item and an account are refused by field, and nothing is kept', async () => {
    const { cookie } = await officer(server, 'malformed.th');
    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody());
    expect(made.status).toBe(201);
    const path = `/api/console/meetings/${made.body.meetingId}`;
    const agendaBefore = (await call(server, { cookie }, 'GET', path)).body.agenda.length;

    expectRefused(await call(server, { cookie }, 'POST', `${path}/agenda`, { title: 'not per language' }), 'invalid_agenda_item', 'title');
    expectRefused(await call(server, { cookie }, 'POST', `${path}/agenda/nothing/move`, { to: 'first' }), 'invalid_agenda_move', 'to');
    expectRefused(
      await call(server, admin, 'POST', '/api/console/accounts', { name: 'Somchai', login: 'has spaces', party: 'TH' }),
      'invalid_account',
      'login',
    );

    expect((await call(server, { cookie }, 'GET', path)).body.agenda.length).toBe(agendaBefore);
    const accounts = (await call(server, admin, 'GET', '/api/console/accounts')).body.accounts as { name: string }[];
    expect(accounts.map((a) => a.name)).not.toContain('Somchai');
  });
});
