// An action point's status set through the server, which keeps who changed it in the
// register's history. For the officers who manage the meeting and for its participants
// who may write (not observers), while the record is a draft. Mounted at /api/meetings.
import { Hono } from 'hono';
import { validator } from './validator';
import { statusRequest } from '../../shared/console/action-points';
import { setActionPointStatus } from '../commands/console/set-status';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { meetingAccess, refuse } from './meeting-access';

export function consoleActionPointRoutes(services: Services) {
  return new Hono<AppEnv>().post(
    '/:id/action-points/:pointId/status',
    doc({ summary: 'Sets an action point’s status, kept in its history', tag: 'Action points' }),
    validator('json', statusRequest, invalidBody('invalid_status')),
    async (c) => {
      const access = await meetingAccess(c, services, 'write', { refusedAs: 'action-point.status-refused' });
      if (access instanceof Response) return access;
      const { principal } = access;
      const by = {
        actor: access.actor,
        name: principal.kind === 'participant' ? principal.invitation.name : principal.kind === 'officer' ? principal.account.name : 'Administrator',
      };
      const result = await setActionPointStatus(services, access.meeting, access.record, c.req.param('pointId'), c.req.valid('json').status, by);
      if (!result.ok) return refuse(c, result.refusal);
      return c.json(result.value, 200);
    },
  );
}
