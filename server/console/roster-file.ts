// A roster file is read in a worker thread (roster-worker.ts), with a ceiling on its memory
// and a deadline: a workbook that unpacks to half a gigabyte, or takes a minute, costs that
// thread, never the event loop every meeting's sockets share. At most two are read at once,
// the others waiting their turn; a thread is kept for the next file a while, and one that
// missed its deadline or ran out of memory is stopped and another started.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TableRow } from '../../shared/console/roster';
import { log } from '../log';
import { ROSTER_FILE_LIMITS, UnreadableRoster, type RosterFormat } from './roster-parse';
import type { RosterJob, RosterReading } from './roster-worker';

export { UnreadableRoster, type RosterFormat };

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // an XLSX file is a ZIP archive

/** The format a file is in, from its declared type or name, else from its first bytes. */
export function rosterFormat(contentType: string | undefined, fileName: string | undefined, bytes: Uint8Array): RosterFormat {
  const type = (contentType ?? '').toLowerCase();
  const name = (fileName ?? '').toLowerCase();
  if (type.includes('spreadsheetml') || name.endsWith('.xlsx')) return 'xlsx';
  if (type.includes('csv') || type.startsWith('text/') || name.endsWith('.csv')) return 'csv';
  return XLSX_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
}

// Built (dist/server), the reader is a file of its own beside the server's bundle, run by
// plain node. From the source tree (tests, development), the thread loads the TypeScript
// reader through tsx instead: tsx's module API is named by its file, since an evaluated
// thread has no module of its own to resolve a package from.
const BUILT_READER = new URL('./roster-worker.js', import.meta.url);
const isBuilt = existsSync(fileURLToPath(BUILT_READER));
const TSX_API = isBuilt ? '' : pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const WORKER_SOURCE = `
(async () => {
  const { tsImport } = await import(${JSON.stringify(TSX_API)});
  const { readInThisThread } = await tsImport(${JSON.stringify(new URL('./roster-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)});
  readInThisThread();
})();
`;

/** Readers at work at once; a third file waits for one of them. */
const MAX_READERS = 2;
/** A reader with nothing to read is let go after this long. */
const IDLE_MS = 60_000;

const unreadable = (message: string) => new UnreadableRoster({ line: 1, code: 'unreadable', column: null, message });

/** One thread that reads roster files, one at a time. Started once, kept while it is used. */
class RosterReader {
  private readonly worker = new Worker(isBuilt ? BUILT_READER : WORKER_SOURCE, {
    eval: !isBuilt,
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
  });
  private readonly ready: Promise<void>;
  private answer: ((reading: RosterReading) => void) | null = null;
  private failure: ((err: Error) => void) | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  gone = false;

  constructor() {
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.failure = reject;
    });
    this.worker.on('message', (reading: RosterReading | 'ready') => {
      if (reading !== 'ready') this.answer?.(reading);
    });
    this.worker.on('error', (err: Error & { code?: string }) => {
      log.warn('roster.reader-failed', { error: err.message, code: err.code });
      // Out of its memory: the file asked for more than a roster ever needs.
      this.fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? unreadable('the file needs more memory to read than a roster ever does') : err);
    });
    this.worker.on('exit', (code) => this.fail(new Error(`the roster reader stopped (${code}) without an answer`)));
  }

  async read(job: RosterJob, deadlineMs: number): Promise<TableRow[]> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.ready;
    let reading: RosterReading;
    try {
      reading = await new Promise<RosterReading>((resolve, reject) => {
        const deadline = setTimeout(
          () => this.fail(unreadable(`the file took longer than ${deadlineMs / 1000} seconds to read; a roster reads in a moment`)),
          deadlineMs,
        );
        this.answer = (r) => (clearTimeout(deadline), resolve(r));
        this.failure = (e) => (clearTimeout(deadline), reject(e));
        this.worker.postMessage(job);
      });
    } finally {
      this.answer = null;
      this.failure = null;
    }
    if (reading.ok) return reading.rows;
    if (reading.problem) throw new UnreadableRoster(reading.problem);
    throw new Error(`the roster reader failed: ${reading.error}`);
  }

  /** Waits for the next file, and is let go if none comes. */
  rest(onGone: () => void): void {
    this.idleTimer = setTimeout(() => {
      this.fail(new Error('idle'));
      onGone();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  /** Stops the thread (a file it could not finish in time, or its own failure) and says why. */
  private fail(err: Error): void {
    const failure = this.failure;
    this.failure = null;
    if (!this.gone) void this.worker.terminate();
    this.gone = true;
    failure?.(err);
  }
}

const resting: RosterReader[] = [];
let reading = 0;
const waiting: (() => void)[] = [];

/** Reads a file in a reader thread; past `deadlineMs` (its thread's start not counted) the file is refused. */
export async function readRosterFile(bytes: Uint8Array, format: RosterFormat, deadlineMs: number = ROSTER_FILE_LIMITS.milliseconds): Promise<TableRow[]> {
  if (reading >= MAX_READERS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading++;
  let reader = resting.pop();
  while (reader?.gone) reader = resting.pop();
  reader ??= new RosterReader();
  try {
    return await reader.read({ bytes, format }, deadlineMs);
  } finally {
    if (!reader.gone) {
      resting.push(reader);
      reader.rest(() => {
        const at = resting.indexOf(reader);
        if (at >= 0) resting.splice(at, 1);
      });
    }
    reading--;
    waiting.shift()?.();
  }
}
