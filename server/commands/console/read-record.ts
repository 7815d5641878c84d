// Reads a record's current content without holding its queue: the open room's document,
// or a fresh copy from storage that is let go of afterwards.
import type * as Y from 'yjs';
import type { Services } from '../../services';
import type { RecordRow } from '../../storage/storage';

export async function readRecord<T>(services: Services, record: RecordRow, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const doc = await services.rooms.snapshot(record);
  try {
    return await read(doc);
  } finally {
    // Only a copy is destroyed; the room's own document stays with the room.
    const room = await services.rooms.peek(record.documentId);
    if (room?.doc !== doc) doc.destroy();
  }
}
