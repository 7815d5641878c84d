// Gathers what the action register and the dashboard show: the meetings a console user
// may see (optionally one series), each one's action points as its record holds them now,
// and the history of their statuses, brought up to date on the way.
import type * as Y from 'yjs';
import { readActionPoints } from '../../../shared/console/action-points';
import type { RegisterMeeting, StatusChange } from '../../../shared/console/register';
import { readMeetingFacts } from '../../../shared/record/schema';
import type { ConsoleUser } from '../../auth/console-user';
import type { Services } from '../../services';
import type { ActionPointChangeRow, MeetingRow, RecordRow } from '../../storage/storage';
import { noteStatuses } from './action-point-statuses';

export interface VisibleMeeting {
  meeting: MeetingRow;
  record: RecordRow;
  seriesId: string | null;
}

/** Every meeting the user may see: all for the administrator, else those they manage. */
export async function visibleMeetings(services: Services, user: ConsoleUser, seriesId?: string): Promise<VisibleMeeting[]> {
  const { storage } = services;
  const all = await storage.listMeetings();
  const granted = user.administrator ? null : new Set(user.account ? await storage.listGrantedMeetings(user.account.id) : []);
  const places = new Map((await storage.listSeriesPlaces()).map((p) => [p.meetingId, p.seriesId]));
  const visible: VisibleMeeting[] = [];
  for (const meeting of all) {
    if (granted && !granted.has(meeting.id)) continue;
    const series = places.get(meeting.id) ?? null;
    if (seriesId && series !== seriesId) continue;
    const record = await storage.getRecord(meeting.currentDocumentId);
    if (record) visible.push({ meeting, record, seriesId: series });
  }
  return visible;
}

/** The meetings of a series the user may see, in their order: for links between them. */
export async function seriesMeetings(
  services: Services,
  user: ConsoleUser,
  seriesId: string,
): Promise<{ id: string; number: number; code: string; state: RecordRow['state'] }[]> {
  const numbers = new Map((await services.storage.listSeriesPlaces()).filter((p) => p.seriesId === seriesId).map((p) => [p.meetingId, p.number]));
  const visible = await visibleMeetings(services, user, seriesId);
  return visible
    .map((v) => ({ id: v.meeting.id, number: numbers.get(v.meeting.id) ?? 0, code: v.meeting.code, state: v.record.state }))
    .sort((a, b) => a.number - b.number);
}

export async function loadRegister(services: Services, visible: VisibleMeeting[]): Promise<{ meetings: RegisterMeeting[]; changes: StatusChange[] }> {
  const meetings: RegisterMeeting[] = [];
  for (const { meeting, record, seriesId } of visible) {
    const read = async (doc: Y.Doc): Promise<RegisterMeeting> => {
      await noteStatuses(services, meeting.id, doc, null);
      const facts = readMeetingFacts(doc);
      return {
        meetingId: meeting.id,
        seriesId,
        number: facts.number,
        code: facts.code,
        series: facts.series ?? {},
        state: record.state,
        languages: facts.languages ?? [],
        points: readActionPoints(doc),
      };
    };
    // Read in its queue if it is open here (what is read is stored), else from storage.
    meetings.push(await services.rooms.read(record, read));
  }
  const rows = await services.storage.listActionPointChanges(meetings.map((m) => m.meetingId));
  return { meetings, changes: rows.map(toStatusChange) };
}

const toStatusChange = (row: ActionPointChangeRow): StatusChange => ({
  meetingId: row.meetingId,
  pointId: row.pointId,
  thread: { meetingId: row.threadMeetingId, pointId: row.threadPointId },
  from: row.fromStatus,
  to: row.toStatus,
  kind: row.kind,
  by: row.byActor ? { actor: row.byActor, name: row.byName ?? '' } : null,
  at: row.at,
});
