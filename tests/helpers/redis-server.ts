// A Redis server of the test's own, on a free port, for tests that must take Redis away:
// the machine's Redis is never stopped. Nothing is kept on disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './child-server';

export interface OwnRedis {
  url: string;
  /** Starts it (again, on the same port); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Kills it at once, as a crash or a lost network would. */
  kill(): Promise<void>;
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    start() {
      return new Promise<void>((resolve, reject) => {
        const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child = started;
        let out = '';
        started.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('Ready to accept connections')) resolve();
        });
        started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${out}`)));
      });
    },
    kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
    },
  };
}
