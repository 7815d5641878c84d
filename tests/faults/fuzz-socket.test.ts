// Property-based and mutational fuzzing of the sync endpoint: issue 17's budget less the
// HTTP API's share (tests/faults/fuzz-budget.ts), hostile socket messages sent to a record
// while honest clients edit it and another. Replay a failure with FUZZ_SEED=<seed printed
// below>; size the run with FUZZ_CASES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { rawSocket, stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { DEFAULT_FLOOD_LIMITS } from '../../server/sync/flood-guard';
import { RECORD_STATUS_MESSAGE } from '../../shared/protocol';
import { fuzzMessage, realUpdates } from './fuzz-messages';
import { CASES, MESSAGES, seed, WORKERS } from './fuzz-budget';

console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed}), ${CASES} cases: ${MESSAGES} socket messages here`);

const PROBE = Uint8Array.from([RECORD_STATUS_MESSAGE]);

describe(`hostile messages (seed ${seed})`, () => {
  let server: TestServer;
  let target: CreatedMeetingResponse;
  let elsewhere: CreatedMeetingResponse;
  const honest: StockClient[] = [];
  let typing: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    const unlimited = { ...DEFAULT_FLOOD_LIMITS, connectionMessagesPerSecond: 1e9, connectionBurst: 1e9, recordMessagesPerSecond: 1e9, recordBurst: 1e9 };
    server = await startTestServer({ floodLimits: unlimited, maxMessageBytes: 64 * 1024, trustProxy: true });
    target = await createMeeting(server);
    elsewhere = await createMeeting(server);
    for (const [meeting, party] of [
      [target, 'TH'],
      [target, 'LA'],
      [elsewhere, 'TH'],
      [elsewhere, 'LA'],
    ] as const)
      honest.push(stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', party)));
    await Promise.all(honest.map((c) => synced(c)));
    let n = 0;
    typing = setInterval(() => {
      for (const c of honest) c.doc.getText('minutes').insert(0, `${n++ % 10}`);
    }, 25);
  });
  afterAll(async () => {
    clearInterval(typing);
    for (const c of honest) c.provider.destroy();
    await server.stop();
    server.cleanup();
  });

  /** A socket of a writer in the target meeting that says when each message was dealt with. */
  async function fuzzSocket() {
    const ws: WebSocket = await rawSocket(`${server.wsUrl}/${target.documentId}?token=${tokenOf(target, 'head', 'TH')}`);
    let settle: ((closed: boolean) => void) | null = null;
    ws.on('message', (data: Buffer) => {
      if (data[0] === RECORD_STATUS_MESSAGE) settle?.(false);
    });
    ws.on('close', () => settle?.(true));
    return {
      /** Sends one message and a probe; resolves true if the server closed the socket instead of answering. */
      send(message: Uint8Array): Promise<boolean> {
        return new Promise((resolve) => {
          settle = resolve;
          if (ws.readyState !== ws.OPEN) return resolve(true);
          ws.send(message);
          ws.send(PROBE);
        });
      },
      close: () => ws.close(),
    };
  }

  it(`the server never dies, other connections keep syncing, and the stored record equals what honest clients hold`, async () => {
    const pool = realUpdates(200, seed);
    let sent = 0;
    let closures = 0;
    const perRun = 250;
    const runs = Math.ceil(MESSAGES / perRun);
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzMessage(pool), { minLength: perRun, maxLength: perRun }), async (messages) => {
        const shares = Array.from({ length: WORKERS }, (_, w) => messages.filter((_, i) => i % WORKERS === w));
        await Promise.all(
          shares.map(async (share) => {
            let socket = await fuzzSocket();
            for (const message of share) {
              sent++;
              if (await socket.send(message)) {
                closures++;
                socket = await fuzzSocket();
              }
            }
            socket.close();
          }),
        );
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
    console.log(`fuzz: ${sent} messages sent, ${closures} connections closed by the server`);
    expect(sent).toBeGreaterThanOrEqual(MESSAGES);

    // Honest clients, in the fuzzed meeting and elsewhere, still sync with each other.
    clearInterval(typing);
    for (const [a, b] of [
      [honest[0]!, honest[1]!],
      [honest[2]!, honest[3]!],
    ] as const) {
      a.doc.getText('minutes').insert(0, 'final ');
      await waitFor(() => b.doc.getText('minutes').toString() === a.doc.getText('minutes').toString(), 10_000, 'honest sync');
    }

    // What is stored is what the honest clients hold: let the record go, then load it afresh.
    for (const c of honest) c.provider.destroy();
    await waitFor(() => server.services.rooms.openCount === 0, 10_000, 'record unloaded');
    // honest[1] and honest[3] received the others' final edit last, so everything before it too.
    for (const [meeting, holder] of [
      [target, honest[1]!],
      [elsewhere, honest[3]!],
    ] as const) {
      const reader = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'observer'));
      await synced(reader, 10_000);
      expect(Y.equalSnapshots(Y.snapshot(reader.doc), Y.snapshot(holder.doc))).toBe(true);
      expect(reader.doc.getText('minutes').toString()).toBe(holder.doc.getText('minutes').toString());
      reader.destroy();
    }
  }, 600_000);
});
