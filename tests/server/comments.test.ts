// Comment threads beside the record, on SQLite and on PostgreSQL alike: a delegation-only
// thread never reaches another party or an observer; observers read the meeting's threads
// and cannot write; mentions name participants who can read the thread; resolve, reopen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { api } from '../helpers/lifecycle';
import { agreementTargets } from '../../shared/record/agreement';
import type { ThreadView } from '../../shared/comments';
import { DATABASE_URL } from '../helpers/service-urls';

const schema = `accord_comments_${randomBytes(4).toString('hex')}`;

describe.each([
  ['SQLite', {}],
  ['PostgreSQL', { databaseUrl: DATABASE_URL, databaseSchema: schema, singleProcess: true }],
] as const)('comments on %s', (_name, overrides) => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let segmentId: string;

  beforeAll(async () => {
    server = await startTestServer(overrides);
    meeting = await createMeeting(server);
    const record = await server.services.storage.getRecord(meeting.documentId);
    segmentId = await server.services.rooms.read(record!, (doc) => agreementTargets(doc).find((t) => t.kind === 'segment')!.id);
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    if ('databaseUrl' in overrides) {
      const admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });

  const path = () => `/api/meetings/${meeting.meetingId}/comments`;
  const threadsOf = async (token: string) => (await api<{ threads: ThreadView[] }>(server, token, 'GET', path())).body.threads;
  const idOf = (role: string, party: string) => meeting.invitations.find((i) => i.role === role && i.party === party)!.participantId;

  it('a delegation-only thread reaches its own delegation alone, never the other party or an observer', async () => {
    const made = await api<{ comment: { id: string } }>(server, tokenOf(meeting, 'delegate', 'LA'), 'POST', path(), {
      segmentId,
      language: 'lo',
      quote: 'ກອງປະຊຸມ',
      visibility: 'party',
      body: 'Our position: keep the wording as is.',
    });
    expect(made.status).toBe(201);
    const shared = await api(server, tokenOf(meeting, 'delegate', 'TH'), 'POST', path(), {
      segmentId,
      visibility: 'meeting',
      body: 'Can we say “agreed” here?',
    });
    expect(shared.status).toBe(201);

    const laoHead = await threadsOf(tokenOf(meeting, 'head', 'LA'));
    expect(laoHead.map((t) => t.body)).toEqual(['Our position: keep the wording as is.', 'Can we say “agreed” here?']);
    expect(laoHead[0]).toMatchObject({ visibility: 'party', language: 'lo', quote: 'ກອງປະຊຸມ', party: 'LA' });
    for (const [role, party] of [
      ['head', 'TH'],
      ['secretariat', 'TH'],
      ['observer', undefined],
    ] as const) {
      const seen = await threadsOf(tokenOf(meeting, role, party));
      expect(
        seen.map((t) => t.body),
        `${role} ${party ?? ''}`,
      ).toEqual(['Can we say “agreed” here?']);
    }
    // Nor can another party reply to it or resolve it by its id: to them it is not there.
    expect((await api(server, tokenOf(meeting, 'head', 'TH'), 'POST', `${path()}/${made.body.comment.id}/replies`, { body: 'peek' })).status).toBe(404);
    expect((await api(server, tokenOf(meeting, 'head', 'TH'), 'POST', `${path()}/${made.body.comment.id}/resolution`, { resolved: true })).status).toBe(404);
  });

  it('observers read the meeting’s threads but cannot start, reply to or resolve one', async () => {
    const observer = tokenOf(meeting, 'observer');
    const [thread] = await threadsOf(observer);
    const refused = await api<{ error: { code: string } }>(server, observer, 'POST', path(), { segmentId, visibility: 'meeting', body: 'An observer’s note' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_allowed');
    expect((await api(server, observer, 'POST', `${path()}/${thread!.id}/replies`, { body: 'reply' })).status).toBe(403);
    expect((await api(server, observer, 'POST', `${path()}/${thread!.id}/resolution`, { resolved: true })).status).toBe(403);
    expect((await threadsOf(observer)).flatMap((t) => [t.body, ...t.replies.map((r) => r.body)])).toEqual(['Can we say “agreed” here?']);
    // The refusals are in the audit log, without the words.
    const log = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(
      server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(log.body.entries.filter((e) => e.action === 'comment.refused').length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(log.body.entries)).not.toContain('Our position');
  });

  it('replies carry mentions of participants who can read the thread; anyone else is refused and nothing is stored', async () => {
    const [thread] = await threadsOf(tokenOf(meeting, 'head', 'TH'));
    const laoHead = idOf('head', 'LA');
    const replied = await api(server, tokenOf(meeting, 'head', 'TH'), 'POST', `${path()}/${thread!.id}/replies`, { body: 'Agreed', mentions: [laoHead] });
    expect(replied.status).toBe(201);
    const unknown = await api<{ error: { code: string } }>(server, tokenOf(meeting, 'head', 'TH'), 'POST', `${path()}/${thread!.id}/replies`, {
      body: 'x',
      mentions: ['nobody'],
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_mention']);
    // A delegation-only thread cannot mention someone of the other party.
    const leak = await api<{ error: { code: string } }>(server, tokenOf(meeting, 'delegate', 'TH'), 'POST', path(), {
      segmentId,
      visibility: 'party',
      body: 'between us',
      mentions: [laoHead],
    });
    expect([leak.status, leak.body.error.code]).toEqual([400, 'mention_cannot_see']);
    const [after] = await threadsOf(tokenOf(meeting, 'observer'));
    expect(after!.replies.map((r) => [r.body, r.mentions])).toEqual([['Agreed', [laoHead]]]);
    expect((await threadsOf(tokenOf(meeting, 'delegate', 'TH'))).map((t) => t.body)).not.toContain('between us');
  });

  it('a thread is resolved and reopened by a participant, and everyone sees which', async () => {
    const [thread] = await threadsOf(tokenOf(meeting, 'observer'));
    const resolved = await api(server, tokenOf(meeting, 'delegate', 'LA'), 'POST', `${path()}/${thread!.id}/resolution`, { resolved: true });
    expect(resolved.status).toBe(200);
    const seen = (await threadsOf(tokenOf(meeting, 'observer')))[0]!;
    expect(seen.resolvedAt).not.toBeNull();
    expect(seen.resolvedBy).toBe(meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!.name);
    expect((await api(server, tokenOf(meeting, 'head', 'TH'), 'POST', `${path()}/${thread!.id}/resolution`, { resolved: false })).status).toBe(200);
    expect((await threadsOf(tokenOf(meeting, 'observer')))[0]!.resolvedAt).toBeNull();
  });

  it('bad input is refused with a clear error and stores nothing', async () => {
    const token = tokenOf(meeting, 'delegate', 'TH');
    const before = (await threadsOf(token)).length;
    const empty = await api<{ error: { code: string; issues: { path: string }[] } }>(server, token, 'POST', path(), {
      segmentId,
      visibility: 'meeting',
      body: '   ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues.map((i) => i.path)).toEqual(['body']);
    expect((await api(server, token, 'POST', path(), { segmentId, visibility: 'everyone', body: 'x' })).status).toBe(400);
    expect((await api(server, token, 'POST', path(), { segmentId: 'no-such-segment', visibility: 'meeting', body: 'x' })).status).toBe(404);
    expect((await threadsOf(token)).length).toBe(before);
  });
});
