// What the secretariat's console keeps: accounts and their sessions, failed sign-ins (for
// the limits), which officers manage which meetings, the series meetings belong to, and
// the history of action point statuses. Part of the one Storage interface.
import type { AccountRole } from '../../shared/console/accounts';
import type { AttemptTally } from '../../shared/console/sign-in-limits';
import type { ChangeKind } from '../../shared/console/register';
import type { ActionStatus } from '../../shared/record/meeting-input';
import type { InvitationRow, MeetingRow } from './storage';
import type { ConsoleSetupStorage } from './console-setup-rows';

export type * from './console-setup-rows';

export interface AccountRow {
  id: string;
  /** Lower case; unique. */
  login: string;
  name: string;
  email: string | null;
  party: string;
  role: AccountRole;
  /** scrypt, with its parameters and salt (server/auth/passwords.ts); null until set. */
  passwordHash: string | null;
  mustChangePassword: boolean;
  /** SHA-256 of the one-time setup token, while one is outstanding. */
  setupTokenHash: string | null;
  setupExpiresAt: string | null;
  createdAt: string;
  createdBy: string;
  disabledAt: string | null;
}

export interface OfficerSessionRow {
  tokenHash: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
}

export interface MeetingOfficerRow {
  meetingId: string;
  accountId: string;
  grantedBy: string;
  grantedAt: string;
}

export interface SeriesPlaceRow {
  meetingId: string;
  seriesId: string;
  number: number;
}

/** A status as the record shows it now, compared with the last one kept. */
export interface StatusObservation {
  pointId: string;
  threadMeetingId: string;
  threadPointId: string;
  status: ActionStatus;
  /** For a carried point: its status in the meeting it came from. */
  carriedFrom?: ActionStatus;
}

export interface ActionPointChangeRow {
  seq: number;
  meetingId: string;
  pointId: string;
  threadMeetingId: string;
  threadPointId: string;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  kind: ChangeKind;
  byActor: string | null;
  byName: string | null;
  at: string;
}

export interface ChangeAuthor {
  actor: string;
  name: string;
}

export interface ConsoleStorage extends ConsoleSetupStorage {
  /** Answers false, and stores nothing, when the login is taken. */
  createAccount(account: AccountRow): Promise<boolean>;
  getAccount(id: string): Promise<AccountRow | undefined>;
  findAccountByLogin(login: string): Promise<AccountRow | undefined>;
  findAccountBySetupToken(tokenHash: string): Promise<AccountRow | undefined>;
  listAccounts(): Promise<AccountRow[]>;
  /** Sets the password hash; clears any setup token. */
  setAccountPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void>;
  setAccountSetupToken(id: string, tokenHash: string, expiresAt: string): Promise<void>;
  /** Disables the account for good; its sessions end. */
  disableAccount(id: string, at: string): Promise<void>;

  createOfficerSession(session: OfficerSessionRow): Promise<void>;
  findOfficerSession(tokenHash: string): Promise<OfficerSessionRow | undefined>;
  deleteOfficerSession(tokenHash: string): Promise<void>;
  /** Ends every session of the account but `except` (the one that changed the password). */
  deleteOfficerSessionsOf(accountId: string, except?: string): Promise<void>;

  /**
   * In one atomic step: tallies the attempts noted under each key (a login, an address)
   * since `since`, asks `decide`, and if it admits, notes one more attempt under each key
   * at `at`. Parallel calls on the same keys are judged one after the other.
   */
  reserveSignInAttempt<T extends { admit: boolean }>(keys: string[], since: string, at: string, decide: (tallies: AttemptTally[]) => T): Promise<T>;
  /** Takes back one attempt noted under `key` at `at` (it succeeded). */
  releaseSignInAttempt(key: string, at: string): Promise<void>;
  clearSignInFailures(key: string): Promise<void>;

  listMeetings(): Promise<MeetingRow[]>;
  setMeetingCode(meetingId: string, code: string): Promise<void>;
  addInvitations(invitations: InvitationRow[]): Promise<void>;
  /** Gives an officer a meeting to manage; giving it twice changes nothing. */
  grantMeeting(grant: MeetingOfficerRow): Promise<void>;
  listMeetingOfficers(meetingId: string): Promise<MeetingOfficerRow[]>;
  listGrantedMeetings(accountId: string): Promise<string[]>;

  /**
   * Places a meeting at `number` in a series. Answers false when another meeting that
   * exists holds that place (a place left by a meeting never stored is taken over).
   */
  placeInSeries(place: SeriesPlaceRow): Promise<boolean>;
  releaseSeriesPlace(place: SeriesPlaceRow): Promise<void>;
  seriesPlaceOf(meetingId: string): Promise<SeriesPlaceRow | undefined>;
  listSeriesPlaces(): Promise<SeriesPlaceRow[]>;

  /**
   * Compares each observed status with the last one kept for that point of the meeting
   * and keeps a change where they differ (a point seen for the first time is `recorded`,
   * or `carried` when it names where it came from). One step, so two observers racing
   * keep one change. Answers what was kept.
   */
  noteActionPointStatuses(meetingId: string, observed: StatusObservation[], by: ChangeAuthor | null, at: string): Promise<ActionPointChangeRow[]>;
  listActionPointChanges(meetingIds: string[]): Promise<ActionPointChangeRow[]>;
}
