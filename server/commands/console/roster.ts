// The roster of a draft record: people added one by one or from a list, each with an
// invitation, and people removed (their invitation withdrawn, their sockets closed). A
// list is checked whole against the roster as it stands, in the record's queue: all of it
// goes in, or none of it.
import type * as Y from 'yjs';
import type { RosterCheck, RosterContext, RosterProblem } from '../../../shared/console/roster';
import { participants, parties, type Participant } from '../../../shared/record/schema';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import { hashToken, newId, newToken } from '../../auth/tokens';
import type { Services } from '../../services';
import type { InvitationRow, MeetingRow, RecordRow } from '../../storage/storage';
import type { IssuedInvitation } from '../create-meeting';
import { revokeInvitation } from '../invitation-links';

export type RosterAddition =
  | { ok: true; invitations: IssuedInvitation[] }
  | { ok: false; why: 'not_draft' }
  | { ok: false; why: 'invalid'; problems: RosterProblem[] };

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
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    const checked = check(rosterContext(room.doc));
    if (!checked.ok) return { ok: false, why: 'invalid', problems: checked.problems };

    const now = services.now().toISOString();
    const people: Participant[] = checked.participants.map(({ party, role, name, title, agency }) => ({ id: newId(), party, role, name, title, agency }));
    const issued: IssuedInvitation[] = [];
    const rows: InvitationRow[] = people.map((p) => {
      const token = newToken();
      issued.push({ participantId: p.id, role: p.role, party: p.party, name: p.name, token });
      const row: InvitationRow = {
        id: newId(),
        meetingId: meeting.id,
        participantId: p.id,
        role: p.role,
        party: p.party,
        name: p.name,
        tokenHash: hashToken(token),
        createdAt: now,
        revokedAt: null,
        firstUsedAt: null,
      };
      return row;
    });
    await services.storage.addInvitations(rows);
    const withdraw = async () => {
      // The record did not take them: their invitations must not open it either.
      for (const row of rows) await services.storage.revokeInvitation(row.id, now);
    };
    try {
      if (!(await room.applyServerChange((doc) => participants(doc).push(people)))) {
        await withdraw();
        return { ok: false, why: 'not_draft' };
      }
    } catch (err) {
      await withdraw();
      throw err;
    }
    return { ok: true, invitations: issued };
  });
  await audit(
    services,
    meeting.id,
    user.actor,
    result.ok ? 'roster.added' : 'roster.add-refused',
    result.ok
      ? { source, participants: result.invitations.map((i) => i.participantId) }
      : { source, why: result.why, problems: result.why === 'invalid' ? result.problems.length : 0 },
  );
  return result;
}

export type RosterRemoval = { ok: true; participant: Participant } | { ok: false; why: 'not_draft' | 'unknown_participant' };

export async function removeFromRoster(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  participantId: string,
  user: ConsoleUser,
): Promise<RosterRemoval> {
  const result = await services.rooms.withRoom(record, async (room): Promise<RosterRemoval> => {
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    const index = participants(room.doc)
      .toArray()
      .findIndex((p) => p.id === participantId);
    if (index < 0) return { ok: false, why: 'unknown_participant' };
    const participant = participants(room.doc).get(index);
    if (!(await room.applyServerChange((doc) => participants(doc).delete(index, 1)))) return { ok: false, why: 'not_draft' };
    return { ok: true, participant };
  });
  if (!result.ok) return result;
  const invitation = (await services.storage.listInvitations(meeting.id)).find((i) => i.participantId === participantId);
  if (invitation && !invitation.revokedAt) await revokeInvitation(services, invitation, user.actor);
  await audit(services, meeting.id, user.actor, 'roster.removed', { participantId });
  return result;
}
