// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever
// write happens to commit past 1,000 pages, copying them to the database file while the
// event loop waits: every client of every record feels it. A worker thread with its own
// connection checkpoints instead, a few times a second, without blocking the writer.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { log } from '../log';

// Evaluated in the worker, where it may be read as CommonJS or as a module (under a
// loader such as tsx): dynamic import works in both, and needs no build step.
const WORKER_SOURCE = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { default: Database } = await import(workerData.driver);
  const db = new Database(workerData.file);
  db.pragma('busy_timeout = 5000');
  let failing = false;
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      if (failing) parentPort.postMessage({ ok: true });
      failing = false;
    } catch (err) {
      if (!failing) parentPort.postMessage({ ok: false, error: String((err && err.message) || err) });
      failing = true;
    }
  }, workerData.everyMs);
  parentPort.on('message', () => {
    clearInterval(timer);
    db.close();
    parentPort.close();
  });
})();
`;

export interface Checkpointer {
  /** Stops checkpointing; the last connection to close checkpoints what is left. */
  stop(): Promise<void>;
}

/**
 * Checkpoints `file`'s WAL from a worker thread every `everyMs`. `onFailure` runs if the
 * worker cannot run at all (the caller turns SQLite's own checkpoints back on).
 */
export function checkpointInBackground(file: string, onFailure: () => void, everyMs = 250): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, everyMs, driver: pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href },
  });
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
