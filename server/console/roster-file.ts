// A roster file is read in a worker thread of its own (roster-worker.ts), with a ceiling on
// its memory and a deadline: a workbook that unpacks to half a gigabyte, or takes a minute,
// costs that thread, never the event loop every meeting's sockets share. At most two are
// read at once; the others wait their turn.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { TableRow } from '../../shared/console/roster';
import { log } from '../log';
import { ROSTER_FILE_LIMITS, UnreadableRoster, type RosterFormat } from './roster-parse';
import type { RosterReading } from './roster-worker';

export { ROSTER_FILE_LIMITS, UnreadableRoster, type RosterFormat };

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // an XLSX file is a ZIP archive

/** The format a file is in, from its declared type or name, else from its first bytes. */
export function rosterFormat(contentType: string | undefined, fileName: string | undefined, bytes: Uint8Array): RosterFormat {
  const type = (contentType ?? '').toLowerCase();
  const name = (fileName ?? '').toLowerCase();
  if (type.includes('spreadsheetml') || name.endsWith('.xlsx')) return 'xlsx';
  if (type.includes('csv') || type.startsWith('text/') || name.endsWith('.csv')) return 'csv';
  return XLSX_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
}

// The thread loads the TypeScript reader through tsx, which the server runs under anyway;
// evaluated source needs no build step (as the SQLite checkpointer's). tsx's module API is
// named by its file: an evaluated thread has no module of its own to resolve a package from.
const TSX_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const WORKER_SOURCE = `
(async () => {
  const { tsImport } = await import(${JSON.stringify(TSX_API)});
  const { readInThisThread } = await tsImport(${JSON.stringify(new URL('./roster-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)});
  await readInThisThread();
})();
`;

const MAX_READERS = 2;
let reading = 0;
const waiting: (() => void)[] = [];

async function turn<T>(work: () => Promise<T>): Promise<T> {
  if (reading >= MAX_READERS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading++;
  try {
    return await work();
  } finally {
    reading--;
    waiting.shift()?.();
  }
}

const unreadable = (message: string) => new UnreadableRoster({ line: 1, code: 'unreadable', column: null, message });

export function readRosterFile(bytes: Uint8Array, format: RosterFormat): Promise<TableRow[]> {
  return turn(
    () =>
      new Promise<TableRow[]>((resolve, reject) => {
        const worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { bytes, format },
          resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
        });
        let settled = false;
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          void worker.terminate();
          outcome();
        };
        const deadline = setTimeout(
          () => settle(() => reject(unreadable(`the file took longer than ${ROSTER_FILE_LIMITS.milliseconds / 1000} seconds to read; a roster reads in a moment`))),
          ROSTER_FILE_LIMITS.milliseconds,
        );
        worker.once('message', (answer: RosterReading) =>
          settle(() => {
            if (answer.ok) resolve(answer.rows);
            else if (answer.problem) reject(new UnreadableRoster(answer.problem));
            else reject(new Error(`the roster reader failed: ${answer.error}`));
          }),
        );
        worker.once('error', (err: Error & { code?: string }) =>
          settle(() => {
            log.warn('roster.reader-failed', { error: err.message, code: err.code });
            // Out of its memory: the file asked for more than a roster ever needs.
            reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? unreadable('the file needs more memory to read than a roster ever does') : err);
          }),
        );
        worker.once('exit', (code) => settle(() => reject(new Error(`the roster reader stopped (${code}) without an answer`))));
      }),
  );
}
