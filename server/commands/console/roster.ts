// The roster of a draft record: people added one by one or from a list, each with an
// invitation, and people removed (their invitation withdrawn, their sockets closed). A
// list is checked whole against the roster as it stands, in the record's queue: all of it
// goes in, or none of it.
import type * as Y from 'yjs';
import type { AuditReason } from '../../../shared/audit-actions';
import type { RosterCheck, RosterContext } from '../../../shared/console/roster';
import { participants, parties, type Participant } from '../../../shared/record/schema';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import { newId } from '../../auth/tokens';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';
import type { Refusal } from '../../policies/refusal';
import { refused, type CommandResult } from '../lifecycle-result';
import { type IssuedInvitation, newInvitations } from '../new-invitations';
import { revokeInvitation } from '../invitation-links';

export type RosterAddition = CommandResult<IssuedInvitation[]>;

export function rosterContext(doc: Y.Doc): RosterContext {
  return {
    parties: parties(doc)
      .toArray()
      .map((p) => p.code),
    existing: participants(doc).toArray(),
  };
}

/** Adds whom `check` accepts, given the roster as it stands; `source` says how they came (form, csv, xlsx). */
export async function addToRoster(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  check: (context: RosterContext) => RosterCheck,
  user: ConsoleUser,
  source: string,
): Promise<RosterAddition> {
  const result = await services.rooms.withRoom(record, async (room): Promise<RosterAddition> => {
    if (room.record.state !== 'draft') return refused({ code: 'no-longer-draft', fixed: 'roster' });
    const checked = check(rosterContext(room.doc));
    // One person from the form is answered field by field; a list, line by line.
    if (!checked.ok) return refused({ code: source === 'form' ? 'invalid-participant' : 'invalid-roster', problems: checked.problems });

    const now = services.now().toISOString();
    const people: Participant[] = checked.participants.map(({ party, role, name, title, agency }) => ({ id: newId(), party, role, name, title, agency }));
    const { rows, issued } = newInvitations(meeting.id, people, now);
    await services.storage.addInvitations(rows);
    const withdraw = async () => {
      // The record did not take them: their invitations must not open it either.
      for (const row of rows) await services.storage.revokeInvitation(row.id, now);
    };
    try {
      if (!(await room.applyServerChange((doc) => participants(doc).push(people)))) {
        await withdraw();
        return refused({ code: 'no-longer-draft', fixed: 'roster' });
      }
    } catch (err) {
      await withdraw();
      throw err;
    }
    return { ok: true, value: issued };
  });
  await audit(
    services,
    meeting.id,
    user.actor,
    result.ok ? 'roster.added' : 'roster.add-refused',
    result.ok
      ? { source, participants: result.value.map((i) => i.participantId) }
      : { source, why: refusedWhy(result.refusal), problems: 'problems' in result.refusal ? result.refusal.problems.length : 0 },
  );
  return result;
}

/** The log names a refused addition as it always has: the record was not a draft, or the people were invalid. */
const refusedWhy = (refusal: Refusal): AuditReason => (refusal.code === 'no-longer-draft' ? 'not_draft' : 'invalid');

export type RosterRemoval = CommandResult<Participant>;

export async function removeFromRoster(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  participantId: string,
  user: ConsoleUser,
): Promise<RosterRemoval> {
  const result = await services.rooms.withRoom(record, async (room): Promise<RosterRemoval> => {
    // Locked since the route asked: the room's record is the one that counts.
    if (room.record.state !== 'draft') return refused({ code: 'wrong-state', action: 'editMeeting', state: room.record.state });
    const index = participants(room.doc)
      .toArray()
      .findIndex((p) => p.id === participantId);
    if (index < 0) return refused({ code: 'not-found', what: 'participant' });
    const participant = participants(room.doc).get(index);
    if (!(await room.applyServerChange((doc) => participants(doc).delete(index, 1))))
      return refused({ code: 'wrong-state', action: 'editMeeting', state: 'locked' });
    return { ok: true, value: participant };
  });
  if (!result.ok) return result;
  const invitation = (await services.storage.listInvitations(meeting.id)).find((i) => i.participantId === participantId);
  if (invitation && !invitation.revokedAt) await revokeInvitation(services, invitation, user.actor);
  await audit(services, meeting.id, user.actor, 'roster.removed', { participantId });
  return result;
}
