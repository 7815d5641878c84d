// Starting the servers and the load generator, each in its own Node process, pinned to
// their own cores with taskset when there are cores enough.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { HeapReport, ServerReply } from '../servers/ipc';
import type { GeneratorMessage, IdleResult, JoinResult, LoadResult, OrchestratorMessage, Plan } from './plans';
import type { ServerKind } from './wire';
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

/** Server on core 0, generator on core 1; no pinning on a single core or without taskset. */
export function pinning(): { server: string | null; generator: string | null; note: string } {
  const cores = availableParallelism();
  if (cores < 2 || !hasTaskset()) return { server: null, generator: null, note: `not pinned (${cores} cores, taskset ${hasTaskset() ? 'present' : 'absent'})` };
  return { server: '0', generator: '1', note: `server pinned to core 0, load generator to core 1 (taskset; ${cores} cores)` };
}

function launch(script: string, core: string | null, execArgv: string[], env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const args = [...execArgv, '--import', 'tsx', script];
  const stdio: ('ignore' | 'pipe' | 'ipc')[] = ['ignore', 'pipe', 'pipe', 'ipc'];
  const child = core !== null ? spawn('taskset', ['-c', core, process.execPath, ...args], { env, stdio, cwd: REPO_ROOT }) : spawn(process.execPath, args, { env, stdio, cwd: REPO_ROOT });
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
  /** Hocuspocus: its SQLite extension's database file. */
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
  heap(): Promise<HeapReport>;
  /** The server's monotonic clock now, in µs (to cut a CPU profile to a window). */
  mark(): Promise<number>;
  stop(): Promise<void>;
}

const SCRIPTS: Record<ServerKind, string> = {
  accord: 'servers/accord.ts',
  'accord-b': 'servers/accord.ts',
  hocuspocus: 'servers/hocuspocus.ts',
  ywebsocket: 'servers/y-websocket.ts',
  relay: 'servers/relay.ts',
};

export async function startServer(kind: ServerKind, options: ServerOptions = {}): Promise<ServerHandle> {
  const execArgv = ['--expose-gc'];
  if (options.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...options.env };
  if (options.dataDir) env.BENCH_DATA_DIR = options.dataDir;
  if (options.adminToken) env.BENCH_ADMIN_TOKEN = options.adminToken;
  if (options.sqlite) env.BENCH_SQLITE = options.sqlite;
  if (kind === 'accord-b') {
    if (!process.env.BENCH_ACCORD_B_ROOT) throw new Error('accord-b needs --accord-b <git ref or folder>');
    env.BENCH_ACCORD_ROOT = process.env.BENCH_ACCORD_B_ROOT;
  }
  const child = launch(join(BENCH, SCRIPTS[kind]), pinning().server, execArgv, env, kind);
  let nextId = 1;
  const waiting = new Map<number, (reply: ServerReply) => void>();
  const ready = new Promise<{ port: number; pid: number }>((resolve, reject) => {
    child.on('message', (reply: ServerReply) => {
      if (reply.type === 'ready') resolve({ port: reply.port, pid: reply.pid });
      else if (reply.type === 'failed') reject(new Error(`${kind} failed to start: ${reply.error}`));
      else waiting.get(reply.id)?.(reply);
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code} before it was ready`)));
  });
  const { port, pid } = await ready;
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
      if (child.exitCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      void ask('stop');
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface GeneratorHandle {
  run<R extends LoadResult | JoinResult | IdleResult>(plan: Plan, onCheckpoint?: (name: string) => Promise<void>): Promise<R>;
  stop(): Promise<void>;
}

export function startGenerator(): GeneratorHandle {
  const child = launch(join(BENCH, 'generator/main.ts'), pinning().generator, [], { ...process.env }, 'generator');
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
