// S5: memory. K rooms, each holding the same text, with one connection each, then with C
// idle connections each; the server's heap and RSS after a full collection at each step.
import { setTimeout as sleep } from 'node:timers/promises';
import { abab, newReport, record, type RunContext, type ScenarioReport } from '../lib/context';
import type { HeapReport } from '../servers/ipc';
import type { IdlePlan, IdleResult } from '../lib/plans';
import { isAccord, type ServerKind } from '../lib/wire';
import { fmt, generate, withServer } from './common';
import { accordInitialState } from './accord-record';

/**
 * The rooms are weighed once idle this long: past ACCORD_IDLE_DOCUMENT_SECONDS (10 s by
 * default), after which Accord keeps an unwritten record's encoded state, not its Y.Doc.
 * Every server waits alike, so that they are weighed under the same load.
 */
const IDLE_BEFORE_WEIGHING_MS = 12_000;

export async function s5Memory(ctx: RunContext): Promise<ScenarioReport> {
  const rooms = ctx.full ? 100 : 40;
  const perRoom = ctx.full ? 15 : 8;
  const seedEdits = 5000;
  const report = newReport(
    'S5',
    'Memory per room and per connection',
    `${rooms} rooms, each holding the first ${seedEdits} edits of automerge-paper (pushed by its first client) and the CMM 04 meeting as an Accord record starts (Accord makes it; the peers' first client pushes the same state), first with 1 connection each (weighed after the rooms have been idle ${IDLE_BEFORE_WEIGHING_MS / 1000} s; the empty server too is weighed after ${IDLE_BEFORE_WEIGHING_MS / 1000} s), then ${perRoom}; every client sends one awareness state. Heap and RSS after gc(), per room = (1 connection each − empty server) / K, per connection = (C each − 1 each) / (K × (C − 1)).`,
    [
      { name: 'heap per room', unit: 'kB', better: 'lower', target: 'S5: ≤ 0.5× Hocuspocus' },
      { name: 'heap per connection', unit: 'kB', better: 'lower' },
      { name: 'RSS per room', unit: 'kB', better: 'lower' },
      { name: 'RSS per connection', unit: 'kB', better: 'lower' },
    ],
  );
  const servers = ctx.servers.filter((s): s is ServerKind => s !== 'relay');
  // The same content in every server's rooms: the peers also get the state an Accord record
  // is created with (the CMM 04 meeting facts, agenda and roster).
  const initial = await accordInitialState(ctx, 'cmm04-th-la');
  for (const { repeat, server: kind } of abab(servers, ctx.repeats)) {
    await withServer(ctx, { kind, rooms, fixture: 'cmm04-th-la' }, async (server, access, target) => {
      // An empty server's RSS also falls over its first seconds (start-up memory handed back
      // to the system): weighed at once, it would be set against rooms weighed settled.
      await sleep(IDLE_BEFORE_WEIGHING_MS);
      const base = await server.heap();
      const marks: Record<string, HeapReport> = {};
      const plan: IdlePlan = {
        type: 'idle',
        target,
        rooms: access,
        connectionsPerRoom: perRoom,
        seedEdits,
        extraSeedPath: isAccord(kind) ? null : initial.path,
        idleMs: IDLE_BEFORE_WEIGHING_MS,
        tracesDir: ctx.tracesDir,
      };
      await generate<IdleResult>(plan, async (name) => {
        marks[name] = await server.heap();
      });
      const one = marks.rooms!;
      const many = marks.connections!;
      const perRoomHeap = (one.heapUsed - base.heapUsed) / rooms / 1024;
      const perConnHeap = (many.heapUsed - one.heapUsed) / (rooms * (perRoom - 1)) / 1024;
      record(report, 'heap per room', kind, perRoomHeap);
      record(report, 'heap per connection', kind, perConnHeap);
      record(report, 'RSS per room', kind, (one.rss - base.rss) / rooms / 1024);
      record(report, 'RSS per connection', kind, (many.rss - one.rss) / (rooms * (perRoom - 1)) / 1024);
      ctx.log(`S5 ${kind} #${repeat + 1}: heap ${fmt(perRoomHeap)} kB/room, ${fmt(perConnHeap)} kB/connection`);
    });
  }
  return report;
}
