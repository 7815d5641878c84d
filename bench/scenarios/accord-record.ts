// What an Accord record holds when it is created (the meeting facts, agenda and roster laid
// out by POST /api/meetings), read back with Accord's storage module, so that the peers'
// rooms can be given the same content.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import type * as SqliteModule from '../../server/storage/sqlite';
import { accordRoot } from '../lib/accord-root';
import type { RunContext } from '../lib/context';
import { startServer } from '../lib/processes';
import { ADMIN_TOKEN, createAccordRoom, type FixtureName } from '../lib/rooms';

export async function accordInitialState(ctx: RunContext, fixture: FixtureName): Promise<{ path: string; bytes: number }> {
  const dir = mkdtempSync(join(ctx.tmpRoot, 'accord-initial-'));
  const server = await startServer('accord', { dataDir: dir, adminToken: ADMIN_TOKEN });
  let documentId: string;
  try {
    documentId = (await createAccordRoom(server.port, fixture)).docName;
  } finally {
    await server.stop();
  }
  const { openSqliteStorage } = (await import(pathToFileURL(join(accordRoot(), 'server/storage/sqlite.ts')).href)) as typeof SqliteModule;
  const storage = await openSqliteStorage(dir);
  const stored = await storage.loadRecord(documentId);
  await storage.close();
  const doc = new Y.Doc();
  for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const path = join(dir, 'initial-state.bin');
  writeFileSync(path, state);
  return { path, bytes: state.byteLength };
}
