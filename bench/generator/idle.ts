// S5: K rooms, each holding the same text, and C idle connections per room. The
// orchestrator weighs the server's heap at each checkpoint.
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { awarenessUpdate } from '../lib/wire';
import { loadSequential, replaySequential } from '../lib/traces';
import type { IdlePlan, IdleResult } from '../lib/plans';
import { ThinClient } from './thin-client';
import { connectAll } from './load';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runIdle(plan: IdlePlan, checkpoint: (name: string) => Promise<void>): Promise<IdleResult> {
  const { kind } = plan.target;
  // S4 and S5 run one process.
  const [port] = plan.target.ports as [number];
  const trace = loadSequential(plan.tracesDir);
  const { doc, updates } = replaySequential(trace, { clientId: 4242, root: 'bench', to: plan.seedEdits });
  const seed = Y.mergeUpdates(plan.extraSeedPath ? [new Uint8Array(readFileSync(plan.extraSeedPath)), ...updates] : updates);
  doc.destroy();
  let nextId = 1;
  // Like a stock provider, every client says who it is once (one awareness state each).
  const hello = (c: ThinClient) => c.send(c.framing.awareness(awarenessUpdate(500_000 + c.id, 1, { user: { name: `Participant ${c.id}`, color: '#30bced' } })));

  const first = plan.rooms.map((room, r) => new ThinClient(nextId++, r, kind, port, room.docName, room.writerTokens[0]!, null));
  await connectAll(first);
  for (const c of first) {
    c.send(c.framing.update(seed));
    hello(c);
  }
  await Promise.all(first.map((c) => c.roundTrip(60_000)));
  await sleep(plan.idleMs);
  await checkpoint('rooms');

  const rest: ThinClient[] = [];
  plan.rooms.forEach((room, r) => {
    for (let i = 1; i < plan.connectionsPerRoom; i++)
      rest.push(new ThinClient(nextId++, r, kind, port, room.docName, room.readerTokens[i % room.readerTokens.length]!, null));
  });
  await connectAll(rest);
  for (const c of rest) hello(c);
  await Promise.all(rest.map((c) => c.roundTrip(60_000)));
  await checkpoint('connections');

  for (const c of [...first, ...rest]) c.close();
  return { clients: first.length + rest.length, seedBytes: seed.byteLength };
}
