// The roster reader's thread: reads one file and says what it found. Loaded by
// roster-file.ts; nothing here runs on the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { parseRosterFile, UnreadableRoster, type RosterFormat } from './roster-parse';

export type RosterReading = { ok: true; rows: Awaited<ReturnType<typeof parseRosterFile>> } | { ok: false; problem: UnreadableRoster['problem'] | null; error?: string };

export async function readInThisThread(): Promise<void> {
  const { bytes, format } = workerData as { bytes: Uint8Array; format: RosterFormat };
  let reading: RosterReading;
  try {
    reading = { ok: true, rows: await parseRosterFile(bytes, format) };
  } catch (err) {
    reading = err instanceof UnreadableRoster ? { ok: false, problem: err.problem } : { ok: false, problem: null, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reading);
}
