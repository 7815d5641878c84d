// One run: a fresh server process (a fresh data folder for Accord), its rooms, a fresh
// load generator, the plan, and both processes stopped again whatever happens.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startGenerator, startServer, type ServerHandle, type ServerOptions } from '../lib/processes';
import { ADMIN_TOKEN, createRooms, type FixtureName } from '../lib/rooms';
import type { IdleResult, JoinResult, LoadResult, Plan, RoomAccess, Target } from '../lib/plans';
import type { RunContext } from '../lib/context';
import { isAccord, type ServerKind } from '../lib/wire';

export interface RunOptions {
  kind: ServerKind;
  rooms: number;
  fixture: FixtureName;
  /** Extra server options (e.g. Hocuspocus's SQLite file); dataDir is made here for Accord. */
  server?: ServerOptions;
  /** Accord's data folder to use instead of a fresh one. */
  dataDir?: string;
  profile?: boolean;
}

export async function withServer<T>(
  ctx: RunContext,
  options: RunOptions,
  body: (server: ServerHandle, rooms: RoomAccess[], target: Target) => Promise<T>,
): Promise<T> {
  const fresh = isAccord(options.kind) && !options.dataDir ? mkdtempSync(join(ctx.tmpRoot, 'accord-data-')) : null;
  const dataDir = options.dataDir ?? fresh ?? undefined;
  const server = await startServer(options.kind, {
    ...options.server,
    ...(isAccord(options.kind) ? { dataDir, adminToken: ADMIN_TOKEN } : {}),
    ...(options.profile && ctx.profileDir ? { cpuProfDir: ctx.profileDir } : {}),
  });
  try {
    const rooms = await createRooms(options.kind, server.port, options.rooms, options.fixture);
    return await body(server, rooms, { kind: options.kind, ports: [server.port], pids: [server.pid] });
  } finally {
    await server.stop();
    if (fresh) rmSync(fresh, { recursive: true, force: true });
  }
}

export async function generate<R extends LoadResult | JoinResult | IdleResult>(plan: Plan, onCheckpoint?: (name: string) => Promise<void>): Promise<R> {
  const generator = await startGenerator();
  try {
    return await generator.run<R>(plan, onCheckpoint);
  } finally {
    await generator.stop();
  }
}

export const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

/** CPU used by other processes on the machine during the window, in % of one core. */
export const otherLoad = (r: LoadResult) => (r.otherCpuMs === null ? NaN : (100 * r.otherCpuMs) / r.wallMs);

/** Other work on the machine, in % of a core, past which a load run is done again. */
const DISTURBED_AT = 10;
const ATTEMPTS = 3;

/**
 * A load run, done again (three attempts at most, or `attempts`) while other work on the shared machine
 * takes more than DISTURBED_AT % of a core during it, so that a neighbour's burst does not
 * decide a median; answers the least disturbed attempt. The rule is the same for every
 * server and looks only at the machine's load, never at the server's figures.
 */
export async function undisturbed(ctx: RunContext, label: string, attempt: () => Promise<LoadResult>, attempts = ATTEMPTS): Promise<LoadResult> {
  let best: LoadResult | null = null;
  const load = (r: LoadResult) => (Number.isFinite(otherLoad(r)) ? otherLoad(r) : 0);
  for (let i = 1; i <= attempts; i++) {
    const r = await attempt();
    if (!best || load(r) < load(best)) best = r;
    if (load(r) <= DISTURBED_AT) break;
    ctx.log(`${label}: other work on the machine took ${fmt(load(r), 0)}% of a core${i < attempts ? '; run again' : ''}`);
  }
  return best!;
}
