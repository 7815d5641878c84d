// This browser's own edits, sent to the server just after the frame that shows them. The
// stock provider encodes and sends each update inside the keystroke's own task, before the
// frame with the keystroke in it can be drawn; a frame later the server hears the same
// messages, one per update as before (so it refuses and counts them as before), in order.
import type { WebsocketProvider } from 'y-websocket';
import { afterPaint, cancelAfterPaint } from '../app/after-paint';

export interface OwnUpdates {
  /** Sends what is waiting, and sends at once from then on (the stock handler again). */
  stop(): void;
}

export function sendOwnUpdatesAfterPaint(provider: WebsocketProvider): OwnUpdates {
  const { doc } = provider;
  const waiting: [update: Uint8Array, origin: unknown][] = [];
  const flush = () => {
    cancelAfterPaint(flush);
    // The stock handler: skips what came from the server, sends to the socket and other tabs.
    for (const [update, origin] of waiting.splice(0)) provider._updateHandler(update, origin);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // What the server sent is not sent back, now or later.
    if (origin === provider) return;
    waiting.push([update, origin]);
    afterPaint(flush);
  };
  doc.off('update', provider._updateHandler);
  doc.on('update', onUpdate);
  // A tab closed within the frame still sends what it typed, as it did before. (No window:
  // a stock client in Node, as the tests drive it.)
  const page = typeof window === 'undefined' ? null : window;
  page?.addEventListener('pagehide', flush);
  return {
    stop() {
      flush();
      page?.removeEventListener('pagehide', flush);
      doc.off('update', onUpdate);
      doc.on('update', provider._updateHandler);
    },
  };
}
