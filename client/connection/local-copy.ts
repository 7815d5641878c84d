// The browser's copy of the record in IndexedDB, written in batches for what others type.
// y-indexeddb writes every update in a transaction of its own: with twenty people typing
// that is a hundred IndexedDB transactions a second on the page's main thread, each taking
// its turn before the delegate's own keystroke is painted. Updates from the server are
// merged and written together at most every BATCH_MS; the server holds them anyway, so a
// tab closed within that time loses nothing it cannot fetch again. This browser's own
// edits are written at once, as before, because they may exist nowhere else.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

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
    if (waiting.length === 0) return;
    localCopy._storeUpdate(waiting.length === 1 ? waiting[0]! : Y.mergeUpdates(waiting), null);
    waiting.length = 0;
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === localCopy) return;
    // Before IndexedDB has opened, y-indexeddb itself keeps nothing: it stores the whole
    // document once open. Keeping the same rule, what arrives before is not queued.
    if (!localCopy.db) return;
    if (!fromServer(origin)) {
      flush();
      localCopy._storeUpdate(update, origin);
      return;
    }
    waiting.push(update);
    timer ??= setTimeout(flush, BATCH_MS);
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
