// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever
// write happens to commit past 1,000 pages, copying them to the database file while the
// event loop waits: every client of every record feels it. A worker thread with its own
// connection checkpoints instead, a few times a second, without blocking the writer.
import { Worker } from 'node:worker_threads';
import { log } from '../log';

/** Beside this module in the source tree, and beside the server's bundle in dist/server. */
const WORKER = new URL('./checkpoint-worker.mjs', import.meta.url);

export interface Checkpointer {
  /** Stops checkpointing; the last connection to close checkpoints what is left. */
  stop(): Promise<void>;
}

/**
 * Checkpoints `file`'s WAL from a worker thread every `everyMs`. `onFailure` runs if the
 * worker cannot run at all (the caller turns SQLite's own checkpoints back on).
 */
export function checkpointInBackground(file: string, onFailure: () => void, everyMs = 250): Checkpointer {
  const worker = new Worker(WORKER, { workerData: { file, everyMs } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: { ok: boolean; error?: string }) => {
    // Nothing is lost: the WAL keeps every write, and the next checkpoint takes it.
    if (message.ok) log.info('storage.checkpoint-resumed');
    else log.warn('storage.checkpoint-failed', { error: message.error });
  });
  worker.on('error', (err) => {
    log.warn('storage.checkpoint-worker-failed', { error: err.message });
    onFailure();
  });
  return {
    async stop() {
      // Held open until the worker is gone: nothing else may be keeping the process alive.
      worker.ref();
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
    },
  };
}
