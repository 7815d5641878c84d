// Which meetings a secretariat officer may manage: those they created or were given; an
// administrator's account, every one. An officer who must still change the password
// given to them manages nothing until they have.
import type { AccountRow, Storage } from '../storage/storage';

export async function officerManages(storage: Storage, account: AccountRow, meetingId: string): Promise<boolean> {
  if (account.disabledAt || account.mustChangePassword) return false;
  if (account.role === 'administrator') return true;
  return (await storage.listMeetingOfficers(meetingId)).some((o) => o.accountId === account.id);
}

/** Who an officer is in the audit logs. */
export const officerActor = (account: Pick<AccountRow, 'id'>) => `officer:${account.id}`;
