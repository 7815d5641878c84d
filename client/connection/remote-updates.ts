// What others type, applied just after the next frame is painted. With twenty people
// typing, a hundred updates a second each came as a socket message of its own, and each was
// applied in its own task as it arrived: the delegate's own keystroke waited behind those
// tasks for its frame. Updates are now queued as they arrive and applied after the frame
// that shows the delegate's own keystroke, in the order the server sent them.
//
// Each is still applied in a transaction of its own, as the stock handler applies it: at the
// end of each transaction Yjs cleans up format marks the update made redundant, and which
// marks it deletes depends on where transactions end. Applied together in one transaction,
// the same updates can leave a mark (a word shown bold) that every other copy of the record
// deleted; found by a property test of one-transaction joins, session 11. The origin is still
// the provider: what tracks unsent edits and the IndexedDB copy tell the server's updates
// from this browser's own by it.
//
// Sync steps 1 and 2 go through the stock handler, after the queue is applied, so that
// everything is applied in the order the server sent it and 'synced' is said as before.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { afterPaint, cancelAfterPaint } from '../app/after-paint';

/** y-websocket's message type for sync messages. */
const MESSAGE_SYNC = 0;

/** When to apply what was queued: `run` once, soon; the function returned takes it back. */
export type Schedule = (run: () => void) => () => void;

const justAfterPaint: Schedule = (run) => {
  afterPaint(run);
  return () => cancelAfterPaint(run);
};

export interface RemoteUpdates {
  /** Forgets what is queued (the server still holds it) and gives the stock handler back. */
  stop(): void;
}

export function applyRemoteUpdatesPerFrame(provider: WebsocketProvider, schedule: Schedule = justAfterPaint): RemoteUpdates {
  const stock = provider.messageHandlers[MESSAGE_SYNC]!;
  const queue: Uint8Array[] = [];
  let cancel: (() => void) | null = null;

  const flush = () => {
    cancel?.();
    cancel = null;
    for (const update of queue.splice(0)) {
      try {
        Y.applyUpdate(provider.doc, update, provider);
      } catch (error) {
        // As the stock handler does: a bad update is reported, and the others still apply.
        console.error('Caught error while handling a Yjs update', error);
      }
    }
  };

  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, messageProvider, emitSynced, messageType) => {
    if (decoding.peekVarUint(decoder) !== syncProtocol.messageYjsUpdate) {
      flush();
      stock(encoder, decoder, messageProvider, emitSynced, messageType);
      return;
    }
    decoding.readVarUint(decoder);
    // The stock handler writes the message type whatever it answers; an update answers
    // nothing, and an encoder holding only that byte is not sent.
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    queue.push(decoding.readVarUint8Array(decoder));
    cancel ??= schedule(flush);
  };

  return {
    stop() {
      cancel?.();
      cancel = null;
      queue.length = 0;
      provider.messageHandlers[MESSAGE_SYNC] = stock;
    },
  };
}
