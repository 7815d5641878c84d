// Two server processes on one PostgreSQL and one Redis, two participants' clients writing
// their first text under one new Yjs client id, one through each process. Each process's
// room checks the id against what it knows, finds it unclaimed and lets the write through;
// the appends are held at storage's door until both are asked for, then let in one after
// the other in a seeded order. Storage is the last word: the first stored keeps the id, the
// second is refused whole, its writer is told, and every client converges on what was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scaleOutBackends, stopScaleOut } from '../helpers/storages';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { seededRandom, seedNote, testSeed } from '../helpers/random';
import { clientsOf } from '../../server/history/edit-facts';
import { ClientNotYours, partsOf, type Storage } from '../../server/storage/storage';
import { applyStored } from '../../server/sync/record-document';
import { RefusalReason } from '../../shared/protocol';
import { agenda, agendaItemTitle } from '../../shared/record/schema';

/** The title of the first agenda item in English: where both participants write. */
const titleOf = (doc: Y.Doc) => agendaItemTitle(agenda(doc).get(0)).get('en')!;

/** An append held at storage's door, with the participant who asked for it. */
interface HeldAppend {
  participantId: string;
  /** Lets it through to storage; resolves with what storage answered. */
  release(): Promise<PromiseSettledResult<number>>;
}

/**
 * Holds every append of `server` that writes under `client` until the test releases it:
 * the room has accepted the write and asked storage, and storage has not seen it yet.
 * Answers how to stop holding them.
 */
function holdAppendsUnder(server: TestServer, client: number, held: HeldAppend[]): () => void {
  const storage: Storage = server.services.storage;
  const original = storage.appendUpdates;
  const append = original.bind(storage);
  storage.appendUpdates = (documentId, updates, by) => {
    if (!updates.some((update) => clientsOf(update).includes(client))) return append(documentId, updates, by);
    return new Promise<number>((resolve, reject) => {
      held.push({
        participantId: by?.participantId ?? 'the server',
        release: async () => {
          const [outcome] = await Promise.allSettled([append(documentId, updates, by)]);
          if (outcome!.status === 'fulfilled') resolve(outcome!.value);
          else reject(outcome!.reason);
          return outcome!;
        },
      });
    });
  };
  return () => {
    storage.appendUpdates = original;
  };
}

describe(`the client-id claim race between two processes, decided by storage (${seedNote()})`, () => {
  const random = seededRandom(testSeed);
  const backends = scaleOutBackends();
  let a: TestServer;
  let b: TestServer;
  const clients: StockClient[] = [];
  const connect = (server: TestServer, meeting: CreatedMeetingResponse, token: string, doc = new Y.Doc()) => {
    const client = stockClient(server.wsUrl, meeting.documentId, token, doc, { maxBackoffTime: 200 });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    a = await startTestServer(backends);
    b = await startTestServer(backends);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await stopScaleOut(backends, [a, b]);
  });

  it('both processes accept a first write under one client id; the one stored first keeps it, the other writer is refused, and everyone converges', async () => {
    for (let round = 0; round < 4; round++) {
      const meeting = await createMeeting(a);
      const shared = 1 + Math.floor(random() * 0x7ffffffe);
      const writers = [
        { server: a, token: tokenOf(meeting, 'delegate', 'TH'), text: `[TH ${round}]${'ก'.repeat(1 + Math.floor(random() * 8))}` },
        { server: b, token: tokenOf(meeting, 'delegate', 'LA'), text: `[LA ${round}]${'ກ'.repeat(1 + Math.floor(random() * 8))}` },
      ].map((w) => ({ ...w, participantId: meeting.invitations.find((i) => i.token === w.token)!.participantId }));
      const storedFirst = random() < 0.5 ? 0 : 1;
      const what = `round ${round}: client id ${shared}, ${storedFirst === 0 ? 'Thai on A' : 'Lao on B'} stored first (${seedNote()})`;

      const held: HeldAppend[] = [];
      const stopHolding = [holdAppendsUnder(a, shared, held), holdAppendsUnder(b, shared, held)];
      const watchers = [connect(a, meeting, tokenOf(meeting, 'observer')), connect(b, meeting, tokenOf(meeting, 'head', 'TH'))];
      const typists = writers.map((w) => {
        const doc = new Y.Doc();
        doc.clientID = shared;
        return connect(w.server, meeting, w.token, doc);
      });
      await Promise.all([...watchers, ...typists].map((c) => synced(c)));

      typists.forEach((typist, i) => titleOf(typist.doc).insert(0, writers[i]!.text));
      // Both rooms found the id unclaimed and asked storage; neither append is stored yet.
      await waitFor(() => held.length === 2, 5000, `both appends asked for (${what})`);
      const order = [
        held.find((h) => h.participantId === writers[storedFirst]!.participantId)!,
        held.find((h) => h.participantId === writers[1 - storedFirst]!.participantId)!,
      ];
      const first = await order[0]!.release();
      const second = await order[1]!.release();
      expect(first.status, what).toBe('fulfilled');
      expect(second.status, what).toBe('rejected');
      expect((second as PromiseRejectedResult).reason, what).toBeInstanceOf(ClientNotYours);

      const winner = writers[storedFirst]!;
      const loser = writers[1 - storedFirst]!;
      await waitFor(() => typists[1 - storedFirst]!.refusals.includes(RefusalReason.clientNotYours), 5000, `the second writer told (${what})`);
      expect(typists[storedFirst]!.refusals, what).not.toContain(RefusalReason.clientNotYours);

      // Storage holds the first writer's text, and their claim; nothing of the second's.
      const storage = a.services.storage;
      const record = new Y.Doc();
      applyStored(record, partsOf(await storage.loadRecord(meeting.documentId)));
      const text = titleOf(record).toString();
      expect(text, what).toContain(winner.text);
      expect(text, what).not.toContain(loser.text.slice(0, 4));
      expect(await storage.clientClaims(meeting.documentId, [shared]), what).toMatchObject([{ clientId: shared, participantId: winner.participantId }]);
      const editors = await storage.listEditors(meeting.documentId, 0, Number.MAX_SAFE_INTEGER);
      expect(
        editors.map((e) => e.participantId),
        what,
      ).toEqual([winner.participantId]);

      // Every client converges on what was stored: the watchers on both processes, the
      // first writer, and the second writer once their page is reloaded (a new document, as
      // the workspace asks of them).
      typists[1 - storedFirst]!.destroy();
      const reloaded = connect(loser.server, meeting, loser.token);
      for (const client of [...watchers, typists[storedFirst]!, reloaded])
        await waitFor(() => client.provider.synced && titleOf(client.doc).toString() === text, 10_000, `a client holds the stored record (${what})`);
      for (const client of [...watchers, typists[storedFirst]!, reloaded])
        expect(Y.decodeStateVector(Y.encodeStateVector(client.doc)), what).toEqual(Y.decodeStateVector(Y.encodeStateVector(record)));
      for (const c of clients.splice(0)) c.destroy();
      for (const stop of stopHolding) stop();
    }
  }, 60_000);
});
