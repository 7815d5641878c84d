// An officer opens a meeting's workspace from the console as its secretariat. The first time,
// the server puts them on the roster as the secretariat of their party (while the record is
// a draft: the roster is fixed once it is locked) with an invitation no link carries; the
// place is remembered, so every later opening takes the same place. Lifecycle steps then
// run as for any secretariat: the server decides from the roster, as always.
import { parties, participants, type Participant } from '../../../shared/record/schema';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import { hashToken, newId, newToken } from '../../auth/tokens';
import type { Services } from '../../services';
import type { InvitationRow, MeetingRow, RecordRow } from '../../storage/storage';
import { refused, type CommandResult } from '../lifecycle-result';

/** The officer's place: its invitation, and whether it was taken just now. */
export type OfficerSeat = CommandResult<{ invitation: InvitationRow; created: boolean }>;

export async function takeOfficerSeat(services: Services, meeting: MeetingRow, record: RecordRow, user: ConsoleUser, party?: string): Promise<OfficerSeat> {
  const { storage } = services;
  const account = user.account;
  if (!account) return refused({ code: 'no-account' });

  const seat = await storage.officerSeat(meeting.id, account.id);
  if (seat) {
    const invitation = (await storage.listInvitations(meeting.id)).find((i) => i.participantId === seat.participantId && !i.revokedAt);
    // Removed from the roster since: a new place is taken, as the first time.
    if (invitation) return { ok: true, value: { invitation, created: false } };
  }

  const result = await services.rooms.withRoom(record, async (room): Promise<OfficerSeat> => {
    const codes = parties(room.doc)
      .toArray()
      .map((p) => p.code);
    const chosen = party ?? account.party;
    if (!codes.includes(chosen)) return refused({ code: 'party-not-in-meeting', parties: codes });
    if (room.record.state !== 'draft') return refused({ code: 'roster-fixed' });
    const now = services.now().toISOString();
    const person: Participant = { id: newId(), party: chosen, role: 'secretariat', name: account.name, title: '', agency: '' };
    // No link is ever made from this token: the officer comes in through the console.
    const invitation: InvitationRow = {
      id: newId(),
      meetingId: meeting.id,
      participantId: person.id,
      role: person.role,
      party: person.party,
      name: person.name,
      tokenHash: hashToken(newToken()),
      createdAt: now,
      revokedAt: null,
      firstUsedAt: null,
    };
    await storage.addOfficerSeat({ meetingId: meeting.id, accountId: account.id, participantId: person.id, createdAt: now }, invitation);
    try {
      await room.applyServerChange((doc) => participants(doc).push([person]));
    } catch (err) {
      await storage.revokeInvitation(invitation.id, now);
      throw err;
    }
    return { ok: true, value: { invitation, created: true } };
  });
  if (result.ok && result.value.created)
    await audit(services, meeting.id, user.actor, 'roster.added', { source: 'console', participants: [result.value.invitation.participantId] });
  return result;
}
