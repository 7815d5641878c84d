// What the console keeps to set itself up and to seat its officers: the hash of the one-time
// first-run code (until the first administrator's account is made with it), and for each
// officer who opened a meeting's workspace from the console, the place on its roster they
// took (the secretariat of a party), so that opening it again takes the same place.
import type { AccountRow, InvitationRow } from './storage';

export interface OfficerSeatRow {
  meetingId: string;
  accountId: string;
  participantId: string;
  createdAt: string;
}

export type FirstRunClaim = 'created' | 'wrong_code' | 'login_taken';

export interface ConsoleSetupStorage {
  /** Keeps the hash of a new first-run code, replacing any earlier one; null forgets it. */
  setFirstRunCode(codeHash: string | null, at: string): Promise<void>;
  /** Whether a first-run code is waiting to be used. */
  firstRunOpen(): Promise<boolean>;
  /**
   * Makes the first administrator's account if `codeHash` is the code kept now, and forgets
   * the code, in one step: one code makes one account, however many browsers try it at once.
   */
  claimFirstRun(codeHash: string, account: AccountRow): Promise<FirstRunClaim>;

  officerSeat(meetingId: string, accountId: string): Promise<OfficerSeatRow | undefined>;
  /** Stores the seat and the invitation that opens it together; a later seat replaces an earlier one. */
  addOfficerSeat(seat: OfficerSeatRow, invitation: InvitationRow): Promise<void>;
}
