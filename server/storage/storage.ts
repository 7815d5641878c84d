// Everything Accord keeps, behind one asynchronous interface: SQLite is the embedded
// default; the PostgreSQL adapter serves the scale-out mode. The caller decides the order
// of writes to one record (one queue per record) and asks for each append in that order
// without waiting for the one before; the storage keeps that order.
import type { RecordState, Role } from '../../shared/roles';
import type { ConsoleStorage } from './console-rows';
import type { CommentStorage } from './comment-schema';
import type { CaseStorage, StoredAnnex } from './case-rows';
import type { EditAuthor, HistoryStorage } from './history-rows';

export type * from './console-rows';
export type * from './comment-schema';
export type * from './case-rows';
export type * from './history-rows';

export interface StoredRecord {
  /** The compacted state, or null when the record has never been compacted. */
  snapshot: Uint8Array | null;
  /**
   * The snapshot's encoded state vector, as stored with it (migration 3); null when there is
   * no snapshot, or it was stored by a release before that.
   */
  snapshotStateVector?: Uint8Array | null;
  /** Updates stored after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last update included above. */
  lastSeq: number;
}

/** What a stored record holds, in the order to apply it: the snapshot, then the updates after it. */
export const partsOf = (stored: StoredRecord): Uint8Array[] => (stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);

/**
 * Storage refused an append because the record is no longer a draft: decided in the
 * transaction that would have stored it, whatever any process holds in memory.
 */
export class RecordNotDraft extends Error {
  constructor(
    readonly documentId: string,
    readonly state: RecordState,
  ) {
    super(`record ${documentId} is ${state}: it takes no more writes`);
  }
}

/**
 * Storage refused an append because it writes under a Yjs client id another participant
 * claimed first: decided in the transaction that would have stored it, against the claims
 * stored by every process, so two processes that each let a first write under one new
 * client id through cannot both keep it. Nothing of the append is stored.
 */
export class ClientNotYours extends Error {
  constructor(
    readonly documentId: string,
    /** The client ids it wrote under that belong to someone else. */
    readonly clientIds: number[],
  ) {
    super(`an append to record ${documentId} writes under client ids claimed by another participant (${clientIds.join(', ')}); nothing of it was stored`);
  }
}

/** Compaction refused: the state offered lacks something that is stored. */
export class CompactionWouldLose extends Error {
  constructor(readonly documentId: string) {
    super(`the state offered for record ${documentId} lacks stored updates; nothing was replaced`);
  }
}

/** Where a stored record stands: its state and the last sequence number stored for it. */
export interface RecordHead {
  state: RecordState;
  lastSeq: number;
}

/**
 * Decides a lock from what is stored, inside the transaction that takes it: given the stored
 * record, its row and its case annex, answers the lock to keep, or why not. Pure and synchronous.
 */
export type Seal<R> = (stored: StoredRecord, record: RecordRow, annex: StoredAnnex) => { lock: SealedLock } | { refused: R };

/** `caseAnnex`: the annex's RFC 8785 text, kept beside the lock (case-rows.ts) when the record has cases. */
export type SealedLock = Omit<RecordLock, 'documentId'> & { caseAnnex?: string };

export type LockOutcome<R> = { locked: RecordRow; lock: RecordLock } | { refused: R };

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

/** What a lock seals: the canonical record (RFC 8785 text), its hash, and the Yjs state it was built from. */
export interface RecordLock {
  documentId: string;
  recordHash: string;
  canonical: string;
  finalState: Uint8Array;
  lockedAt: string;
  lockedBy: string;
}

/** The public key a head enrolled for their party; a replaced key stays, marked replaced. */
export interface PartyKeyRow {
  meetingId: string;
  party: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  fingerprint: string;
  enrolledBy: string;
  enrolledAt: string;
  replacedAt: string | null;
}

/** A head's signature on one version. An unlock voids it: it stays, marked void. */
export interface SignatureRow {
  id: string;
  documentId: string;
  party: string;
  participantId: string;
  /** The record hash the statement names. */
  recordHash: string;
  /** The statement's canonical text: exactly the bytes that were signed. */
  statement: string;
  /** Ed25519 signature, base64url. */
  signature: string;
  /** The key it was checked with, base64url. */
  publicKey: string;
  receivedAt: string;
  voidedAt: string | null;
}

export type NewAuditEntry = Pick<AuditEntry, 'meetingId' | 'at' | 'actor' | 'action' | 'detail'>;

/** Everything kept; the secretariat console's part is declared in console-rows.ts. */
export interface Storage extends ConsoleStorage, CommentStorage, CaseStorage, HistoryStorage {
  loadRecord(documentId: string): Promise<StoredRecord>;
  /**
   * What was stored after `afterSeq`: the updates after it, or the snapshot and its updates
   * when a compaction has folded `afterSeq` in.
   */
  loadRecordSince(documentId: string, afterSeq: number): Promise<StoredRecord>;
  /** Where each of these records stands now (records that do not exist are left out). */
  recordHeads(documentIds: string[]): Promise<Map<string, RecordHead>>;
  /**
   * Stores updates durably, in order; resolves only once they would survive a crash, and
   * only while the record is a draft: the transaction that stores them checks it, and
   * rejects with RecordNotDraft otherwise. Appends to one record are stored in the order
   * they were asked for, even while an earlier one is still being written; one asked for
   * while an earlier one is pending fails if that one fails for want of storage. `by`, the
   * participant who sent them, is kept with them in the same transaction (record_edits),
   * and the client ids they write under are claimed for that participant (record_clients).
   * The claims are the last word on who wrote what: an append by `by` that writes under a
   * client id another participant claimed first, in any process, rejects with
   * ClientNotYours and stores nothing, while the appends grouped with it are stored as if
   * it had never been asked for (sequence numbers stay gapless). An append without `by`
   * (the server's own change) claims nothing and is not judged by the claims.
   */
  appendUpdates(documentId: string, updates: Uint8Array[], by?: EditAuthor | null): Promise<number>;
  /**
   * Replaces every update up to `uptoSeq` with `state`, atomically, once it has checked
   * that `state` holds all of them and the snapshot before it (CompactionWouldLose if not).
   */
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

  // The lifecycle. Each call is one atomic step that answers false, and changes nothing,
  // when the record is no longer in the state it expects (another process got there first).
  /**
   * draft → locked, under the record's lock (the one every append takes): `seal` is given
   * what is stored at that moment and decides; no append lands between its reading and
   * the state's change.
   */
  lockRecord<R>(documentId: string, seal: Seal<R>): Promise<LockOutcome<R>>;
  getRecordLock(documentId: string): Promise<RecordLock | undefined>;
  /** locked → draft: clears the hash, drops the lock, voids every signature not yet void. */
  unlockRecord(documentId: string, at: string): Promise<boolean>;
  /** Stores a signature while the record is locked; with `completes`, the record becomes signed. */
  addSignature(signature: SignatureRow, completes: boolean): Promise<boolean>;
  /** Every signature given on the record, voided ones included, oldest first. */
  listSignatures(documentId: string): Promise<SignatureRow[]>;
  /** Enrols a party's key; the party's previous key, if any, is marked replaced. */
  enrolPartyKey(key: PartyKeyRow): Promise<void>;
  /** The current key of each party of the meeting. */
  listPartyKeys(meetingId: string): Promise<PartyKeyRow[]>;
  /** Adds version n+1 and makes it the meeting's current record, if `previous` still is. */
  addAmendment(previous: RecordRow, next: RecordRow, initialState: Uint8Array): Promise<boolean>;
  /** Every version of the meeting's record, oldest first. */
  listRecords(meetingId: string): Promise<RecordRow[]>;

  /** Runs `task` with no other process of the deployment running a task of this name. */
  exclusively<T>(name: string, task: () => Promise<T>): Promise<T>;
  /** A deployment-wide setting: stores `value` unless one is stored; answers the stored one. */
  claimSetting(key: string, value: string): Promise<string>;
  putSetting(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}
