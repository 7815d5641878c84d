// Creates a meeting from its input: the record (version 1, draft) laid out in a Y.Doc,
// the roster, and one invitation per participant. Answers the tokens once; only their
// hashes are kept.
import * as Y from 'yjs';
import { layRecord } from '../../shared/record/lay-record';
import type { MeetingInput } from '../../shared/record/meeting-input';
import type { Participant } from '../../shared/record/schema';
import { audit } from '../audit';
import { newId } from '../auth/tokens';
import type { Services } from '../services';
import { type IssuedInvitation, newInvitations } from './new-invitations';

export interface CreatedMeeting {
  meetingId: string;
  documentId: string;
  invitations: IssuedInvitation[];
}

export async function createMeeting(services: Services, input: MeetingInput, createdBy: string): Promise<CreatedMeeting> {
  const now = services.now().toISOString();
  const meetingId = newId();
  const documentId = newId();
  const roster: Participant[] = input.participants.map((p) => ({
    id: newId(),
    party: p.party,
    role: p.role,
    name: p.name,
    title: p.title,
    agency: p.agency,
  }));

  const doc = new Y.Doc();
  layRecord(doc, input, { meetingId, version: 1, previousRecordHash: null }, roster, newId);
  const initialState = Y.encodeStateAsUpdate(doc);
  doc.destroy();

  const { rows, issued } = newInvitations(meetingId, roster, now);

  await services.storage.createMeeting(
    { id: meetingId, code: input.code, createdAt: now, currentDocumentId: documentId },
    { documentId, meetingId, version: 1, state: 'draft', recordHash: null, createdAt: now },
    initialState,
    rows,
  );
  await audit(services, meetingId, createdBy, 'meeting.created', { code: input.code, invitations: rows.length });
  return { meetingId, documentId, invitations: issued };
}
