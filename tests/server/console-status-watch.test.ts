// The status watch names who moved an action point's status in the workspace: the server
// attaches it to every record document it builds, so an edit over the socket is enough.
import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import type { TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { stockClient, synced } from '../helpers/clients';
import { call, meetingBody, officer } from '../helpers/console';
import { actionPoints } from '../../shared/record/schema';

describe('who changed a status in the workspace', () => {
  let server: TestServer;
  serverForAll((s) => (server = s));

  it('a delegate’s status change over the socket is kept under their name; an edit of its text is not', async () => {
    const { cookie } = await officer(server, 'watch@example.org');
    const meeting = (await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody())).body;
    const delegate = meeting.invitations.find((i: { name: string }) => i.name === 'Souksavanh Keomany');
    const client = stockClient(server.wsUrl, meeting.documentId, delegate.token);
    await synced(client);
    const point = actionPoints(client.doc).get(1);
    (point.get('text') as Y.Map<Y.Text>).get('en')!.insert(0, 'Soon: ');
    point.set('status', 'in progress');
    const history = () => server.services.storage.listActionPointChanges([meeting.meetingId]);
    await vi.waitFor(async () => expect((await history()).length).toBeGreaterThanOrEqual(3), { timeout: 5000, interval: 25 });

    const changes = await history();
    expect(changes.map((c) => [c.kind, c.fromStatus, c.toStatus, c.byActor, c.byName])).toEqual([
      ['recorded', null, 'open', expect.stringMatching(/^officer:/), 'Officer watch@example.org'],
      ['recorded', null, 'open', expect.stringMatching(/^officer:/), 'Officer watch@example.org'],
      ['changed', 'open', 'in progress', delegate.participantId, 'Souksavanh Keomany'],
    ]);
    client.destroy();
  });
});
