// The console's first run and officers' seats on PostgreSQL, call for call as on SQLite.
import type pg from 'pg';
import type { ConsoleSetupStorage } from './console-setup-rows';
import type { Tx } from './postgres';

export function postgresConsoleSetup(pool: pg.Pool, tx: <T>(work: (client: Tx) => Promise<T>) => Promise<T>): ConsoleSetupStorage {
  return {
    async setFirstRunCode(codeHash, at) {
      if (codeHash)
        await pool.query(
          `INSERT INTO first_run (id, code_hash, created_at) VALUES (1, $1, $2)
           ON CONFLICT (id) DO UPDATE SET code_hash = EXCLUDED.code_hash, created_at = EXCLUDED.created_at`,
          [codeHash, at],
        );
      else await pool.query('DELETE FROM first_run');
    },
    async firstRunOpen() {
      return ((await pool.query('SELECT 1 FROM first_run WHERE id = 1')).rowCount ?? 0) > 0;
    },
    claimFirstRun: (codeHash, a) =>
      tx(async (c) => {
        // The row lock makes two claims of one code wait for each other: the second finds it gone.
        const held = await c.query('SELECT code_hash FROM first_run WHERE id = 1 FOR UPDATE');
        if (held.rows[0]?.code_hash !== codeHash) return 'wrong_code';
        const inserted = await c.query(
          `INSERT INTO accounts (id, login, name, email, party, role, password_hash, must_change_password, setup_token_hash, setup_expires_at, created_at, created_by, disabled_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, NULL, NULL, $8, $9, NULL) ON CONFLICT (login) DO NOTHING`,
          [a.id, a.login, a.name, a.email, a.party, a.role, a.passwordHash, a.createdAt, a.createdBy],
        );
        if (inserted.rowCount !== 1) return 'login_taken';
        await c.query('DELETE FROM first_run');
        return 'created';
      }),
    async officerSeat(meetingId, accountId) {
      const r = (await pool.query('SELECT * FROM officer_seats WHERE meeting_id = $1 AND account_id = $2', [meetingId, accountId])).rows[0] as
        | Record<string, string>
        | undefined;
      return r && { meetingId: r.meeting_id!, accountId: r.account_id!, participantId: r.participant_id!, createdAt: r.created_at! };
    },
    addOfficerSeat: (s, i) =>
      tx(async (c) => {
        await c.query(
          `INSERT INTO invitations (id, meeting_id, participant_id, role, party, name, token_hash, created_at, revoked_at, first_used_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [i.id, i.meetingId, i.participantId, i.role, i.party, i.name, i.tokenHash, i.createdAt, i.revokedAt, i.firstUsedAt],
        );
        await c.query(
          `INSERT INTO officer_seats (meeting_id, account_id, participant_id, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (meeting_id, account_id) DO UPDATE SET participant_id = EXCLUDED.participant_id, created_at = EXCLUDED.created_at`,
          [s.meetingId, s.accountId, s.participantId, s.createdAt],
        );
      }),
  };
}
