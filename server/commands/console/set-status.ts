// Sets an action point's status through the server, which then knows who changed it:
// the change is kept in the history under their name, in this meeting. Changes made in
// the workspace before it and not yet seen are kept first, as changes by someone not named.
import { readActionPoints } from '../../../shared/console/action-points';
import type { ActionStatus } from '../../../shared/record/meeting-input';
import { actionPoints } from '../../../shared/record/schema';
import { audit } from '../../audit';
import type { Services } from '../../services';
import type { ActionPointChangeRow, ChangeAuthor, MeetingRow, RecordRow } from '../../storage/storage';
import { refusalDetail } from '../lifecycle-audit';
import { refused, type CommandResult } from '../lifecycle-result';
import { noteStatuses } from './action-point-statuses';

export type StatusSet = CommandResult<{ pointId: string; status: ActionStatus; change: ActionPointChangeRow | null }>;

export async function setActionPointStatus(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  pointId: string,
  status: ActionStatus,
  by: ChangeAuthor,
): Promise<StatusSet> {
  const result = await services.rooms.withRoom(record, async (room): Promise<StatusSet> => {
    // Locked since the route asked: the room's record is the one that counts.
    if (room.record.state !== 'draft') return refused({ code: 'wrong-state', action: 'write', state: room.record.state });
    const index = readActionPoints(room.doc).findIndex((p) => p.id === pointId);
    if (index < 0) return refused({ code: 'not-found', what: 'action-point' });
    await noteStatuses(services, meeting.id, room.doc, null);
    if (!(await room.applyServerChange((doc) => actionPoints(doc).get(index).set('status', status))))
      return refused({ code: 'wrong-state', action: 'write', state: 'locked' });
    const kept = await noteStatuses(services, meeting.id, room.doc, by);
    return { ok: true, value: { pointId, status, change: kept.find((k) => k.pointId === pointId) ?? null } };
  });
  await audit(
    services,
    meeting.id,
    by.actor,
    result.ok ? 'action-point.status-set' : 'action-point.status-refused',
    result.ok ? { pointId, status } : { pointId, status, ...refusalDetail(result.refusal) },
  );
  return result;
}
