// The sync wire: the standard y-websocket framing (so a stock WebsocketProvider is a
// client) plus the close codes and refusal reasons Accord adds on top of it.

/** Outer message types of the y-websocket protocol. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * Close codes. 1009 is the standard "message too big"; 1012 "service restart" tells
 * clients to come back. The 44xx/45xx codes are Accord's own, named so a client (and a
 * log reader) can tell why a socket ended.
 */
export const CloseCode = {
  messageTooBig: 1009,
  serviceRestart: 1012,
  malformedMessage: 4400,
  /** The session the socket was opened with ended: signed out, or expired. Sign in again. */
  sessionEnded: 4401,
  accessRevoked: 4403,
  unappliableUpdate: 4422,
  tooManyMessages: 4429,
  recordReloaded: 4503,
  /** The client read too slowly: more was waiting to be sent to it than the server keeps. Reconnect and sync again. */
  fellBehind: 4504,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Reasons carried by the protocol's permission-denied message. The stock provider shows
 * the string as it is; Accord's client maps it to words in the reader's language.
 */
export const RefusalReason = {
  readOnlyObserver: 'read-only:observer',
  readOnlyLocked: 'read-only:locked',
  readOnlySigned: 'read-only:signed',
  // Agreement marks are made by the server on a head's request (POST /api/meetings/:id/agreement).
  agreementServerOnly: 'agreement:server-only',
  // The meeting facts, parties and roster are set up by the secretariat through the server.
  recordServerOnly: 'record:server-only',
  storageUnavailable: 'storage:unavailable',
  /** Part of an update depended on content the record does not have; that part was dropped. */
  missingDependencies: 'update:missing-dependencies',
  /** The update writes under a Yjs client id another participant has claimed. */
  clientNotYours: 'update:client-not-yours',
  /** Agenda items, segments and action points are removed through DELETE /api/meetings/:id/record/…, never by a raw update. */
  removeUseCommand: 'remove:use-command',
  awarenessNotYours: 'awareness:not-your-client',
  awarenessTooLarge: 'awareness:too-large',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/**
 * Accord's own message type, beside the y-websocket ones. A client that sends it (with no
 * payload) is answered, and from then on kept told, the record's lifecycle status: a JSON
 * RecordStatus as a varString. Stock providers never send it, so never receive it.
 */
export const RECORD_STATUS_MESSAGE = 100;

export interface SignatureSummary {
  party: string;
  signerName: string;
  signedAt: string;
}

export interface RecordStatus {
  documentId: string;
  version: number;
  state: import('./roles').RecordState;
  /** SHA-256 of the canonical record, once locked. */
  recordHash: string | null;
  signatures: SignatureSummary[];
  /** After an amendment: the document of the version that replaces this one. */
  supersededBy: string | null;
  /**
   * 'delayed' while the server cannot hear the other servers of its deployment: every edit
   * is still stored before anyone gets it, and reaches the others' clients from storage,
   * a second or so late, until the link is back.
   */
  delivery: 'live' | 'delayed';
}
