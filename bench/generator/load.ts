// S0–S3: rooms of typists and readers. Typists send on a fixed schedule, whatever arrives
// meanwhile, so that a slow server shows as latency rather than as a slower sender.
import * as Y from 'yjs';
import { awarenessKey, awarenessUpdate, isHocuspocus4, updateKey } from '../lib/wire';
import { loadConcurrent, loadSequential, prng, replayConcurrent, replaySequential, textOf } from '../lib/traces';
import { summarize } from '../lib/stats';
import { backingCpu, cpuBetween } from '../lib/backing-cpu';
import { cpuOf, machineBusyMs } from '../lib/proc-stat';
import type { LoadPlan, LoadResult } from '../lib/plans';
import { ThinClient } from './thin-client';
import { fullClient, type FullClient } from './full-client';
import { Tracker } from './tracker';

interface Typist {
  client: ThinClient;
  room: number;
  clientId: number;
  root: string;
  awarenessClock: number;
}

/** Part of a room's starting state: what its typists send together, and the trace's clocks after it. */
interface RoundOfSeeds {
  sends: { typist: Typist; update: Uint8Array }[];
  /** The trace's part of the room's state vector after this round. */
  clocks: Map<number, number>;
}

interface Event {
  t: number;
  typist: Typist;
  update: Uint8Array;
}

/** Connects `clients` with at most `parallel` handshakes at a time. */
export async function connectAll(clients: ThinClient[], parallel = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < clients.length) await clients[next++]!.connect();
  };
  await Promise.all(Array.from({ length: Math.min(parallel, clients.length) }, worker));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(plan: LoadPlan, checkpoint: (name: string) => Promise<void> = async () => {}): Promise<LoadResult> {
  const { kind, ports, pids } = plan.target;
  // The i-th client of room r goes to process (r + i) mod N: a room's typists and readers sit
  // on different processes, so that every update crosses Redis on its way to some of them.
  const portOf = (room: number, i: number) => ports[(room + i) % ports.length]!;
  // Hocuspocus 4.x merges what a document took in one event-loop turn into one broadcast.
  // Accord scaled out does too, at times: a process that finds storage ahead of what Redis
  // has brought it (its catch-up check, every second) reads the updates it lacks and relays
  // them as one; the same reading is used for one process on PostgreSQL, so that N = 1 and
  // N = 3 cost the generator alike.
  const tracker = new Tracker(isHocuspocus4(plan.target.kind) || plan.target.backing !== undefined);
  const random = prng(plan.seed);
  let nextId = 1;

  // Who is in each room.
  const typists: Typist[][] = [];
  const readers: ThinClient[][] = [];
  plan.rooms.forEach((room, r) => {
    typists.push(
      Array.from({ length: plan.typistsPerRoom }, (_, i) => ({
        client: new ThinClient(nextId++, r, kind, portOf(r, i), room.docName, room.writerTokens[i % room.writerTokens.length]!, tracker),
        room: r,
        clientId: 100_000 + r * 100 + i,
        root: plan.workload.kind === 'sequential' ? `bench-${i}` : 'bench',
        awarenessClock: 0,
      })),
    );
    readers.push(
      Array.from(
        { length: plan.readersPerRoom },
        (_, i) =>
          new ThinClient(nextId++, r, kind, portOf(r, plan.typistsPerRoom + i), room.docName, room.readerTokens[i % room.readerTokens.length]!, tracker),
      ),
    );
  });
  const thin = [...typists.flat().map((t) => t.client), ...readers.flat()];
  const receiversPerRoom = plan.typistsPerRoom + plan.readersPerRoom - 1;

  // A typist sends an edit of the concurrent trace only once its own socket has brought it
  // the other typist's edits sent before, as a delegate types on what is on the screen.
  // With one process this holds by itself within milliseconds; with several, the other's
  // edit comes through Redis, and an edit sent ahead of it depends on content the typist's
  // process lacks (Accord refuses that, update:missing-dependencies). `unseen` holds, per
  // typist, the other typists' updates not yet at its socket.
  const unseen = new Map<number, Set<string>>(typists.flat().map((t) => [t.client.id, new Set<string>()]));
  tracker.onReceived = (name, receiver) => unseen.get(receiver)?.delete(name);
  const expectUpdate = (typist: Typist, update: Uint8Array, measured: boolean) => {
    const key = updateKey(update);
    for (const other of typists[typist.room]!) if (other !== typist) unseen.get(other.client.id)!.add(`${typist.room}|${key}`);
    tracker.expect(typist.room, key, typist.client.id, receiversPerRoom, measured, false);
  };
  const causal = plan.workload.kind === 'concurrent';
  const upToDate = (typist: Typist) => !causal || unseen.get(typist.client.id)!.size === 0;

  // What each typist will send, made before anything is timed.
  const events: Event[] = [];
  const expected = new Map<number, Map<string, string>>(); // room -> root -> text
  const seeds: { room: number; rounds: RoundOfSeeds[] }[] = [];
  const burstUpdates: Uint8Array[] = [];
  let traceNote: string;
  if (plan.workload.kind === 'sequential') {
    const trace = loadSequential(plan.tracesDir);
    traceNote = trace.name;
    const period = 1000 / plan.workload.rate;
    const count = Math.floor(plan.durationMs / period);
    const all = typists.flat();
    all.forEach((typist, j) => {
      const { doc, updates } = replaySequential(trace, { clientId: typist.clientId, root: typist.root, to: count + plan.burst });
      const phase = (j / all.length) * period;
      for (let k = 0; k < count && k < updates.length; k++) events.push({ t: phase + k * period, typist, update: updates[k]! });
      burstUpdates.push(...(j === 0 ? updates.slice(count) : []));
      const roots = expected.get(typist.room) ?? new Map<string, string>();
      roots.set(typist.root, doc.getText(typist.root).toString());
      expected.set(typist.room, roots);
      doc.destroy();
    });
  } else {
    const trace = loadConcurrent(plan.tracesDir);
    traceNote = trace.name;
    const replay = replayConcurrent(trace, { clientIds: [1001, 1002], root: 'bench' });
    const period = 1000 / plan.workload.rate;
    const count = Math.floor(plan.durationMs / period);
    // Each room starts at its own point of the trace, so records differ in size as real ones do.
    const offsets = plan.rooms.map(() => Math.floor(random() * Math.max(1, trace.txns.length - count - 1)));
    const order = offsets.map((o, r) => [o, r] as const).sort((a, b) => a[0] - b[0]);
    // A room's starting state is sent as a meeting would have made it: each agent's text by
    // its own typist (Accord claims a Yjs client id for the participant who first writes under
    // it and refuses anyone else's content under it), and in an order the server can
    // integrate (it refuses what depends on content it lacks). Transactions go in rounds: a
    // round holds what depends only on earlier rounds, one merged update per agent, and the
    // next round is sent once the server has answered both typists.
    const round: number[] = [];
    for (const txn of trace.txns) {
      let k = 0;
      for (const p of txn.parents) k = Math.max(k, round[p]! + (trace.txns[p]!.agent === txn.agent ? 0 : 1));
      round.push(k);
    }
    const parts: Uint8Array[][][] = []; // round -> agent -> updates (merged when a room's seed is taken)
    let applied = 0;
    for (const [offset, r] of order) {
      for (; applied < offset; applied++) {
        const u = replay.updates[applied];
        if (!u) continue;
        const byAgent = (parts[round[applied]!] ??= replay.clientIds.map(() => []));
        byAgent[replay.agents[applied]!]!.push(u);
      }
      if (offset === 0) continue;
      const rounds: RoundOfSeeds[] = [];
      // Filled in with what the record held when typist 0 joined (the meeting as set up).
      const clocks = new Map<number, number>();
      for (const byAgent of parts) {
        if (!byAgent) continue;
        const sends: RoundOfSeeds['sends'] = [];
        byAgent.forEach((updates, agent) => {
          if (updates.length === 0) return;
          if (updates.length > 1) updates.splice(0, updates.length, Y.mergeUpdates(updates));
          const update = updates[0]!;
          for (const [client, clock] of Y.parseUpdateMeta(update).to) clocks.set(client, Math.max(clocks.get(client) ?? 0, clock));
          sends.push({ typist: typists[r]![agent]!, update });
        });
        // What the room holds after this round: the typists ask for what they lack beyond it (nothing).
        if (sends.length > 0) rounds.push({ sends, clocks: new Map(clocks) });
      }
      seeds.push({ room: r, rounds });
    }
    plan.rooms.forEach((_, r) => {
      const phase = random() * period;
      const from = offsets[r]!;
      for (let k = 0; k < count; k++) {
        const u = replay.updates[from + k];
        if (!u) continue;
        events.push({ t: phase + k * period, typist: typists[r]![replay.agents[from + k]!]!, update: u });
      }
      if (plan.fullClientRooms.includes(r)) {
        const text = textOf(replay.updates.slice(0, from + count), 'bench');
        expected.set(r, new Map([['bench', text]]));
      }
    });
  }
  events.sort((a, b) => a.t - b.t);

  // Join everyone, then push the rooms' starting states (S3), then the full clients.
  const connectStart = performance.now();
  for (const seed of seeds) typists[seed.room]![0]!.client.keepsJoinState = true;
  await connectAll(thin);
  // Rooms are seeded side by side, each round after the one before (see above).
  await Promise.all(
    seeds.map(async ({ room, rounds }) => {
      // A round trip asks for what the room holds beyond the seed so far and the meeting's set-up: nothing.
      const joined = typists[room]![0]!.client.joinedWith;
      const setUp = joined ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(joined)) : new Map<number, number>();
      for (const { sends, clocks } of rounds) {
        const stateVector = Y.encodeStateVector(new Map([...setUp, ...clocks]));
        for (const { typist, update } of sends) {
          expectUpdate(typist, update, false);
          typist.client.send(typist.client.framing.update(update));
        }
        await Promise.all(sends.map(({ typist }) => typist.client.roundTrip(60_000, stateVector)));
        // Each typist's process has the round (every process has it, with the typists on different ones).
        const end = performance.now() + 60_000;
        while (!typists[room]!.every(upToDate) && performance.now() < end) await sleep(2);
      }
    }),
  );
  if (seeds.length > 0) {
    const seededRooms = new Set(seeds.map((s) => s.room));
    const end = performance.now() + 30_000;
    while (readers.some((rs, r) => seededRooms.has(r) && rs.some((c) => c.updates === 0)) && performance.now() < end) await sleep(10);
  }
  const fulls: { room: number; client: FullClient }[] = plan.fullClientRooms.map((r, j) => ({
    room: r,
    client: fullClient(kind, portOf(r, j), plan.rooms[r]!.docName, plan.rooms[r]!.readerTokens[0]!),
  }));
  await Promise.all(fulls.map((f) => f.client.synced()));
  const connectMs = performance.now() - connectStart;
  for (const c of thin) {
    c.updates = 0;
    c.updateBytes = 0;
  }
  await sleep(200);

  // The paced window.
  if (plan.checkpoints) await checkpoint('window-start');
  const cpu0 = cpuOf(pids);
  const backing0 = plan.target.backing ? await backingCpu(plan.target.backing) : null;
  const gen0 = process.cpuUsage();
  const machine0 = machineBusyMs();
  const sendLag: number[] = [];
  let bytesIn = 0;
  const start = performance.now();
  const awareness = plan.workload.kind === 'sequential' && plan.workload.awareness;
  const fire = (e: Event, measured: boolean) => {
    const { typist } = e;
    const message = typist.client.framing.update(e.update);
    bytesIn += message.byteLength;
    expectUpdate(typist, e.update, measured);
    typist.client.send(message);
    if (awareness) {
      const state = {
        user: { name: `Typist ${typist.clientId}`, color: '#30bced' },
        cursor: {
          anchor: { type: null, tname: typist.root, item: { client: typist.clientId, clock: typist.awarenessClock }, assoc: 0 },
          head: { type: null, tname: typist.root, item: { client: typist.clientId, clock: typist.awarenessClock }, assoc: 0 },
        },
      };
      const a = awarenessUpdate(typist.clientId, ++typist.awarenessClock, state);
      tracker.expect(typist.room, awarenessKey(a), typist.client.id, receiversPerRoom, measured, true);
      typist.client.send(typist.client.framing.awareness(a));
    }
  };
  // Edits due while their typist still waits for the other's (above), in order, per typist.
  // One held longer than the drain time goes anyway (a refused edit never arrives).
  const held = new Map<Typist, Event[]>();
  let holding = 0;
  await new Promise<void>((resolve) => {
    let next = 0;
    const send = (e: Event, now: number) => {
      sendLag.push(now - e.t);
      fire(e, e.t >= plan.warmupMs);
    };
    const tick = () => {
      const now = performance.now() - start;
      for (const [typist, queue] of held) {
        while (queue.length > 0 && (upToDate(typist) || now - queue[0]!.t > plan.drainMs)) {
          send(queue.shift()!, now);
          holding--;
        }
        if (queue.length === 0) held.delete(typist);
      }
      while (next < events.length && events[next]!.t <= now) {
        const e = events[next++]!;
        const queue = held.get(e.typist);
        if (queue || !upToDate(e.typist)) {
          if (queue) queue.push(e);
          else held.set(e.typist, [e]);
          holding++;
        } else send(e, now);
      }
      if (next >= events.length && holding === 0) return resolve();
      const due = next < events.length ? events[next]!.t - (performance.now() - start) - 0.3 : Number.POSITIVE_INFINITY;
      setTimeout(tick, Math.max(0, holding > 0 ? Math.min(1, due) : due));
    };
    tick();
  });
  await tracker.drain(plan.drainMs);
  const wallMs = performance.now() - start;
  const cpu1 = cpuOf(pids);
  const gen = process.cpuUsage(gen0);
  const machine1 = machineBusyMs();
  const backing1 = plan.target.backing ? await backingCpu(plan.target.backing) : null;
  const backingCpuMs = backing0 && backing1 ? cpuBetween(backing0, backing1) : null;
  const missing = tracker.outstanding;
  if (plan.checkpoints) await checkpoint('window-end');

  // S1: as fast as the socket takes them.
  let burst: LoadResult['burst'] = null;
  if (burstUpdates.length > 0) {
    const typist = typists[0]![0]!;
    const b0 = cpuOf(pids);
    const t0 = performance.now();
    for (let i = 0; i < burstUpdates.length; i++) {
      const u = burstUpdates[i]!;
      tracker.expect(typist.room, updateKey(u), typist.client.id, receiversPerRoom, false, false);
      typist.client.send(typist.client.framing.update(u));
      if (i % 256 === 255) await new Promise((r) => setImmediate(r));
    }
    const drained = await tracker.drain(60_000);
    const ms = performance.now() - t0;
    const b1 = cpuOf(pids);
    burst = {
      count: burstUpdates.length,
      ms,
      perSecond: drained ? (burstUpdates.length * 1000) / ms : NaN,
      serverCpuMs: b0 !== null && b1 !== null ? b1 - b0 : null,
      missing: tracker.outstanding,
    };
  }

  // Every full client must hold exactly what was typed into its room.
  const fullChecks: LoadResult['fullChecks'] = [];
  for (const { room, client } of fulls) {
    const roots = expected.get(room) ?? new Map<string, string>();
    const matches = () => [...roots].every(([root, text]) => client.doc.getText(root).toString() === text);
    const end = performance.now() + 10_000;
    while (!matches() && performance.now() < end) await sleep(20);
    const want = [...roots.values()].reduce((n, t) => n + t.length, 0);
    const got = [...roots.keys()].reduce((n, root) => n + client.doc.getText(root).length, 0);
    fullChecks.push({ room, ok: matches() && roots.size > 0, expected: want, got });
  }

  const readerClients = readers.flat();
  const updatesOut = readerClients.reduce((n, c) => n + c.updates, 0);
  const bytesOut = readerClients.reduce((n, c) => n + c.updateBytes, 0);
  const result: LoadResult = {
    clients: thin.length + fulls.length,
    connectMs,
    sentUpdates: tracker.sentUpdates,
    sentAwareness: tracker.sentAwareness,
    completed: tracker.completed,
    missing,
    update: summarize(tracker.updateLatencies),
    awareness: summarize(tracker.awarenessLatencies),
    sendLag: summarize(sendLag),
    wallMs,
    serverCpuMs: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
    backingCpuMs,
    generatorCpuMs: (gen.user + gen.system) / 1000,
    otherCpuMs:
      machine0 !== null && machine1 !== null && cpu0 !== null && cpu1 !== null
        ? Math.max(0, machine1 - machine0 - (cpu1 - cpu0) - (gen.user + gen.system) / 1000 - (backingCpuMs ?? 0))
        : null,
    bytesPerUpdateIn: events.length > 0 ? bytesIn / events.length : NaN,
    bytesPerUpdateOut: updatesOut > 0 ? bytesOut / updatesOut : NaN,
    refusals: thin.reduce((n, c) => n + [...c.refusals.values()].reduce((a, b) => a + b, 0), 0),
    refusalReasons: thin.flatMap((c) => [...c.refusals]).reduce<Record<string, number>>((m, [reason, n]) => ((m[reason] = (m[reason] ?? 0) + n), m), {}),
    fullClientRefusals: fulls.flatMap((f) => f.client.refusals).reduce<Record<string, number>>((m, r) => ((m[r] = (m[r] ?? 0) + 1), m), {}),
    unexpectedCloses: thin.filter((c) => c.closeCode !== null).length,
    fullChecks,
    worst: tracker.updateLatencies
      .map((ms, i) => ({ at: tracker.updateSentAt[i]! - start, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12)
      .sort((a, b) => a.at - b.at),
    burst,
    traceNote,
  };
  for (const c of thin) c.close();
  for (const f of fulls) f.client.destroy();
  await sleep(100);
  return result;
}
