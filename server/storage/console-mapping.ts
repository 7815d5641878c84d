// Rows of the console's tables as both storages read them, and the one rule both apply
// when noting an action point's status.
import type { AccountRow, ActionPointChangeRow, StatusObservation } from './storage';

type Row = Record<string, unknown>;

export const toAccount = (r: Row): AccountRow => ({
  id: r.id as string,
  login: r.login as string,
  name: r.name as string,
  email: (r.email as string | null) ?? null,
  party: r.party as string,
  role: r.role as AccountRow['role'],
  passwordHash: (r.password_hash as string | null) ?? null,
  mustChangePassword: Boolean(r.must_change_password),
  setupTokenHash: (r.setup_token_hash as string | null) ?? null,
  setupExpiresAt: (r.setup_expires_at as string | null) ?? null,
  createdAt: r.created_at as string,
  createdBy: r.created_by as string,
  disabledAt: (r.disabled_at as string | null) ?? null,
});

export const toChange = (r: Row): ActionPointChangeRow => ({
  seq: Number(r.seq),
  meetingId: r.meeting_id as string,
  pointId: r.point_id as string,
  threadMeetingId: r.thread_meeting_id as string,
  threadPointId: r.thread_point_id as string,
  fromStatus: (r.from_status as ActionPointChangeRow['fromStatus']) ?? null,
  toStatus: r.to_status as ActionPointChangeRow['toStatus'],
  kind: r.kind as ActionPointChangeRow['kind'],
  byActor: (r.by_actor as string | null) ?? null,
  byName: (r.by_name as string | null) ?? null,
  at: r.at as string,
});

/** The change to keep for one observed status, given the last kept; null when nothing changed. */
export function changeFor(
  last: { to_status: unknown } | undefined,
  o: StatusObservation,
): Pick<ActionPointChangeRow, 'fromStatus' | 'toStatus' | 'kind'> | null {
  if (last && last.to_status === o.status) return null;
  if (last) return { fromStatus: last.to_status as ActionPointChangeRow['toStatus'], toStatus: o.status, kind: 'changed' };
  if (o.carriedFrom) return { fromStatus: o.carriedFrom, toStatus: o.status, kind: 'carried' };
  return { fromStatus: null, toStatus: o.status, kind: 'recorded' };
}
