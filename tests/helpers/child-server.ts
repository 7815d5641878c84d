// Accord as a separate process, for what only a process can show: being killed, being
// asked to stop, and what it writes to its logs.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN } from './server';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface ChildServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr, across restarts. */
  output(): string;
  /** The server's resident memory now, in bytes (Linux). */
  rss(): number;
  start(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
  cleanup(): Promise<void>;
}

/**
 * Builds the server as `npm start` does, into a folder of the caller's own (test files run
 * at the same time must not overwrite each other's build); answers the folder, relative to
 * the repository. The caller removes it.
 */
export function builtServer(): string {
  const folder = `dist/test-build-${process.pid}-${Math.floor(performance.now())}`;
  execFileSync(process.execPath, ['scripts/build-server.mjs', folder]);
  return folder;
}

export interface ChildOptions {
  /** The Node binary to run it with (the machine's, unless a test asks for another). */
  node?: string;
  /** What it runs: the source through tsx (default), or the build (`['dist/server/main.js']`). */
  entry?: string[];
}

export async function childServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'accord-child-')),
  { node = process.execPath, entry = ['--import', 'tsx', 'server/main.ts'] }: ChildOptions = {},
): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const server: ChildServer = {
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir,
    output: () => output,
    rss() {
      if (!child?.pid) throw new Error('the server is not running');
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return Number(kb) * 1024;
    },
    async start() {
      child = spawn(node, entry, {
        env: {
          ...process.env,
          PORT: String(port),
          DATA_DIR: dataDir,
          ACCORD_ADMIN_TOKEN: ADMIN_TOKEN,
          ACCORD_DEMO: '0',
          ACCORD_CLIENT_DIR: join(dataDir, 'no-client'),
          LOG_LEVEL: 'info',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const started = Date.now();
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
        try {
          if ((await fetch(`${url}/healthz`)).ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() - started > 20_000) throw new Error(`the server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    kill(signal) {
      const running = child;
      if (!running || running.exitCode !== null) return Promise.resolve(running?.exitCode ?? null);
      return new Promise((resolve) => {
        running.once('exit', (code) => resolve(code));
        running.kill(signal);
      });
    },
    async cleanup() {
      await server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
