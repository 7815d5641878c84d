// What the console is told about a meeting: its facts, its roster with who has joined,
// its action points and who manages it. No storage row goes out as it is.
import type * as Y from 'yjs';
import { readActionPoints } from '../../../shared/console/action-points';
import { readAgenda } from '../../../shared/console/agenda';
import { editableFacts } from '../../../shared/console/meeting-facts';
import { participants } from '../../../shared/record/schema';
import type { AccountRow, InvitationRow, MeetingOfficerRow, MeetingRow, RecordRow } from '../../storage/storage';
import type { IssuedInvitation } from '../../commands/new-invitations';
import { invitationLink } from '../meeting';

export function presentMeetingSummary(meeting: MeetingRow, record: RecordRow, seriesId: string | null, doc: Y.Doc) {
  const facts = editableFacts(doc);
  return {
    id: meeting.id,
    code: facts.code,
    seriesId,
    series: facts.series,
    number: facts.number,
    venue: facts.venue,
    startDate: facts.startDate,
    endDate: facts.endDate,
    languages: facts.languages,
    state: record.state,
    version: record.version,
    participants: participants(doc).length,
  };
}

export function presentConsoleMeeting(
  meeting: MeetingRow,
  record: RecordRow,
  seriesId: string | null,
  doc: Y.Doc,
  invitations: InvitationRow[],
  officers: { grant: MeetingOfficerRow; account: AccountRow | undefined }[],
) {
  const byParticipant = new Map(invitations.map((i) => [i.participantId, i]));
  return {
    ...presentMeetingSummary(meeting, record, seriesId, doc),
    documentId: record.documentId,
    facts: editableFacts(doc),
    roster: participants(doc)
      .toArray()
      .map((p) => {
        const invitation = byParticipant.get(p.id);
        return { ...p, joinedAt: invitation?.firstUsedAt ?? null, revoked: invitation ? invitation.revokedAt !== null : true };
      }),
    agenda: readAgenda(doc),
    actionPoints: readActionPoints(doc),
    officers: officers.map(({ grant, account }) => ({
      accountId: grant.accountId,
      name: account?.name ?? '',
      login: account?.login ?? '',
      grantedAt: grant.grantedAt,
    })),
  };
}

/** Invitations just made: the only time their links are shown. */
export const presentIssued = (issued: IssuedInvitation[], baseUrl: string) =>
  issued.map((i) => ({ participantId: i.participantId, role: i.role, party: i.party, name: i.name, token: i.token, link: invitationLink(baseUrl, i.token) }));
