// The lock refuses a record that would print a blank in an authentic text: a paragraph whose
// English (authentic and prevailing) text is empty, though both heads agreed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, fixture, startTestServer, tokenOf, type TestServer } from '../helpers/server';
import { agreeEverything, api } from '../helpers/lifecycle';

describe('locking a record with a blank authentic text', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('is refused, naming the segment and the empty language, and stays a draft', async () => {
    const input = fixture('cmm04-th-la') as { minutes: { segments: Record<string, string>[] }[] };
    input.minutes[0]!.segments[0]!.en = '';
    const meeting = await createMeeting(server, input);
    await agreeEverything(server, meeting);
    const secretariat = tokenOf(meeting, 'secretariat', 'TH');
    const lock = await api<{ error: { code: string; message: string; blockers: { kind: string; emptyLanguages?: string[]; missingParties: string[] }[] } }>(
      server,
      secretariat,
      'POST',
      `/api/meetings/${meeting.meetingId}/lock`,
    );
    expect(lock.status).toBe(409);
    expect(lock.body.error.code).toBe('not_agreed');
    expect(lock.body.error.blockers).toEqual([expect.objectContaining({ kind: 'segment', emptyLanguages: ['en'], missingParties: [] })]);
    expect(lock.body.error.message).toContain('empty in an authentic language');
    const record = await api<{ state: string }>(server, secretariat, 'GET', `/api/meetings/${meeting.meetingId}/record`);
    expect(record.body.state).toBe('draft');
  });
});
