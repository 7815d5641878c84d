// The record's history over HTTP, and removing from the record: who may is authorize()'s,
// asked here and, where the answer hangs on the document (whose text is removed), asked again
// by the command with what it read. Every refusal is answered by the one presenter.
import { Hono } from 'hono';
import { validator } from './validator';
import { z } from 'zod';
import { ITEM_KINDS, namedVersionRequest, restoreRequest } from '../../shared/history-requests';
import { compareVersions, listHistory, nameVersion, readVersion, restoreFromVersion } from '../commands/history';
import { removeFromRecord } from '../commands/remove-from-record';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { meetingAccess, refuse } from './meeting-access';

const removalPath = z.object({ id: z.string(), kind: z.enum(ITEM_KINDS), itemId: z.string().min(1).max(200) });
// A kind that is not one of the three is an address that does not exist, as it always was (404), not a bad body.
const unknownKind = validator('param', removalPath, (result, c) => (result.success ? undefined : refuse(c, { code: 'not-found', what: 'removable-kind' })));
const compareQuery = z.object({
  from: z.string().min(1, 'Name the versions to compare: ?from=…&to=… (to: a version, or current).').max(200),
  to: z.string().min(1).max(200).optional(),
});

export function historyRoutes(services: Services) {
  return new Hono<AppEnv>()
    .delete(
      '/:id/record/:kind/:itemId',
      doc({ summary: 'Removes an agenda item, a segment or an action point from the record', tag: 'History' }),
      unknownKind,
      async (c) => {
        const access = await meetingAccess(c, services, 'remove', { factsToRead: true, refusedAs: 'record.remove-refused' });
        if (access instanceof Response) return access;
        const { kind, itemId } = c.req.valid('param');
        const by = access.by!;
        const result = await removeFromRecord(services, access.record, by, kind, itemId);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ removed: { kind: result.value.kind, id: result.value.id }, versionId: result.value.versionId }, 200);
      },
    )
    .get('/:id/history', doc({ summary: 'The record’s versions, oldest first', tag: 'History' }), async (c) => {
      const access = await meetingAccess(c, services, 'readHistory');
      if (access instanceof Response) return access;
      return c.json({ versions: await listHistory(services, access.record) }, 200);
    })
    .get(
      '/:id/history/compare',
      doc({ summary: 'Compares two versions, each party’s changes named', tag: 'History' }),
      validator('query', compareQuery, invalidBody('invalid_query')),
      async (c) => {
        const access = await meetingAccess(c, services, 'readHistory');
        if (access instanceof Response) return access;
        const { from, to = 'current' } = c.req.valid('query');
        const comparison = await compareVersions(services, access.record, from, to);
        if (!comparison) return refuse(c, { code: 'not-found', what: 'version' });
        return c.json(comparison, 200);
      },
    )
    .get('/:id/history/:versionId', doc({ summary: 'The record as it stood at one version', tag: 'History' }), async (c) => {
      const access = await meetingAccess(c, services, 'readHistory');
      if (access instanceof Response) return access;
      const found = await readVersion(services, access.record, c.req.param('versionId'));
      if (!found) return refuse(c, { code: 'not-found', what: 'version' });
      return c.json(found, 200);
    })
    .post(
      '/:id/history',
      doc({ summary: 'Keeps the record as stored now as a named version', tag: 'History' }),
      validator('json', namedVersionRequest, invalidBody('invalid_version')),
      async (c) => {
        const access = await meetingAccess(c, services, 'saveVersion', { refusedAs: 'history.version-refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const result = await nameVersion(services, access.record, by, c.req.valid('json').name);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ version: result.value }, 201);
      },
    )
    .post(
      '/:id/history/:versionId/restore',
      doc({ summary: 'Restores an item as it stood in a version, as a new edit (secretariat)', tag: 'History' }),
      validator('json', restoreRequest, invalidBody('invalid_restore')),
      async (c) => {
        const access = await meetingAccess(c, services, 'restore', { refusedAs: 'record.restore-refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const { kind, itemId } = c.req.valid('json');
        const result = await restoreFromVersion(services, access.record, by, c.req.param('versionId'), kind, itemId);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ restored: result.value }, 200);
      },
    );
}
