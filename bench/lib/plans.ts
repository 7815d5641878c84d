// What the orchestrator asks of the load generator, and what it answers.
import type { ServerKind } from './wire';
import type { Summary } from './stats';

/** One room on one server: how to name it and the credentials to join it with. */
export interface RoomAccess {
  docName: string;
  /** Tokens that may write (Accord: delegates, heads, secretariats); peers ignore them. */
  writerTokens: string[];
  /** Tokens for readers (Accord: observers first, then writers). */
  readerTokens: string[];
}

export interface Target {
  kind: ServerKind;
  /**
   * Where clients connect: one port, or one per process when Accord runs scaled out (several
   * processes sharing PostgreSQL and Redis); a room's clients then go to the processes in
   * turn, as a load balancer would send a meeting's delegates.
   */
  ports: number[];
  /** The server's processes, for their CPU time (summed). */
  pids: number[];
  /**
   * Scale-out: the processes the server's processes lean on (its Redis, its PostgreSQL
   * backends, found by application name), for their CPU time apart from the rest of the machine.
   */
  backing?: { pids: number[]; database: { url: string; applicationName: string } | null };
}

export type Workload =
  | {
      /** Each typist replays the sequential trace from its start into its own root. */
      kind: 'sequential';
      /** Edits per second per typist. */
      rate: number;
      /** An awareness change (caret move) after every edit. */
      awareness: boolean;
    }
  | {
      /** Two typists per room replaying the concurrent trace, from an offset per room. */
      kind: 'concurrent';
      /** Edits per second per room (both typists together). */
      rate: number;
    };

export interface LoadPlan {
  type: 'load';
  target: Target;
  rooms: RoomAccess[];
  typistsPerRoom: number;
  /** Thin readers per room (besides typists and full clients). */
  readersPerRoom: number;
  /** Rooms that get one full client each (they replace nothing; they are extra sockets). */
  fullClientRooms: number[];
  workload: Workload;
  durationMs: number;
  /** Samples sent in the first warmupMs are not counted. */
  warmupMs: number;
  drainMs: number;
  /** S1: after the paced window, this many more updates as fast as the socket takes them. */
  burst: number;
  tracesDir: string;
  seed: number;
  /** Stop at checkpoints 'window-start' and 'window-end' around the paced window (profiling). */
  checkpoints?: boolean;
}

export interface LoadResult {
  clients: number;
  connectMs: number;
  sentUpdates: number;
  sentAwareness: number;
  completed: number;
  /** Sent but never seen by every receiver within the drain time. */
  missing: number;
  update: Summary;
  awareness: Summary;
  /** How late the generator sent, against its schedule (its own health). */
  sendLag: Summary;
  wallMs: number;
  /** Every server process together. */
  serverCpuMs: number | null;
  /** Scale-out: Redis and the PostgreSQL backends serving the server's processes; else null. */
  backingCpuMs: number | null;
  generatorCpuMs: number;
  /** CPU the rest of the machine used meanwhile (other work on a shared machine), all cores. */
  otherCpuMs: number | null;
  /** Bytes of an update message as sent by the typist, and as received by a reader. */
  bytesPerUpdateIn: number;
  bytesPerUpdateOut: number;
  /** Refusals the thin clients were sent (seeding included): each is a message the server did not take. */
  refusals: number;
  /** The same, by reason. */
  refusalReasons: Record<string, number>;
  /** Refusals the full clients (stock providers) were sent, by reason. */
  fullClientRefusals: Record<string, number>;
  unexpectedCloses: number;
  fullChecks: { room: number; ok: boolean; expected: number; got: number }[];
  /** The slowest updates: when they were sent (ms into the window) and their latency. */
  worst: { at: number; ms: number }[];
  burst: { count: number; ms: number; perSecond: number; serverCpuMs: number | null; missing: number } | null;
  traceNote: string;
}

export interface JoinPlan {
  type: 'joins';
  target: Target;
  room: RoomAccess;
  /** 'single': one cold join, then warm joins; 'storm': `storm` clients at once. */
  mode: 'single' | 'storm';
  storm: number;
  warmJoins: number;
  /** y-websocket keeps nothing: the generator first pushes this state (a file) into the room. */
  seedStatePath: string | null;
  /**
   * Another record opened, joined and left before anything is measured, so that the
   * figures are those of a server in service (its code warm), not of a process's first
   * record; with its state file for y-websocket.
   */
  warmup: { room: RoomAccess; seedStatePath: string | null } | null;
  /** Stop at checkpoints 'window-start' and 'window-end' around the measured joins (profiling). */
  checkpoints?: boolean;
  /** What the full client must find in root `bench`. */
  expectedTextPath: string;
  /** The record's whole state (a file): a cold join counts until its state vector is received. */
  wholeStatePath: string;
}

export interface JoinResult {
  /**
   * ms from opening the socket to the whole document received: every sync message up to it
   * together covers the record's state vector (the server may send it in several).
   */
  coldMs: number | null;
  warmMs: number[];
  stormMs: number[];
  step2Bytes: number;
  fullClientMs: number;
  textOk: boolean;
}

export interface IdlePlan {
  type: 'idle';
  target: Target;
  rooms: RoomAccess[];
  connectionsPerRoom: number;
  /** Edits of the sequential trace each room holds (pushed by its first client). */
  seedEdits: number;
  /** More content for each room (a file): the peers get what an Accord record starts with. */
  extraSeedPath: string | null;
  /** How long the rooms sit idle after their first clients' seed before they are weighed. */
  idleMs: number;
  tracesDir: string;
}

export interface IdleResult {
  clients: number;
  seedBytes: number;
}

export type Plan = LoadPlan | JoinPlan | IdlePlan;

export type GeneratorMessage =
  | { type: 'result'; result: LoadResult | JoinResult | IdleResult }
  | { type: 'checkpoint'; name: string }
  | { type: 'error'; error: string };

export type OrchestratorMessage = { type: 'run'; plan: Plan } | { type: 'resume' };
