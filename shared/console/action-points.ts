// Action points as the console reads them, across the meetings of a series. A point
// carried from meeting n to meeting n+1 is a new point in the new record that names its
// origin (the meeting and point where it was first agreed) and the copy it was carried
// from; its thread is the origin, so every copy of one point shares one history.
import type * as Y from 'yjs';
import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../record/meeting-input';
import { actionPoints, readLocalizedYText, type LocalizedText } from '../record/schema';

export interface PointPlace {
  seriesId: string | null;
  meetingId: string;
  meetingNumber: number;
  meetingCode: string;
  actionPointId: string;
}

export interface ActionPointView {
  id: string;
  text: LocalizedText;
  party: string;
  agency: string;
  due: string | null;
  status: ActionStatus;
  /** Where the point was first agreed; null for a point agreed in this meeting. */
  origin: PointPlace | null;
  /** The copy in the previous meeting this one was carried from. */
  carriedFrom: PointPlace | null;
  /** The agenda item that holds it (the review of the previous meeting's points), if any. */
  agendaItem: string | null;
}

/** One action point across meetings: the meeting and id where it was first agreed. */
export interface Thread {
  meetingId: string;
  pointId: string;
}

const place = (value: unknown): PointPlace | null => {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.meetingId !== 'string' || typeof v.actionPointId !== 'string') return null;
  return {
    seriesId: typeof v.seriesId === 'string' ? v.seriesId : null,
    meetingId: v.meetingId,
    meetingNumber: typeof v.meetingNumber === 'number' ? v.meetingNumber : 0,
    meetingCode: typeof v.meetingCode === 'string' ? v.meetingCode : '',
    actionPointId: v.actionPointId,
  };
};

/** A status the record holds that is none of the four is read as open: it still needs doing. */
const statusOf = (value: unknown): ActionStatus => (ACTION_STATUSES.includes(value as ActionStatus) ? (value as ActionStatus) : 'open');

export function readActionPoints(doc: Y.Doc): ActionPointView[] {
  return actionPoints(doc)
    .toArray()
    .map((point) => {
      const text = point.get('text');
      return {
        id: String(point.get('id') ?? ''),
        text: text && typeof (text as Y.Map<Y.Text>).forEach === 'function' ? readLocalizedYText(text as Y.Map<Y.Text>) : {},
        party: String(point.get('party') ?? ''),
        agency: String(point.get('agency') ?? ''),
        due: typeof point.get('due') === 'string' ? (point.get('due') as string) : null,
        status: statusOf(point.get('status')),
        origin: place(point.get('origin')),
        carriedFrom: place(point.get('carriedFrom')),
        agendaItem: typeof point.get('agendaItem') === 'string' ? (point.get('agendaItem') as string) : null,
      };
    });
}

export const threadOf = (meetingId: string, point: Pick<ActionPointView, 'id' | 'origin'>): Thread =>
  point.origin ? { meetingId: point.origin.meetingId, pointId: point.origin.actionPointId } : { meetingId, pointId: point.id };

export const threadKey = (thread: Thread) => `${thread.meetingId}/${thread.pointId}`;

/** Done and dropped points are settled: they are not carried to the next meeting. */
export const isSettled = (status: ActionStatus) => status === 'done' || status === 'dropped';

/** Overdue: not settled, and due before `today` (YYYY-MM-DD, given by the caller). */
export const isOverdue = (point: Pick<ActionPointView, 'due' | 'status'>, today: string) => !isSettled(point.status) && point.due !== null && point.due < today;

/** Body of POST …/action-points/:pointId/status. */
export const statusRequest = z.object({ status: z.enum(ACTION_STATUSES) });
