// Several Accord processes behind one address share records through Redis: whatever one
// process accepts (after storing it) or relays is published for the others, which apply
// it and pass it on to their own sockets. A single process uses the local fan-out, which
// publishes nowhere.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type FanoutMessage =
  /** An update stored as sequence numbers `fromSeq`..`toSeq`. */
  | { kind: 'update'; fromSeq: number; toSeq: number; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  /** The record's lifecycle row changed (lock, signature, unlock): read it again. */
  | { kind: 'record-changed' }
  /** Sockets opened with this invitation must close (a link was withdrawn or replaced). */
  | { kind: 'invitation-closed'; invitationId: string; code: number; reason: string };

export interface Fanout {
  /** Whether other processes may write the same records (false: this process is alone). */
  readonly shared: boolean;
  /** Whether messages from other processes reach this one now. */
  readonly healthy: boolean;
  /**
   * Told when `healthy` changes. Back to healthy means subscribed again; whatever was
   * published meanwhile is lost to this process and must be read from storage.
   */
  onHealth(listener: (healthy: boolean) => void): void;
  /**
   * Starts delivering the record's messages from other processes to `deliver`; resolves
   * once they will arrive, or at once while the link is down (it subscribes on return).
   */
  join(documentId: string, deliver: (message: FanoutMessage) => void): Promise<void>;
  leave(documentId: string): Promise<void>;
  publish(documentId: string, message: FanoutMessage): void;
  /** Messages that concern every record of the process (revocations). */
  onBroadcast(deliver: (message: FanoutMessage) => void): void;
  publishBroadcast(message: FanoutMessage): void;
  close(): Promise<void>;
}

export const localFanout = (): Fanout => ({
  shared: false,
  healthy: true,
  onHealth: () => undefined,
  join: async () => undefined,
  leave: async () => undefined,
  publish: () => undefined,
  onBroadcast: () => undefined,
  publishBroadcast: () => undefined,
  close: async () => undefined,
});

const KIND = { update: 0, awareness: 1, 'record-changed': 2, 'invitation-closed': 3 } as const;

export function encodeFanout(origin: string, message: FanoutMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, origin);
  encoding.writeVarUint(e, KIND[message.kind]);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(e, message.fromSeq);
      encoding.writeVarUint(e, message.toSeq);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'record-changed':
      break;
    case 'invitation-closed':
      encoding.writeVarString(e, message.invitationId);
      encoding.writeVarUint(e, message.code);
      encoding.writeVarString(e, message.reason);
      break;
    default:
      return message satisfies never;
  }
  return encoding.toUint8Array(e);
}

export function decodeFanout(bytes: Uint8Array): { origin: string; message: FanoutMessage } {
  const d = decoding.createDecoder(bytes);
  const origin = decoding.readVarString(d);
  const kind = decoding.readVarUint(d);
  switch (kind) {
    case KIND.update:
      return {
        origin,
        message: { kind: 'update', fromSeq: decoding.readVarUint(d), toSeq: decoding.readVarUint(d), update: decoding.readVarUint8Array(d) },
      };
    case KIND.awareness:
      return { origin, message: { kind: 'awareness', update: decoding.readVarUint8Array(d) } };
    case KIND['record-changed']:
      return { origin, message: { kind: 'record-changed' } };
    case KIND['invitation-closed']:
      return {
        origin,
        message: {
          kind: 'invitation-closed',
          invitationId: decoding.readVarString(d),
          code: decoding.readVarUint(d),
          reason: decoding.readVarString(d),
        },
      };
    default:
      throw new Error(`unknown fan-out message kind ${kind}`);
  }
}
