// The bytes Accord sends, encoded with y-protocols and lib0 as the stock clients expect.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import { MessageType, RECORD_STATUS_MESSAGE, type RecordStatus } from '../../shared/protocol';
import { binaryFrame, type Frame } from './frame';

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const syncStep1 = (doc: Y.Doc) => syncStep1From(Y.encodeStateVector(doc));

/** Sync step 1 from an encoded state vector. */
export const syncStep1From = (stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** Sync step 2: everything in `doc` the peer with `stateVector` lacks. */
export const syncStep2 = (doc: Y.Doc, stateVector: Uint8Array): Frame => syncStep2Frame(Y.encodeStateAsUpdate(doc, stateVector));

/**
 * Sync step 2 carrying an update already encoded: its header, then the update itself, not
 * copied (a whole record can be megabytes).
 */
export const syncStep2Frame = (update: Uint8Array): Frame => syncFrame(syncProtocol.messageYjsSyncStep2, update);

/** A sync update carrying an update already encoded, framed as syncStep2Frame frames its own. */
export const syncUpdateFrame = (update: Uint8Array): Frame => syncFrame(syncProtocol.messageYjsUpdate, update);

function syncFrame(step: number, update: Uint8Array): Frame {
  const header = message((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint(e, update.byteLength);
  });
  return binaryFrame(header, update);
}

export const updateMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeUpdate(e, update);
  });

export const awarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });

/** An awareness update already encoded, framed as a message. */
export const awarenessUpdateMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });

export const permissionDenied = (reason: string) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    authProtocol.writePermissionDenied(e, reason);
  });

export const recordStatusMessage = (status: RecordStatus) =>
  message((e) => {
    encoding.writeVarUint(e, RECORD_STATUS_MESSAGE);
    encoding.writeVarString(e, JSON.stringify(status));
  });
