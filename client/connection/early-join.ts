// What client/join-early.ts started before the app arrived, handed over once: the session
// exchange for the invitation token, the meeting asked for as soon as the cookie was set,
// and the record's connection, opened by the join page as soon as the exchange named the
// record, while the meeting is still on its way.
import { wordsHere } from '../i18n/i18n';
import { RecordConnection } from './record-connection';

export interface EarlyJoin {
  /** The token read from the address, which join-early.ts wiped. */
  token: string;
  session: Promise<Response>;
  meeting: Promise<{
    meetingId: string;
    answer: Promise<Response>;
    /** The record the exchange named, and the answer to GET /api/meetings/:id/record/state. */
    record: { documentId: string; state: Promise<Response> } | null;
  } | null>;
}

const holder = window as { accordEarlyJoin?: EarlyJoin };

/** The exchange join-early.ts began, if it ran; asked once (a second visit to /join starts afresh). */
export function takeEarlyJoin(): EarlyJoin | null {
  const early = holder.accordEarlyJoin ?? null;
  delete holder.accordEarlyJoin;
  return early;
}

let meeting: EarlyJoin['meeting'] | null = null;

/** Keeps the early request for the meeting for the workspace that opens next. */
export function keepEarlyMeeting(early: EarlyJoin): void {
  meeting = early.meeting;
}

/** The answer to the early request for `meetingId`, once; null if there is none for it. */
export async function takeEarlyMeeting(meetingId: string): Promise<Promise<Response> | null> {
  const kept = meeting;
  meeting = null;
  const started = kept ? await kept : null;
  return started?.meetingId === meetingId ? started.answer : null;
}

let connection: RecordConnection | null = null;

/**
 * Opens the record's connection before the workspace has its meeting (one at a time). With
 * the record's state on its way over HTTP, the socket waits for it, and is then sent only
 * what changed since.
 */
export function openRecordEarly(documentId: string, early: EarlyJoin | null): void {
  connection?.destroy();
  connection = new RecordConnection(documentId, window.location.origin, early ? stateOf(early, documentId).then(afterWords) : null);
}

/** On a fast line the state comes before the interface's words: it waits for them (a second at most) so the record is drawn once. */
const afterWords = (state: Uint8Array | null) => wordsHere(1000).then(() => state);

/** The record's state from the early request, if it is this record's; null leaves it all to the socket. */
async function stateOf(early: EarlyJoin, documentId: string): Promise<Uint8Array | null> {
  try {
    const record = (await early.meeting)?.record;
    if (record?.documentId !== documentId) return null;
    const answer = await record.state;
    if (!answer.ok || answer.headers.get('x-accord-document') !== documentId) return null;
    return new Uint8Array(await answer.arrayBuffer());
  } catch {
    return null;
  }
}

/** The connection opened early to `documentId`, once; another record's is closed. */
export function takeEarlyConnection(documentId: string): RecordConnection | null {
  const opened = connection;
  connection = null;
  if (opened && opened.documentId !== documentId) {
    opened.destroy();
    return null;
  }
  return opened;
}

/** The workspace will not open (its meeting was refused): the early connection closes. */
export function closeEarlyConnection(): void {
  connection?.destroy();
  connection = null;
}
