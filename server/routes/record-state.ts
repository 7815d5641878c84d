// The record's state over HTTP, for a browser opening an invitation link: the same bytes the
// sync socket sends one who has nothing (asked of authorize() as the socket is: `connect`),
// compressed, which the socket's frames are not. A record of 120 participants and 300
// paragraphs in two scripts is 250 kB as a Yjs update and a tenth of that in gzip; fetched
// beside the meeting, it leaves the socket only what changed since (client/join-early.ts).
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Hono } from 'hono';
import * as Y from 'yjs';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { meetingAccess } from './meeting-access';

const gzipped = promisify(gzip);

export function recordStateRoutes(services: Services) {
  return new Hono<AppEnv>().get(
    '/:id/record/state',
    doc({
      summary: 'The current record’s state as a Yjs update (what the sync socket sends a joiner), gzip-compressed when accepted',
      tag: 'Lifecycle',
      answers: 'application/octet-stream',
    }),
    async (c) => {
      const access = await meetingAccess(c, services, 'connect');
      if (access instanceof Response) return access;
      const state = await stateOf(services, access.record);
      const headers: Record<string, string> = {
        'content-type': 'application/octet-stream',
        // The record a client applies this to must be this one: an amendment may have moved it.
        'x-accord-document': access.record.documentId,
        'cache-control': 'no-store',
        vary: 'accept-encoding',
      };
      if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(new Uint8Array(state), 200, headers);
      return c.body(new Uint8Array(await gzipped(state)), 200, { ...headers, 'content-encoding': 'gzip' });
    },
  );
}

/**
 * The record as this process has it open, or else as stored, read without opening it: a
 * room opened for this one read would be compacted and let go at once, and opened again a
 * moment later by the socket that follows. What is stored is all that was acknowledged; the
 * socket then sends whatever came after.
 */
async function stateOf(services: Services, record: RecordRow): Promise<Uint8Array> {
  if (await services.rooms.peek(record.documentId)) return services.rooms.withRoom(record, (room) => room.state());
  const { snapshot, updates } = await services.storage.loadRecord(record.documentId);
  const parts = snapshot ? [snapshot, ...updates] : updates;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}
