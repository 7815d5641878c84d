// Everything Accord keeps, behind one asynchronous interface: SQLite is the embedded
// default; the PostgreSQL adapter serves the scale-out mode. Ordering of writes to one
// record is kept by the caller (one queue per record), not by the storage.
import type { RecordState, Role } from '../../shared/roles';

export interface StoredRecord {
  /** The compacted state, or null when the record has never been compacted. */
  snapshot: Uint8Array | null;
  /** Updates stored after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last update included above. */
  lastSeq: number;
}

export interface MeetingRow {
  id: string;
  code: string;
  createdAt: string;
  currentDocumentId: string;
}

export interface RecordRow {
  documentId: string;
  meetingId: string;
  version: number;
  state: RecordState;
  recordHash: string | null;
  createdAt: string;
}

export interface InvitationRow {
  id: string;
  meetingId: string;
  participantId: string;
  role: Role;
  party: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
  firstUsedAt: string | null;
}

export interface SessionRow {
  tokenHash: string;
  invitationId: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuditEntry {
  meetingId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type NewAuditEntry = Pick<AuditEntry, 'meetingId' | 'at' | 'actor' | 'action' | 'detail'>;

export interface Storage {
  loadRecord(documentId: string): Promise<StoredRecord>;
  /** Stores updates durably, in order; resolves only once they would survive a crash. */
  appendUpdates(documentId: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces every update up to `uptoSeq` with `state`, atomically. */
  compactRecord(documentId: string, state: Uint8Array, uptoSeq: number): Promise<void>;

  createMeeting(meeting: MeetingRow, record: RecordRow, initialState: Uint8Array, invitations: InvitationRow[]): Promise<void>;
  getMeeting(id: string): Promise<MeetingRow | undefined>;
  countMeetings(): Promise<number>;
  getRecord(documentId: string): Promise<RecordRow | undefined>;

  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRow | undefined>;
  getInvitation(id: string): Promise<InvitationRow | undefined>;
  listInvitations(meetingId: string): Promise<InvitationRow[]>;
  markInvitationUsed(id: string, at: string): Promise<void>;
  /** Gives the invitation a new token; the old one stops working, and its sessions end. */
  replaceInvitationToken(id: string, tokenHash: string): Promise<void>;
  /** Withdraws the invitation for good; its sessions end. */
  revokeInvitation(id: string, at: string): Promise<void>;

  createSession(session: SessionRow): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRow | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  /** Appends to the meeting's hash-chained log; `hashOf` seals the entry given its predecessor. */
  appendAudit(entry: NewAuditEntry, hashOf: (entry: Omit<AuditEntry, 'hash'>) => string): Promise<AuditEntry>;
  listAudit(meetingId: string): Promise<AuditEntry[]>;

  close(): Promise<void>;
}
