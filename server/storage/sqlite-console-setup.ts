// The console's first run and officers' seats on SQLite (see console-setup-rows.ts).
import type Database from 'better-sqlite3';
import type { ConsoleSetupStorage, FirstRunClaim } from './console-setup-rows';
import type { AccountRow, InvitationRow } from './storage';

type Row = Record<string, unknown>;

export function consoleSetupStorage(db: Database.Database): ConsoleSetupStorage {
  const q = {
    setCode: db.prepare(
      `INSERT INTO first_run (id, code_hash, created_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at`,
    ),
    forgetCode: db.prepare('DELETE FROM first_run'),
    code: db.prepare<[], { code_hash: string }>('SELECT code_hash FROM first_run WHERE id = 1'),
    insertAccount: db.prepare(
      `INSERT INTO accounts (id, login, name, email, party, role, password_hash, must_change_password, setup_token_hash, setup_expires_at, created_at, created_by, disabled_at)
       VALUES (@id, @login, @name, @email, @party, @role, @passwordHash, 0, NULL, NULL, @createdAt, @createdBy, NULL)
       ON CONFLICT (login) DO NOTHING`,
    ),
    seat: db.prepare<[string, string], Row>('SELECT * FROM officer_seats WHERE meeting_id = ? AND account_id = ?'),
    putSeat: db.prepare(
      `INSERT INTO officer_seats (meeting_id, account_id, participant_id, created_at) VALUES (@meetingId, @accountId, @participantId, @createdAt)
       ON CONFLICT (meeting_id, account_id) DO UPDATE SET participant_id = excluded.participant_id, created_at = excluded.created_at`,
    ),
    insertInvitation: db.prepare(
      `INSERT INTO invitations (id, meeting_id, participant_id, role, party, name, token_hash, created_at, revoked_at, first_used_at)
       VALUES (@id, @meetingId, @participantId, @role, @party, @name, @tokenHash, @createdAt, @revokedAt, @firstUsedAt)`,
    ),
  };

  const claim = db.transaction((codeHash: string, account: AccountRow): FirstRunClaim => {
    if (q.code.get()?.code_hash !== codeHash) return 'wrong_code';
    if (q.insertAccount.run(account).changes !== 1) return 'login_taken';
    q.forgetCode.run();
    return 'created';
  });
  const seat = db.transaction((row: Parameters<ConsoleSetupStorage['addOfficerSeat']>[0], invitation: InvitationRow) => {
    q.insertInvitation.run(invitation);
    q.putSeat.run(row);
  });

  return {
    async setFirstRunCode(codeHash, at) {
      if (codeHash) q.setCode.run(codeHash, at);
      else q.forgetCode.run();
    },
    async firstRunOpen() {
      return q.code.get() !== undefined;
    },
    async claimFirstRun(codeHash, account) {
      return claim(codeHash, account);
    },
    async officerSeat(meetingId, accountId) {
      const r = q.seat.get(meetingId, accountId);
      return (
        r && {
          meetingId: r.meeting_id as string,
          accountId: r.account_id as string,
          participantId: r.participant_id as string,
          createdAt: r.created_at as string,
        }
      );
    },
    async addOfficerSeat(row, invitation) {
      seat(row, invitation);
    },
  };
}
