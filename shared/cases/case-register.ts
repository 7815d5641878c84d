// The case register: every case of a series (or of every meeting an officer can see), one
// row per case however often it was carried, standing where its latest copy stands, with
// its history of stage changes across meetings. Open cases first, overdue ones before them.
// Pure: the caller gives today's date.
import { z } from 'zod';
import type { LocalizedText } from '../record/schema';
import type { RecordState } from '../roles';
import { CASE_STAGES, isCaseOverdue, isOpenCase, type CaseEntry, type CaseSide, type CaseStage, type CaseThread } from './case';

export const caseRegisterQuery = z.object({
  series: z.string().min(1).max(64).optional(),
  party: z.string().min(1).max(8).optional(),
  agency: z.string().min(1).max(300).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  /** `true`: closed cases too. */
  all: z.enum(['true', 'false']).optional(),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});
export type CaseRegisterQuery = z.infer<typeof caseRegisterQuery>;

export interface CaseRegisterMeeting {
  meetingId: string;
  seriesId: string | null;
  number: number;
  code: string;
  series: LocalizedText;
  state: RecordState;
  cases: CaseEntry[];
}

export type CaseChangeKind = 'recorded' | 'changed' | 'carried';

export interface CaseChange {
  meetingId: string;
  caseId: string;
  thread: CaseThread;
  from: CaseStage | null;
  to: CaseStage;
  kind: CaseChangeKind;
  by: { actor: string; name: string } | null;
  at: string;
}

export interface CaseHistoryEntry extends Omit<CaseChange, 'thread' | 'caseId'> {
  meetingCode: string;
  meetingNumber: number;
}

export interface CaseRegisterRow {
  thread: CaseThread;
  seriesId: string | null;
  meetingId: string;
  meetingCode: string;
  meetingNumber: number;
  caseId: string;
  sides: CaseSide[];
  stage: CaseStage;
  repatriatedOn: string | null;
  nextStep: LocalizedText;
  due: string | null;
  overdue: boolean;
  history: CaseHistoryEntry[];
}

const threadKey = (t: CaseThread) => `${t.meetingId}/${t.caseId}`;

export function buildCaseRegister(meetings: readonly CaseRegisterMeeting[], changes: readonly CaseChange[], today: string): CaseRegisterRow[] {
  const byId = new Map(meetings.map((m) => [m.meetingId, m]));
  const latest = new Map<string, { meeting: CaseRegisterMeeting; entry: CaseEntry; position: number }>();
  for (const meeting of [...meetings].sort((a, b) => a.number - b.number))
    meeting.cases.forEach((entry, position) => latest.set(threadKey(entry.thread), { meeting, entry, position }));

  const history = new Map<string, CaseHistoryEntry[]>();
  for (const change of [...changes].sort((a, b) => a.at.localeCompare(b.at))) {
    const meeting = byId.get(change.meetingId);
    const entries = history.get(threadKey(change.thread)) ?? [];
    const { thread: _thread, caseId: _caseId, ...rest } = change;
    entries.push({ ...rest, meetingCode: meeting?.code ?? '', meetingNumber: meeting?.number ?? 0 });
    history.set(threadKey(change.thread), entries);
  }

  const rows = [...latest.entries()].map(([key, { meeting, entry, position }]) => ({
    thread: entry.thread,
    seriesId: meeting.seriesId,
    meetingId: meeting.meetingId,
    meetingCode: meeting.code,
    meetingNumber: meeting.number,
    caseId: entry.id,
    sides: entry.sides,
    stage: entry.stage,
    repatriatedOn: entry.repatriatedOn,
    nextStep: entry.nextStep,
    due: entry.due,
    overdue: isCaseOverdue(entry, today),
    history: history.get(key) ?? [],
    position,
  }));
  const rank = (r: CaseRegisterRow) => (r.overdue ? 0 : isOpenCase(r) ? 1 : 2);
  rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') ||
      CASE_STAGES.indexOf(a.stage) - CASE_STAGES.indexOf(b.stage) ||
      a.meetingNumber - b.meetingNumber ||
      a.position - b.position,
  );
  return rows.map(({ position: _position, ...row }) => row);
}

export function filterCaseRegister(rows: readonly CaseRegisterRow[], query: CaseRegisterQuery): CaseRegisterRow[] {
  const agency = query.agency?.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (query.all === 'true' || isOpenCase(r)) &&
      (!query.series || r.seriesId === query.series) &&
      (!query.party || r.sides.some((s) => s.party === query.party)) &&
      (!agency || r.sides.some((s) => s.agency.trim().toLocaleLowerCase() === agency)) &&
      (!query.stage || r.stage === query.stage),
  );
}

/** Open cases at each stage, for the dashboard. */
export function casesByStage(rows: readonly CaseRegisterRow[]): Record<CaseStage, number> {
  const counts = Object.fromEntries(CASE_STAGES.map((s) => [s, 0])) as Record<CaseStage, number>;
  for (const row of rows) counts[row.stage] += 1;
  return counts;
}

/** What a save changes in the history: a case seen for the first time, or a new stage; null otherwise. */
export function changeOnSave(
  stored: Pick<CaseEntry, 'stage'> | undefined,
  entry: Pick<CaseEntry, 'stage' | 'carriedFrom'>,
): { kind: CaseChangeKind; from: CaseStage | null } | null {
  if (!stored) return { kind: entry.carriedFrom ? 'carried' : 'recorded', from: null };
  return stored.stage === entry.stage ? null : { kind: 'changed', from: stored.stage };
}
