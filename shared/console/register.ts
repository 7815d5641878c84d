// The action register: every action point of a series (or of every meeting an officer
// can see) in one table, one row per point however often it was carried, standing where
// its latest copy stands, with its history of status changes across meetings. Overdue
// points come first. Pure: the caller gives today's date.
import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../record/meeting-input';
import type { LocalizedText } from '../record/schema';
import type { RecordState } from '../roles';
import { formatDate } from '../dates';
import { isOverdue, isSettled, threadKey, threadOf, type ActionPointView, type Thread } from './action-points';

export const registerQuery = z.object({
  series: z.string().min(1).max(64).optional(),
  party: z.string().min(1).max(8).optional(),
  agency: z.string().min(1).max(300).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** The officer's own today (YYYY-MM-DD); the server's date in Bangkok time otherwise. */
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** The language of the text and dates in an export. */
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});
export type RegisterQuery = z.infer<typeof registerQuery>;

export interface RegisterMeeting {
  meetingId: string;
  seriesId: string | null;
  number: number;
  code: string;
  series: LocalizedText;
  state: RecordState;
  languages: string[];
  points: ActionPointView[];
}

export type ChangeKind = 'recorded' | 'changed' | 'carried';

export interface StatusChange {
  meetingId: string;
  pointId: string;
  thread: Thread;
  from: ActionStatus | null;
  to: ActionStatus;
  kind: ChangeKind;
  /** Who made the change: a participant or officer, or null when the record changed through the workspace without the server knowing who. */
  by: { actor: string; name: string } | null;
  at: string;
}

export interface HistoryEntry {
  meetingId: string;
  meetingCode: string;
  meetingNumber: number;
  from: ActionStatus | null;
  to: ActionStatus;
  kind: ChangeKind;
  by: { actor: string; name: string } | null;
  at: string;
}

export interface RegisterRow {
  thread: Thread;
  seriesId: string | null;
  series: LocalizedText;
  /** Where the point stands now: the meeting of its latest copy. */
  meetingId: string;
  meetingCode: string;
  meetingNumber: number;
  pointId: string;
  /**
   * Where the point was first written. `signed`: that meeting's record is signed, so the
   * point was agreed there; otherwise it was only carried from it.
   */
  origin: { meetingId: string; meetingCode: string; meetingNumber: number; actionPointId: string; signed: boolean };
  text: LocalizedText;
  party: string;
  agency: string;
  due: string | null;
  /** The due date written out in each language: Thai in the Buddhist Era. */
  dueText: Record<string, string>;
  status: ActionStatus;
  overdue: boolean;
  history: HistoryEntry[];
}

/** The interface languages: a due date is shown written out in the reader's own. */
const DATE_LANGUAGES = ['th', 'lo', 'my', 'km', 'vi', 'en'];

export function buildRegister(meetings: readonly RegisterMeeting[], changes: readonly StatusChange[], today: string): RegisterRow[] {
  const byId = new Map(meetings.map((m) => [m.meetingId, m]));
  const latest = new Map<string, { meeting: RegisterMeeting; point: ActionPointView; position: number }>();
  // Later meetings of a series hold the later copy of a carried point.
  for (const meeting of [...meetings].sort((a, b) => a.number - b.number))
    meeting.points.forEach((point, position) => latest.set(threadKey(threadOf(meeting.meetingId, point)), { meeting, point, position }));

  const history = new Map<string, HistoryEntry[]>();
  for (const change of [...changes].sort((a, b) => a.at.localeCompare(b.at))) {
    const meeting = byId.get(change.meetingId);
    const entries = history.get(threadKey(change.thread)) ?? [];
    entries.push({
      meetingId: change.meetingId,
      meetingCode: meeting?.code ?? '',
      meetingNumber: meeting?.number ?? 0,
      from: change.from,
      to: change.to,
      kind: change.kind,
      by: change.by,
      at: change.at,
    });
    history.set(threadKey(change.thread), entries);
  }

  const rows = [...latest.entries()].map(([key, { meeting, point, position }]): RegisterRow & { position: number } => {
    const thread = threadOf(meeting.meetingId, point);
    const originMeeting = byId.get(thread.meetingId);
    const languages = [...new Set([...DATE_LANGUAGES, ...meeting.languages])];
    return {
      thread,
      seriesId: meeting.seriesId,
      series: meeting.series,
      meetingId: meeting.meetingId,
      meetingCode: meeting.code,
      meetingNumber: meeting.number,
      pointId: point.id,
      origin: {
        meetingId: thread.meetingId,
        meetingCode: point.origin?.meetingCode || originMeeting?.code || meeting.code,
        meetingNumber: point.origin?.meetingNumber || originMeeting?.number || meeting.number,
        actionPointId: thread.pointId,
        signed: (originMeeting ?? meeting).state === 'signed',
      },
      text: point.text,
      party: point.party,
      agency: point.agency,
      due: point.due,
      dueText: point.due ? Object.fromEntries(languages.map((l) => [l, formatDate(point.due!, l)])) : {},
      status: point.status,
      overdue: isOverdue(point, today),
      history: history.get(key) ?? [],
      position,
    };
  });
  rows.sort(
    (a, b) => rank(a) - rank(b) || (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') || a.meetingNumber - b.meetingNumber || a.position - b.position,
  );
  return rows.map(({ position: _position, ...row }) => row);
}

const rank = (row: RegisterRow) => (row.overdue ? 0 : isSettled(row.status) ? 2 : 1);

export function filterRegister(rows: readonly RegisterRow[], query: RegisterQuery): RegisterRow[] {
  const agency = query.agency?.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (!query.series || r.seriesId === query.series) &&
      (!query.party || r.party === query.party) &&
      (!agency || r.agency.trim().toLocaleLowerCase() === agency) &&
      (!query.status || r.status === query.status) &&
      (query.overdue === undefined || r.overdue === (query.overdue === 'true')),
  );
}

export interface Dashboard {
  meetings: Record<RecordState, number>;
  agencies: { party: string; agency: string; open: number; overdue: number }[];
}

/** Meetings by state, and per agency the points still to do and those overdue. */
export function buildDashboard(meetings: readonly { state: RecordState }[], rows: readonly RegisterRow[]): Dashboard {
  const counts: Record<RecordState, number> = { draft: 0, locked: 0, signed: 0 };
  for (const m of meetings) counts[m.state] += 1;
  const agencies = new Map<string, Dashboard['agencies'][number]>();
  for (const row of rows) {
    if (isSettled(row.status)) continue;
    const key = `${row.party}\u0000${row.agency}`;
    const entry = agencies.get(key) ?? { party: row.party, agency: row.agency, open: 0, overdue: 0 };
    entry.open += 1;
    if (row.overdue) entry.overdue += 1;
    agencies.set(key, entry);
  }
  return {
    meetings: counts,
    agencies: [...agencies.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.agency.localeCompare(b.agency)),
  };
}

/** Today's date where the meetings are held, from the time given (never a clock read here). */
export function dateIn(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
