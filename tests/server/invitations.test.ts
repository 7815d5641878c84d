import { beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { closed, rawSocket } from '../helpers/clients';
import { CloseCode } from '../../shared/protocol';

describe('the secretariat manages invitation links', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  serverForAll((s) => (server = s));
  beforeAll(async () => {
    meeting = await createMeeting(server);
  });

  const api = (token: string, path: string, method = 'GET') =>
    fetch(`${server.url}/api/meetings/${meeting.meetingId}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  const open = (token: string) => rawSocket(`${server.wsUrl}/${meeting.documentId}?token=${token}`);

  it('lists who has joined, to the secretariat only', async () => {
    const lao = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!;
    (await open(lao.token)).close();
    const res = await api(tokenOf(meeting, 'secretariat', 'TH'), '/invitations');
    expect(res.status).toBe(200);
    const { invitations } = (await res.json()) as { invitations: { participantId: string; joinedAt: string | null }[] };
    expect(invitations).toHaveLength(meeting.invitations.length);
    expect(invitations.find((i) => i.participantId === lao.participantId)?.joinedAt).not.toBeNull();
    expect(JSON.stringify(invitations)).not.toContain(lao.token);
    for (const role of ['head', 'delegate', 'observer'])
      expect((await api(tokenOf(meeting, role, role === 'observer' ? undefined : 'TH'), '/invitations')).status).toBe(403);
  });

  it('a fresh link replaces the old one: the old link opens nothing and its open socket closes within a second', async () => {
    const thai = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'TH' && i.name.includes('Wilaiwan'))!;
    const socket = await open(thai.token);
    const closing = closed(socket);
    const started = Date.now();
    const res = await api(tokenOf(meeting, 'secretariat', 'LA'), `/invitations/${thai.participantId}/link`, 'POST');
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as { token: string; link: string };
    expect(await closing).toBe(CloseCode.accessRevoked);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(open(thai.token)).rejects.toThrow('refused with 401');
    expect(fresh.link).toMatch(/\/join#/);
    (await open(fresh.token)).close();
  });

  it('a revoked invitation ends its sessions and sockets and cannot be given a new link', async () => {
    const obs = meeting.invitations.find((i) => i.role === 'observer')!;
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: obs.token }),
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const socket = await open(obs.token);
    const closing = closed(socket);
    expect((await api(tokenOf(meeting, 'secretariat', 'TH'), `/invitations/${obs.participantId}/revoke`, 'POST')).status).toBe(200);
    expect(await closing).toBe(CloseCode.accessRevoked);
    expect((await fetch(`${server.url}/api/session`, { headers: { cookie } })).status).toBe(401);
    expect((await api(tokenOf(meeting, 'secretariat', 'TH'), `/invitations/${obs.participantId}/link`, 'POST')).status).toBe(409);
  });
});
