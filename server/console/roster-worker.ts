// The roster reader's thread: reads the files it is given, one at a time, and says what it
// found in each. Started by roster-file.ts; nothing here runs on the server's event loop.
import { parentPort } from 'node:worker_threads';
import { parseRosterFile, UnreadableRoster, type RosterFormat } from './roster-parse';

export interface RosterJob {
  bytes: Uint8Array;
  format: RosterFormat;
}

export type RosterReading =
  | { ok: true; rows: Awaited<ReturnType<typeof parseRosterFile>> }
  | { ok: false; problem: UnreadableRoster['problem'] | null; error?: string };

export function readInThisThread(): void {
  parentPort!.on('message', async ({ bytes, format }: RosterJob) => {
    let reading: RosterReading;
    try {
      reading = { ok: true, rows: await parseRosterFile(bytes, format) };
    } catch (err) {
      reading =
        err instanceof UnreadableRoster
          ? { ok: false, problem: err.problem }
          : { ok: false, problem: null, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(reading);
  });
  parentPort!.postMessage('ready');
}
