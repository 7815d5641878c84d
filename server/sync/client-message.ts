// What a client may send on the sync socket, decoded once into a typed union: the room
// handles each kind in one exhaustive switch, and a message that is not one of them is
// refused here, before anything reads it.
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, RECORD_STATUS_MESSAGE } from '../../shared/protocol';

export type ClientMessage =
  /** Sync step 1: the client's state vector; it is answered with what it lacks. */
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /** Sync step 2 or an update: a change to the record. */
  | { kind: 'update'; update: Uint8Array }
  /** The client's presence; `message` is the whole message as it came, for relaying. */
  | { kind: 'awareness'; update: Uint8Array; message: Uint8Array }
  | { kind: 'query-awareness' }
  /** Accord's own client subscribes to the record's lifecycle status. */
  | { kind: 'record-status' }
  /** Clients have nothing to say on the auth channel: the server decided at the upgrade. */
  | { kind: 'auth' };

/** A message that is none of the above, or is cut short. */
class MalformedMessage extends Error {}

export function decodeClientMessage(message: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) return { kind: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) };
        if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate)
          return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
        throw new MalformedMessage(`unknown sync step ${step}`);
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder), message };
      case MessageType.queryAwareness:
        return { kind: 'query-awareness' };
      case RECORD_STATUS_MESSAGE:
        return { kind: 'record-status' };
      case MessageType.auth:
        return { kind: 'auth' };
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage(err instanceof Error ? err.message : String(err));
  }
}
