// S4: how long a new client waits for the whole record, alone on a record nobody has open
// (cold: the server loads it from storage), beside one who has it open (warm), and fifty
// at once (the join storm).
import { readFileSync } from 'node:fs';
import type { JoinPlan, JoinResult } from '../lib/plans';
import { ThinClient } from './thin-client';
import { fullClient, type FullClient } from './full-client';
import { stateVectorOfState, wholeAt } from './whole-record';

const WARMUP_CYCLES = Number(process.env.BENCH_WARMUP_CYCLES ?? 3);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * When `client` held the whole record (whole-record.ts): read once nothing more has come for
 * a while, so that reading what came costs the timed arrivals nothing.
 */
async function receivedWhole(client: ThinClient, whole: Map<number, number>, timeoutMs = 120_000): Promise<number> {
  const arrivals = client.arrivals!;
  const end = performance.now() + timeoutMs;
  for (;;) {
    const seen = arrivals.length;
    await sleep(100);
    if (arrivals.length !== seen) continue;
    const at = wholeAt(arrivals, whole);
    if (at !== null) return at;
    if (performance.now() > end) throw new Error(`client ${client.id}: the whole record never arrived`);
  }
}

/**
 * Whether the full client's text becomes `expected`: at once, or as the updates sent after
 * its sync step 2 land (a record reopened after a crash is sent as a snapshot, then the
 * updates stored after it).
 */
async function textArrives(full: FullClient, expected: string, timeoutMs = 5000): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (full.doc.getText('bench').toString() !== expected) {
    if (performance.now() > end) return false;
    await sleep(5);
  }
  return true;
}

export async function runJoins(plan: JoinPlan, checkpoint: (name: string) => Promise<void> = async () => {}): Promise<JoinResult> {
  const { kind } = plan.target;
  // S4 and S5 run one process.
  const [port] = plan.target.ports as [number];
  const room = plan.room;
  let nextId = 1;
  const thin = (i: number) => new ThinClient(nextId++, 0, kind, port, room.docName, room.readerTokens[i % room.readerTokens.length]!, null);
  const expected = readFileSync(plan.expectedTextPath, 'utf8');
  const whole = stateVectorOfState(new Uint8Array(readFileSync(plan.wholeStatePath)));

  // Only for a server that keeps nothing: the record is pushed in, then left in its memory.
  const seed = async (access: typeof room, path: string) => {
    const seeder = new ThinClient(nextId++, 0, kind, port, access.docName, access.writerTokens[0]!, null);
    await seeder.connect();
    seeder.send(seeder.framing.update(new Uint8Array(readFileSync(path))));
    await seeder.roundTrip(120_000);
    seeder.close();
  };
  if (plan.seedStatePath) await seed(room, plan.seedStatePath);
  if (plan.warmup) {
    if (plan.warmup.seedStatePath) await seed(plan.warmup.room, plan.warmup.seedStatePath);
    const w = plan.warmup.room;
    // Open, join and leave the warm-up record a few times: a server in service has run
    // its load, sync and encode paths many times; one pass leaves them half compiled.
    for (let cycle = 0; cycle < WARMUP_CYCLES; cycle++) {
      const holders = Array.from({ length: 4 }, (_, i) => new ThinClient(nextId++, 0, kind, port, w.docName, w.readerTokens[i % w.readerTokens.length]!, null));
      for (const c of holders) await c.connect(120_000);
      const full = fullClient(kind, port, w.docName, w.readerTokens[0]!);
      await full.synced(120_000);
      full.destroy();
      for (const c of holders) c.close();
      await sleep(300);
    }
  }
  // Every joiner of the warm-up has left; let the server let go of it.
  await sleep(500);
  if (plan.checkpoints) await checkpoint('window-start');

  const result: JoinResult = { coldMs: null, warmMs: [], stormMs: [], step2Bytes: 0, fullClientMs: NaN, textOk: false };
  if (plan.mode === 'single') {
    const first = thin(0);
    first.arrivals = [];
    await first.connect(120_000);
    const wholeSince = await receivedWhole(first, whole);
    result.coldMs = plan.seedStatePath ? null : wholeSince - first.startedAt;
    result.step2Bytes = first.step2Bytes;
    for (let i = 0; i < plan.warmJoins; i++) {
      const c = thin(i + 1);
      await c.connect(120_000);
      result.warmMs.push(c.syncedAt - c.startedAt);
      c.close();
      await sleep(50);
    }
    if (plan.checkpoints) await checkpoint('window-end');
    const t0 = performance.now();
    const full = fullClient(kind, port, room.docName, room.readerTokens[0]!);
    await full.synced(120_000);
    result.fullClientMs = performance.now() - t0;
    result.textOk = await textArrives(full, expected);
    full.destroy();
    first.close();
  } else {
    const clients = Array.from({ length: plan.storm }, (_, i) => thin(i));
    await Promise.all(clients.map((c) => c.connect(120_000)));
    result.stormMs = clients.map((c) => c.syncedAt - c.startedAt);
    result.step2Bytes = clients[0]!.step2Bytes;
    if (plan.checkpoints) await checkpoint('window-end');
    const full = fullClient(kind, port, room.docName, room.readerTokens[0]!);
    await full.synced(120_000);
    result.textOk = await textArrives(full, expected);
    full.destroy();
    for (const c of clients) c.close();
  }
  await sleep(100);
  return result;
}
