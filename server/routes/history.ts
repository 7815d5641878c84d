// The record's history over HTTP, and removing from the record: who may is authorize()'s;
// where the answer hangs on the document (whose text is removed) the command asks can().
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { ITEM_KINDS, namedVersionRequest, restoreRequest } from '../../shared/history-requests';
import { compareVersions, listHistory, nameVersion, readVersion, restoreFromVersion, type HistoryRefusal } from '../commands/history';
import { removeFromRecord, type RemoveRefusal } from '../commands/remove-from-record';
import type { ItemKind } from '../history/record-items';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { meetingAccess } from './meeting-access';

const REFUSALS: Record<HistoryRefusal | RemoveRefusal, [400 | 403 | 404 | 409, string, string]> = {
  not_allowed: [403, 'not_allowed', 'Only the secretariat restores; observers name no version.'],
  not_your_party: [403, 'remove:not-your-party', 'It holds text another party wrote (or the meeting was set up with): the secretariat removes it.'],
  not_draft: [409, 'not_draft', 'The record is locked: nothing is removed or restored.'],
  unknown_version: [404, 'not_found', 'There is no such version of this record.'],
  not_found: [404, 'not_found', 'There is no such item in the record.'],
  not_in_version: [404, 'not_in_version', 'That version does not hold this item.'],
  still_there: [409, 'still_there', 'The item is in the record (or the agenda item it belongs to is not): nothing to restore.'],
};

const refusal = (why: HistoryRefusal | RemoveRefusal) => {
  const [status, code, message] = REFUSALS[why];
  return [apiError(code, message), status] as const;
};

export function historyRoutes(services: Services) {
  return new Hono<AppEnv>()
    .delete('/:id/record/:kind/:itemId', async (c) => {
      const access = await meetingAccess(c, services, 'remove', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const kind = c.req.param('kind') as ItemKind;
      if (!ITEM_KINDS.includes(kind)) return c.json(apiError('not_found', 'Agenda items, segments and action points are removed here.'), 404);
      const by = access.by!;
      const result = await removeFromRecord(services, access.record, by, kind, c.req.param('itemId'));
      if (!result.ok) return c.json(...refusal(result.why));
      return c.json({ removed: { kind: result.kind, id: result.id }, versionId: result.versionId }, 200);
    })
    .get('/:id/history', async (c) => {
      const access = await meetingAccess(c, services, 'readHistory');
      if (access instanceof Response) return access;
      return c.json({ versions: await listHistory(services, access.record) }, 200);
    })
    .get('/:id/history/compare', async (c) => {
      const access = await meetingAccess(c, services, 'readHistory');
      if (access instanceof Response) return access;
      const from = c.req.query('from');
      const to = c.req.query('to') ?? 'current';
      if (!from) return c.json(apiError('invalid_query', 'Name the versions to compare: ?from=…&to=… (to: a version, or current).'), 400);
      const comparison = await compareVersions(services, access.record, from, to);
      if (!comparison) return c.json(...refusal('unknown_version'));
      return c.json(comparison, 200);
    })
    .get('/:id/history/:versionId', async (c) => {
      const access = await meetingAccess(c, services, 'readHistory');
      if (access instanceof Response) return access;
      const found = await readVersion(services, access.record, c.req.param('versionId'));
      if (!found) return c.json(...refusal('unknown_version'));
      return c.json(found, 200);
    })
    .post('/:id/history', zValidator('json', namedVersionRequest, invalidBody('invalid_version')), async (c) => {
      const access = await meetingAccess(c, services, 'saveVersion', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const by = access.by!;
      const result = await nameVersion(services, access.record, by, c.req.valid('json').name);
      if (!result.ok) return c.json(...refusal(result.why));
      return c.json({ version: result.version }, 201);
    })
    .post('/:id/history/:versionId/restore', zValidator('json', restoreRequest, invalidBody('invalid_restore')), async (c) => {
      const access = await meetingAccess(c, services, 'restore', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const by = access.by!;
      const { kind, itemId } = c.req.valid('json');
      const result = await restoreFromVersion(services, access.record, by, c.req.param('versionId'), kind, itemId);
      if (!result.ok) return c.json(...refusal(result.why));
      return c.json({ restored: result.restored }, 200);
    });
}
