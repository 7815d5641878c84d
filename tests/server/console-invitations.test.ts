// Invitations at the console: an officer manages them through the same endpoints as the
// meeting's secretariat; the printable QR sheet makes new links that replace the old.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { closed, rawSocket } from '../helpers/clients';
import { call, meetingBody, officer } from '../helpers/console';
import { CloseCode } from '../../shared/protocol';

describe('invitations from the console', () => {
  let server: TestServer;
  let cookie: string;
  let meeting: { meetingId: string; documentId: string; invitations: { participantId: string; role: string; party: string; name: string; token: string }[] };
  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await officer(server, 'invitations@example.org')).cookie;
    meeting = (await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody())).body;
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });
  const open = (token: string) => rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${token}`);
  /** The sheet as the console asks for it: a POST with JSON, from the console's own page. */
  const issueSheet = (choice: Record<string, unknown>) =>
    fetch(`${server.url}/api/console/meetings/${meeting.meetingId}/invitations/sheet`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(choice),
    });
  const sessionWith = (token: string) =>
    fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

  it('an officer revokes a link: its open socket closes within a second and the link opens nothing', async () => {
    const thai = meeting.invitations.find((i) => i.name === 'Wilaiwan Chaiyaporn')!;
    const socket = await open(thai.token);
    const closing = closed(socket);
    const started = Date.now();
    const res = await call(server, { cookie }, 'POST', `/api/meetings/${meeting.meetingId}/invitations/${thai.participantId}/revoke`);
    expect(res.status).toBe(200);
    expect(await closing).toBe(CloseCode.accessRevoked);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(open(thai.token)).rejects.toThrow('refused with 401');
    expect((await sessionWith(thai.token)).status).toBe(401);
    const list = await call(server, { cookie }, 'GET', `/api/meetings/${meeting.meetingId}/invitations`);
    expect(list.body.invitations.find((i: { participantId: string }) => i.participantId === thai.participantId).revoked).toBe(true);
    const audit = await server.services.storage.listAudit(meeting.meetingId);
    expect(audit.find((e) => e.action === 'invitation.revoked')!.actor).toMatch(/^officer:/);
  });

  it('the QR sheet: a page without script, a card per person, links that replace the old ones and open the record', async () => {
    const lao = meeting.invitations.filter((i) => i.party === 'LA');
    const oldSocket = await open(lao[0]!.token);
    const closing = closed(oldSocket);

    const res = await issueSheet({ party: 'LA', lang: 'lo' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('ກອງປະຊຸມປຶກສາຫາລືການຄຸ້ມຄອງກໍລະນີ');
    expect(html).toContain('replace the links these people had before');
    expect(html.match(/<section class="card">/g)).toHaveLength(lao.length);
    expect(html.match(/<svg /g)).toHaveLength(lao.length);
    for (const person of lao) expect(html).toContain(person.name.replace(/'/g, '&#39;'));
    expect(html).toContain('Head of delegation · LA');

    // The old link closed and stopped; the printed one opens a session as that person.
    expect(await closing).toBe(CloseCode.accessRevoked);
    expect((await sessionWith(lao[0]!.token)).status).toBe(401);
    const printed = [...html.matchAll(/\/join#([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
    expect(printed).toHaveLength(lao.length);
    const joined = await sessionWith(printed[0]!);
    expect(joined.status).toBe(201);
    expect(((await joined.json()) as { you: { name: string } }).you.name).toBe(lao[0]!.name);

    // The Thai side's links were not on this sheet and still work.
    const thaiHead = meeting.invitations.find((i) => i.role === 'head' && i.party === 'TH')!;
    expect((await sessionWith(thaiHead.token)).status).toBe(201);
    const audit = await server.services.storage.listAudit(meeting.meetingId);
    expect(audit.find((e) => e.action === 'invitations.sheet-issued')!.detail.participants).toHaveLength(lao.length);
  });

  it('a sheet of only those who have not joined leaves the others’ links alone', async () => {
    const res = await issueSheet({ notJoined: true });
    const html = await res.text();
    const thaiHead = meeting.invitations.find((i) => i.role === 'head' && i.party === 'TH')!; // joined in the test above
    expect(html).not.toContain(thaiHead.name);
    expect((await sessionWith(thaiHead.token)).status).toBe(201);
  });
});
