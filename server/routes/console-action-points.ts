// An action point's status set through the server, which keeps who changed it in the
// register's history. For the officers who manage the meeting and for its participants
// who may write (not observers), while the record is a draft. Mounted at /api/meetings.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { statusRequest } from '../../shared/console/action-points';
import { setActionPointStatus } from '../commands/console/set-status';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { meetingAccess } from './meeting-access';

export function consoleActionPointRoutes(services: Services) {
  return new Hono<AppEnv>().post('/:id/action-points/:pointId/status', zValidator('json', statusRequest, invalidBody('invalid_status')), async (c) => {
    const access = await meetingAccess(c, services, 'write');
    if (access instanceof Response) return access;
    const { principal } = access;
    const by = {
      actor: access.actor,
      name: principal.kind === 'participant' ? principal.invitation.name : principal.kind === 'officer' ? principal.account.name : 'Administrator',
    };
    const result = await setActionPointStatus(services, access.meeting, access.record, c.req.param('pointId'), c.req.valid('json').status, by);
    if (result.ok) return c.json({ pointId: result.pointId, status: result.status, change: result.change }, 200);
    if (result.why === 'not_draft') return c.json(apiError('not_draft', 'The record is no longer a draft.'), 409);
    return c.json(apiError('not_found', 'There is no such action point in the record.'), 404);
  });
}
