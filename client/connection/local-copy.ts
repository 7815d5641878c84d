// The browser's copy of the record in IndexedDB, written in batches for what others type.
// y-indexeddb writes every update in a transaction of its own: with twenty people typing
// that is a hundred IndexedDB transactions a second on the page's main thread, each taking
// its turn before the delegate's own keystroke is painted. Updates from the server are
// merged and written together at most every BATCH_MS; the server holds them anyway, so a
// tab closed within that time loses nothing it cannot fetch again. This browser's own
// edits, which may exist nowhere else, are written just after the frame that shows them
// (not inside the keystroke's task, where the write held back its paint), and at once when
// the tab is closed or sent away.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { afterPaint, cancelAfterPaint } from '../app/after-paint';

const BATCH_MS = 500;

/** `fromServer(origin)`: whether an update with this origin came from the server. */
export function openLocalCopy(
  documentId: string,
  doc: Y.Doc,
  fromServer: (origin: unknown) => boolean,
): { localCopy: IndexeddbPersistence; close: () => Promise<void> } {
  const localCopy = new IndexeddbPersistence(documentId, doc);
  doc.off('update', localCopy._storeUpdate);
  const waiting: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    cancelAfterPaint(flush);
    if (waiting.length === 0) return;
    localCopy._storeUpdate(waiting.length === 1 ? waiting[0]! : Y.mergeUpdates(waiting), null);
    waiting.length = 0;
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === localCopy) return;
    // Before IndexedDB has opened, y-indexeddb itself keeps nothing: it stores the whole
    // document once open. Keeping the same rule, what arrives before is not queued.
    if (!localCopy.db) return;
    waiting.push(update);
    if (fromServer(origin)) timer ??= setTimeout(flush, BATCH_MS);
    else afterPaint(flush);
  };
  doc.on('update', onUpdate);
  // A tab being closed or sent away writes what it holds while it still can.
  window.addEventListener('pagehide', flush);
  return {
    localCopy,
    close: async () => {
      flush();
      window.removeEventListener('pagehide', flush);
      doc.off('update', onUpdate);
      await localCopy.destroy();
    },
  };
}
