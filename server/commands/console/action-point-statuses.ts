// The history of action point statuses. The record says what each status is now; the
// history says who changed it, when, in which meeting. It is fed where the server knows
// who acts (a status set through the API, a point carried to the next meeting) and, for
// changes made in the workspace, by comparing the record with the last status kept
// whenever the console reads it: those are kept as changes by someone not named.
import type * as Y from 'yjs';
import { readActionPoints, threadOf } from '../../../shared/console/action-points';
import type { ActionStatus } from '../../../shared/record/meeting-input';
import type { Services } from '../../services';
import type { ActionPointChangeRow, ChangeAuthor, StatusObservation } from '../../storage/storage';

function observationsOf(meetingId: string, doc: Y.Doc, carriedFrom?: Map<string, ActionStatus>): StatusObservation[] {
  return readActionPoints(doc).map((point) => {
    const thread = threadOf(meetingId, point);
    const from = carriedFrom?.get(point.id);
    return {
      pointId: point.id,
      threadMeetingId: thread.meetingId,
      threadPointId: thread.pointId,
      status: point.status,
      ...(from ? { carriedFrom: from } : {}),
    };
  });
}

/** Keeps whatever changed in the record since the last look. */
export function noteStatuses(
  services: Pick<Services, 'storage' | 'now'>,
  meetingId: string,
  doc: Y.Doc,
  by: ChangeAuthor | null,
  carriedFrom?: Map<string, ActionStatus>,
): Promise<ActionPointChangeRow[]> {
  return services.storage.noteActionPointStatuses(meetingId, observationsOf(meetingId, doc, carriedFrom), by, services.now().toISOString());
}
