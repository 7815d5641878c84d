// A printed sheet of invitation links as QR codes. Tokens are kept only as hashes, so a
// link can be printed only by making a new one: the sheet replaces the links it prints,
// and an earlier link of the same person stops working (its open sockets close).
import { audit } from '../../audit';
import type { Services } from '../../services';
import type { InvitationRow, MeetingRow } from '../../storage/storage';
import { issueFreshLink } from '../invitation-links';

export interface SheetChoice {
  party?: string;
  /** Only people who have not opened their link yet: the sheet then disturbs nobody in the room. */
  notJoined?: boolean;
  participants?: string[];
}

export interface SheetEntry {
  invitation: InvitationRow;
  token: string;
}

export async function issueInvitationSheet(services: Services, meeting: MeetingRow, choice: SheetChoice, by: string): Promise<SheetEntry[]> {
  const chosen = (await services.storage.listInvitations(meeting.id)).filter(
    (i) =>
      !i.revokedAt &&
      (!choice.party || i.party === choice.party) &&
      (!choice.notJoined || !i.firstUsedAt) &&
      (!choice.participants?.length || choice.participants.includes(i.participantId)),
  );
  const entries: SheetEntry[] = [];
  for (const invitation of chosen) entries.push({ invitation, token: await issueFreshLink(services, invitation, by) });
  await audit(services, meeting.id, by, 'invitations.sheet-issued', { participants: entries.map((e) => e.invitation.participantId) });
  return entries;
}
