// Fault injection: the server is killed with SIGKILL at random moments while people type.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServer, childServer, type ChildServer } from '../helpers/child-server';
import { createMeeting, tokenOf, type CreatedMeetingResponse } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';

/** Twenty kills a run; CRASH_ROUNDS sizes it (the Node 24 pass runs fewer: scripts/test-node24.mjs). */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const WRITERS_ON_MAIN = 20;
const WRITERS_ON_OTHERS = 2;

/** Deterministic per run, printed so a failure can be replayed with CRASH_SEED. */
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
let state = seed;
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;

interface Writer {
  client: StockClient;
  tokens: string[];
}

describe(`SIGKILL while 20 clients edit (seed ${seed})`, () => {
  let server: ChildServer;
  let build = '';
  const records: { meeting: CreatedMeetingResponse; writers: Writer[] }[] = [];

  beforeAll(async () => {
    // The build, as `npm start` runs it: each of the many restarts loads one bundle, without
    // a TypeScript loader resolving and loading every module of the source (a sixth less CPU).
    build = builtServer();
    // Scripted typists are faster than people; the flood limits are not what this tests.
    server = await childServer(
      {
        ACCORD_CONNECTION_MESSAGES_PER_SECOND: '5000',
        ACCORD_CONNECTION_BURST: '5000',
        ACCORD_RECORD_MESSAGES_PER_SECOND: '50000',
        ACCORD_RECORD_BURST: '50000',
      },
      undefined,
      { entry: [`${build}/main.js`] },
    );
    await server.start();
    for (const count of [WRITERS_ON_MAIN, WRITERS_ON_OTHERS, WRITERS_ON_OTHERS]) {
      const meeting = await createMeeting(server);
      const tokens = meeting.invitations.filter((i) => i.role !== 'observer').map((i) => i.token);
      const writers = Array.from({ length: count }, (_, i) => ({
        client: stockClient(server.wsUrl, meeting.documentId, tokens[i % tokens.length]!, undefined, { maxBackoffTime: 300 }),
        tokens: [],
      }));
      records.push({ meeting, writers });
    }
    await Promise.all(records.flatMap((r) => r.writers.map((w) => synced(w.client, 10_000))));
  });
  afterAll(async () => {
    for (const r of records) for (const w of r.writers) w.client.destroy();
    await server?.cleanup();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  const typeFor = async (ms: number, round: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      for (const [r, record] of records.entries()) {
        for (const [i, writer] of record.writers.entries()) {
          if (random() < 0.5) continue;
          const text = writer.client.doc.getText('minutes');
          const token = `[${r}.${i}.${round}.${writer.tokens.length}]`;
          // Between two earlier tokens, never inside one, so each stays findable.
          const boundary = text.toString().indexOf(']', Math.floor(random() * text.length));
          text.insert(boundary === -1 ? text.length : boundary + 1, token);
          writer.tokens.push(token);
        }
      }
      await new Promise((r) => setTimeout(r, 2 + random() * 10));
    }
  };

  const converged = () =>
    records.every(({ writers }) => {
      const first = writers[0]!.client.doc.getText('minutes').toString();
      return writers.every((w) => w.client.provider.synced && w.client.doc.getText('minutes').toString() === first);
    });

  it(`loses nothing over ${ROUNDS} kills, and every client converges after each restart`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const killed = typeFor(50 + random() * 300, round);
      await new Promise((r) => setTimeout(r, random() * 250));
      await server.kill('SIGKILL');
      await killed; // typing goes on while the server is down
      await typeFor(random() * 100, round);
      await server.start();
      await waitFor(converged, 20_000, `convergence after restart ${round + 1}`);
    }

    // What was stored, and only that: kill once more and read the records with fresh clients.
    await server.kill('SIGKILL');
    await server.start();
    for (const { meeting, writers } of records) {
      const reader = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
      await synced(reader, 10_000);
      const stored = reader.doc.getText('minutes').toString();
      const missing = writers.flatMap((w) => w.tokens).filter((t) => !stored.includes(t));
      expect(missing, `edits missing from record ${meeting.documentId}`).toEqual([]);
      expect(stored).toBe(writers[0]!.client.doc.getText('minutes').toString());
      reader.destroy();
    }
  }, 240_000);
});
