// A command asks authorize() once it holds what the answer hangs on: the record's state as
// the room or storage has it now (another request may have locked it since the route asked),
// and the facts it read from the document (whose text is removed, whose language a
// proposal is in). The answer is authorize()'s, as every route's is.
import type { Action } from '../../shared/roles';
import { authorize, type MeetingTarget } from '../policies/authorize';
import type { AccessRefusal } from '../policies/refusal';
import type { RecordRow } from '../storage/storage';
import type { Participant } from './lifecycle-result';

export function askAuthorize(
  by: Participant,
  action: Action,
  record: Pick<RecordRow, 'meetingId' | 'state'>,
  facts: Pick<MeetingTarget, 'party' | 'authors'> = {},
): AccessRefusal | null {
  // A participant's meeting is the one their invitation is for: no officer's standing applies.
  return authorize(by.principal, action, { meetingId: record.meetingId, state: record.state, managedByOfficer: false, ...facts });
}
