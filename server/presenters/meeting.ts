// What leaves the server about a meeting. No storage row goes out as it is.
import type * as Y from 'yjs';
import { participants, parties, readMeetingFacts } from '../../shared/record/schema';
import type { CreatedMeeting } from '../commands/create-meeting';
import type { InvitationRow, MeetingRow, RecordRow } from '../storage/storage';

export const invitationLink = (baseUrl: string, token: string) => `${baseUrl}/join#${token}`;

export function presentCreatedMeeting(created: CreatedMeeting, baseUrl: string) {
  return {
    meetingId: created.meetingId,
    documentId: created.documentId,
    invitations: created.invitations.map((i) => ({
      participantId: i.participantId,
      role: i.role,
      party: i.party,
      name: i.name,
      token: i.token,
      link: invitationLink(baseUrl, i.token),
    })),
  };
}

export function presentViewer(invitation: InvitationRow | null) {
  return invitation ? { participantId: invitation.participantId, name: invitation.name, role: invitation.role, party: invitation.party } : null;
}

export function presentMeeting(meeting: MeetingRow, record: RecordRow, doc: Y.Doc, viewer: InvitationRow | null) {
  return {
    id: meeting.id,
    code: meeting.code,
    documentId: record.documentId,
    version: record.version,
    state: record.state,
    recordHash: record.recordHash,
    facts: readMeetingFacts(doc),
    parties: parties(doc).toArray(),
    participants: participants(doc).toArray(),
    you: presentViewer(viewer),
  };
}
