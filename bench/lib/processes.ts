// Starting the servers and the load generator, each in its own Node process, pinned to
// their own cores with taskset when there are cores enough; under the orchestrator's Node,
// or under the Node 24 of scripts/node24.mjs (BENCH_NODE=24, set by `--node 24`; Hocuspocus
// 4.x always, since it needs Node 22 or later).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HeapReport, ServerReply } from '../servers/ipc';
import type { GeneratorMessage, IdleResult, JoinResult, LoadResult, OrchestratorMessage, Plan } from './plans';
import { isAccord, isHocuspocus4, type ServerKind } from './wire';
import { REPO_ROOT } from './traces';

const BENCH = join(REPO_ROOT, 'bench');

let tasksetChecked: boolean | null = null;
function hasTaskset(): boolean {
  if (tasksetChecked === null) {
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
      tasksetChecked = true;
    } catch {
      tasksetChecked = false;
    }
  }
  return tasksetChecked;
}

/**
 * Server on core 0, generator on core 1; no pinning on a single core, without taskset, or
 * when the run asks for none (BENCH_PIN=0: the scale-out runs, whose several server
 * processes would otherwise share one core while the generator had the other to itself).
 */
export function pinning(): { server: string | null; generator: string | null; note: string } {
  const cores = availableParallelism();
  if (process.env.BENCH_PIN === '0')
    return { server: null, generator: null, note: `not pinned (BENCH_PIN=0; ${cores} cores shared by the servers, the load generator and their backends)` };
  if (cores < 2 || !hasTaskset()) return { server: null, generator: null, note: `not pinned (${cores} cores, taskset ${hasTaskset() ? 'present' : 'absent'})` };
  return { server: '0', generator: '1', note: `server pinned to core 0, load generator to core 1 (taskset; ${cores} cores)` };
}

/** The Node a process runs under: its binary, and what it needs beyond the usual flags. */
interface Runtime {
  binary: string;
  execArgv: string[];
  env: Record<string, string>;
}

/** The version of a package in the product's node_modules, else the benchmark's. */
function installedVersion(pkg: string): string {
  for (const root of [join(REPO_ROOT, 'node_modules'), join(BENCH, 'node_modules')]) {
    try {
      return (JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not in this one
    }
  }
  throw new Error(`${pkg} is not installed`);
}

/**
 * The Node 24 of scripts/node24.mjs, installed on first use (imported only then: the smoke
 * test and the Node 20 runs never install it), with the native addons the process needs
 * built for it (better-sqlite3 of Accord's version, which Hocuspocus 4.x's SQLite extension
 * gets too) and the hook that makes their names resolve to those copies.
 */
async function node24Runtime(addons: string[]): Promise<Runtime> {
  const { node24Binary, node24Addon } = await import('../../scripts/node24.mjs');
  const folders = Object.fromEntries(addons.map((name) => [name, node24Addon(name, installedVersion(name))]));
  return {
    binary: node24Binary,
    execArgv: ['--import', pathToFileURL(join(REPO_ROOT, 'scripts', 'node24-hooks.mjs')).href],
    env: { ACCORD_NODE24_ADDONS: JSON.stringify(folders) },
  };
}

/** Whether every process runs under Node 24 (`--node 24`). */
export const allOnNode24 = (): boolean => process.env.BENCH_NODE === '24';

/** Hocuspocus 4.x needs Node 22 or later: it runs under Node 24 whatever --node says. */
const needsNode24 = (kind: ServerKind | 'generator'): boolean => (kind !== 'generator' && isHocuspocus4(kind)) || allOnNode24();

async function runtimeFor(kind: ServerKind | 'generator', sqlite = false): Promise<Runtime> {
  if (!needsNode24(kind)) return { binary: process.execPath, execArgv: [], env: {} };
  if (kind === 'generator') return node24Runtime([]);
  // Only what the process loads: Accord's store; Hocuspocus 4.x's SQLite extension (S4, and
  // hocuspocus4-sqlite always). Hocuspocus 3.4.4's extension loads sqlite3, a Node-API addon:
  // its Node 20 build loads in Node 24 as it is.
  const addons = isAccord(kind) || (isHocuspocus4(kind) && sqlite) ? ['better-sqlite3'] : [];
  return node24Runtime(addons);
}

/** The Node versions each server kind, and the generator, were seen running under (for the report). */
export const nodesSeen = new Map<ServerKind | 'generator', Set<string>>();
function saw(kind: ServerKind | 'generator', version: string): void {
  let set = nodesSeen.get(kind);
  if (!set) nodesSeen.set(kind, (set = new Set()));
  set.add(version);
}

function launch(script: string, core: string | null, runtime: Runtime, execArgv: string[], env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const args = [...runtime.execArgv, ...execArgv, '--import', 'tsx', script];
  const stdio: ('ignore' | 'pipe' | 'ipc')[] = ['ignore', 'pipe', 'pipe', 'ipc'];
  env = { ...env, ...runtime.env };
  const child =
    core !== null
      ? spawn('taskset', ['-c', core, runtime.binary, ...args], { env, stdio, cwd: REPO_ROOT })
      : spawn(runtime.binary, args, { env, stdio, cwd: REPO_ROOT });
  let lines = 0;
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim() || lines >= 40) continue;
      lines++;
      process.stderr.write(`  [${label}] ${line}\n`);
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

export interface ServerOptions {
  dataDir?: string;
  adminToken?: string;
  /** Hocuspocus: its SQLite extension's database file (hocuspocus4-sqlite: a fresh one when not given). */
  sqlite?: string;
  /** Write a V8 CPU profile into this folder on exit. */
  cpuProfDir?: string;
  /** Extra environment (e.g. Accord's flood limits raised for a machine-speed replay). */
  env?: Record<string, string>;
}

export interface ServerHandle {
  kind: ServerKind;
  port: number;
  pid: number;
  /** process.version of the server process. */
  node: string;
  heap(): Promise<HeapReport>;
  /** The server's monotonic clock now, in µs (to cut a CPU profile to a window). */
  mark(): Promise<number>;
  stop(): Promise<void>;
}

const SCRIPTS: Record<ServerKind, string> = {
  accord: 'servers/accord.ts',
  'accord-b': 'servers/accord.ts',
  hocuspocus: 'servers/hocuspocus.ts',
  hocuspocus4: 'servers/hocuspocus4.ts',
  'hocuspocus4-sqlite': 'servers/hocuspocus4.ts',
  ywebsocket: 'servers/y-websocket.ts',
  relay: 'servers/relay.ts',
};

export async function startServer(kind: ServerKind, options: ServerOptions = {}): Promise<ServerHandle> {
  const execArgv = ['--expose-gc'];
  if (options.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...options.env };
  if (options.dataDir) env.BENCH_DATA_DIR = options.dataDir;
  if (options.adminToken) env.BENCH_ADMIN_TOKEN = options.adminToken;
  if (kind === 'accord-b') {
    if (!process.env.BENCH_ACCORD_B_ROOT) throw new Error('accord-b needs --accord-b <git ref or folder>');
    env.BENCH_ACCORD_ROOT = process.env.BENCH_ACCORD_B_ROOT;
  }
  // Each start its own empty database, as each Accord its own data folder: nothing carried
  // over from an earlier run, and the folder goes with the server.
  const ownDatabase = kind === 'hocuspocus4-sqlite' && !options.sqlite;
  const runtime = await runtimeFor(kind, !!options.sqlite || ownDatabase);
  const sqliteDir = ownDatabase ? mkdtempSync(join(tmpdir(), 'accord-bench-hocuspocus4-sqlite-')) : null;
  const removeSqliteDir = () => {
    if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  };
  const sqlite = options.sqlite ?? (sqliteDir ? join(sqliteDir, 'hocuspocus.sqlite') : undefined);
  if (sqlite) env.BENCH_SQLITE = sqlite;
  const child = launch(join(BENCH, SCRIPTS[kind]), pinning().server, runtime, execArgv, env, kind);
  let nextId = 1;
  const waiting = new Map<number, (reply: ServerReply) => void>();
  const ready = new Promise<{ port: number; pid: number; node: string }>((resolve, reject) => {
    child.on('message', (reply: ServerReply) => {
      if (reply.type === 'ready') resolve({ port: reply.port, pid: reply.pid, node: reply.node });
      else if (reply.type === 'failed') reject(new Error(`${kind} failed to start: ${reply.error}`));
      else waiting.get(reply.id)?.(reply);
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code} before it was ready`)));
  });
  const { port, pid, node } = await ready.catch((err: unknown) => {
    removeSqliteDir();
    throw err;
  });
  saw(kind, node);
  const ask = (type: 'gc+heap' | 'mark' | 'stop') =>
    new Promise<ServerReply>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ type, id });
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    kind,
    port,
    pid,
    node,
    async heap() {
      const reply = await ask('gc+heap');
      if (reply.type !== 'heap') throw new Error(`${kind} answered ${reply.type} to gc+heap`);
      return reply;
    },
    async mark() {
      const reply = await ask('mark');
      if (reply.type !== 'mark') throw new Error(`${kind} answered ${reply.type} to mark`);
      return reply.t;
    },
    async stop() {
      if (child.exitCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        void ask('stop');
        await exited;
        clearTimeout(timer);
      }
      removeSqliteDir();
    },
  };
}

export interface GeneratorHandle {
  run<R extends LoadResult | JoinResult | IdleResult>(plan: Plan, onCheckpoint?: (name: string) => Promise<void>): Promise<R>;
  stop(): Promise<void>;
}

export async function startGenerator(): Promise<GeneratorHandle> {
  const runtime = await runtimeFor('generator');
  const child = launch(join(BENCH, 'generator/main.ts'), pinning().generator, runtime, [], { ...process.env }, 'generator');
  saw('generator', needsNode24('generator') ? `v${(await import('../../scripts/node24.mjs')).NODE24_VERSION}` : process.version);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    run<R>(plan: Plan, onCheckpoint?: (name: string) => Promise<void>) {
      return new Promise<R>((resolve, reject) => {
        child.on('message', (message: GeneratorMessage) => {
          if (message.type === 'result') resolve(message.result as R);
          else if (message.type === 'error') reject(new Error(`generator: ${message.error}`));
          else if (message.type === 'checkpoint') {
            void (onCheckpoint?.(message.name) ?? Promise.resolve()).then(() => child.send({ type: 'resume' } satisfies OrchestratorMessage));
          }
        });
        child.once('exit', (code) => reject(new Error(`generator exited with ${code}`)));
        child.send({ type: 'run', plan } satisfies OrchestratorMessage);
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.disconnect();
      await exited;
      clearTimeout(timer);
    },
  };
}
