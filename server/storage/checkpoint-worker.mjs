// The WAL checkpointer's thread (sqlite-checkpoints.ts starts it): its own connection to
// the database file, checkpointing every `everyMs` without blocking the server's writer.
// Plain JavaScript, so that it runs as it is from the source tree and from the build.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
let failing = false;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    if (failing) parentPort.postMessage({ ok: true });
    failing = false;
  } catch (err) {
    if (!failing) parentPort.postMessage({ ok: false, error: String(err?.message || err) });
    failing = true;
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
