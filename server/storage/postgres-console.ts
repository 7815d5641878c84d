// The console's part of the PostgreSQL storage, call for call as on SQLite. Noting
// action point statuses takes a per-meeting advisory lock, so two processes observing
// the same change keep it once.
import type pg from 'pg';
import type { ConsoleStorage, MeetingRow } from './storage';
import type { Tx } from './postgres';
import { changeFor, toAccount, toChange } from './console-mapping';
import { postgresConsoleSetup } from './postgres-console-setup';

type Row = Record<string, unknown>;
const FAILURES_KEPT_MS = 86_400_000;

const toPlace = (r: Row) => ({ meetingId: r.meeting_id as string, seriesId: r.series_id as string, number: Number(r.number) });

export function postgresConsole(pool: pg.Pool, tx: <T>(work: (client: Tx) => Promise<T>) => Promise<T>): ConsoleStorage {
  const one = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as Row | undefined;
  const all = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as Row[];

  return {
    ...postgresConsoleSetup(pool, tx),
    async createAccount(a) {
      const inserted = await pool.query(
        `INSERT INTO accounts (id, login, name, email, party, role, password_hash, must_change_password, setup_token_hash, setup_expires_at, created_at, created_by, disabled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (login) DO NOTHING`,
        [
          a.id,
          a.login,
          a.name,
          a.email,
          a.party,
          a.role,
          a.passwordHash,
          a.mustChangePassword,
          a.setupTokenHash,
          a.setupExpiresAt,
          a.createdAt,
          a.createdBy,
          a.disabledAt,
        ],
      );
      return inserted.rowCount === 1;
    },
    async getAccount(id) {
      const r = await one('SELECT * FROM accounts WHERE id = $1', [id]);
      return r && toAccount(r);
    },
    async findAccountByLogin(login) {
      const r = await one('SELECT * FROM accounts WHERE login = $1', [login]);
      return r && toAccount(r);
    },
    async findAccountBySetupToken(tokenHash) {
      const r = await one('SELECT * FROM accounts WHERE setup_token_hash = $1', [tokenHash]);
      return r && toAccount(r);
    },
    async listAccounts() {
      return (await all('SELECT * FROM accounts ORDER BY created_at, position', [])).map(toAccount);
    },
    async setAccountPassword(id, passwordHash, mustChange) {
      await pool.query('UPDATE accounts SET password_hash = $1, must_change_password = $2, setup_token_hash = NULL, setup_expires_at = NULL WHERE id = $3', [
        passwordHash,
        mustChange,
        id,
      ]);
    },
    async setAccountSetupToken(id, tokenHash, expiresAt) {
      await pool.query('UPDATE accounts SET setup_token_hash = $1, setup_expires_at = $2 WHERE id = $3', [tokenHash, expiresAt, id]);
    },
    disableAccount: (id, at) =>
      tx(async (c) => {
        await c.query('UPDATE accounts SET disabled_at = $1, setup_token_hash = NULL WHERE id = $2 AND disabled_at IS NULL', [at, id]);
        await c.query('DELETE FROM officer_sessions WHERE account_id = $1', [id]);
      }),

    async createOfficerSession(s) {
      await pool.query('INSERT INTO officer_sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        s.tokenHash,
        s.accountId,
        s.createdAt,
        s.expiresAt,
      ]);
    },
    async findOfficerSession(tokenHash) {
      const r = await one('SELECT * FROM officer_sessions WHERE token_hash = $1', [tokenHash]);
      return (
        r && { tokenHash: r.token_hash as string, accountId: r.account_id as string, createdAt: r.created_at as string, expiresAt: r.expires_at as string }
      );
    },
    async deleteOfficerSession(tokenHash) {
      await pool.query('DELETE FROM officer_sessions WHERE token_hash = $1', [tokenHash]);
    },
    async deleteOfficerSessionsOf(accountId, except = '') {
      await pool.query('DELETE FROM officer_sessions WHERE account_id = $1 AND token_hash <> $2', [accountId, except]);
    },

    reserveSignInAttempt: (keys, since, at, decide) =>
      tx(async (c) => {
        // One judgement at a time per key, across processes; in one order, so two never wait on each other.
        for (const key of [...keys].sort()) await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`accord-sign-in-${key}`]);
        await c.query('DELETE FROM sign_in_failures WHERE at < $1', [new Date(Date.parse(at) - FAILURES_KEPT_MS).toISOString()]);
        const tallies = [];
        for (const key of keys) {
          const r = (await c.query('SELECT COUNT(*) AS n, MIN(at) AS oldest, MAX(at) AS latest FROM sign_in_failures WHERE key = $1 AND at > $2', [key, since]))
            .rows[0] as Row;
          tallies.push({ count: Number(r.n), oldest: (r.oldest as string | null) ?? null, latest: (r.latest as string | null) ?? null });
        }
        const verdict = decide(tallies);
        if (verdict.admit) for (const key of keys) await c.query('INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)', [key, at]);
        return verdict;
      }),
    async releaseSignInAttempt(key, at) {
      await pool.query('DELETE FROM sign_in_failures WHERE ctid IN (SELECT ctid FROM sign_in_failures WHERE key = $1 AND at = $2 LIMIT 1)', [key, at]);
    },
    async clearSignInFailures(key) {
      await pool.query('DELETE FROM sign_in_failures WHERE key = $1', [key]);
    },

    async listMeetings() {
      return (await all('SELECT * FROM meetings ORDER BY created_at, id', [])).map(
        (r): MeetingRow => ({
          id: r.id as string,
          code: r.code as string,
          createdAt: r.created_at as string,
          currentDocumentId: r.current_document_id as string,
        }),
      );
    },
    async setMeetingCode(meetingId, code) {
      await pool.query('UPDATE meetings SET code = $1 WHERE id = $2', [code, meetingId]);
    },
    addInvitations: (rows) =>
      tx(async (c) => {
        for (const i of rows)
          await c.query(
            'INSERT INTO invitations (id, meeting_id, participant_id, role, party, name, token_hash, created_at, revoked_at, first_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
            [i.id, i.meetingId, i.participantId, i.role, i.party, i.name, i.tokenHash, i.createdAt, i.revokedAt, i.firstUsedAt],
          );
      }),
    async grantMeeting(g) {
      await pool.query(
        'INSERT INTO meeting_officers (meeting_id, account_id, granted_by, granted_at) VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, account_id) DO NOTHING',
        [g.meetingId, g.accountId, g.grantedBy, g.grantedAt],
      );
    },
    async listMeetingOfficers(meetingId) {
      return (await all('SELECT * FROM meeting_officers WHERE meeting_id = $1 ORDER BY granted_at, position', [meetingId])).map((r) => ({
        meetingId: r.meeting_id as string,
        accountId: r.account_id as string,
        grantedBy: r.granted_by as string,
        grantedAt: r.granted_at as string,
      }));
    },
    async listGrantedMeetings(accountId) {
      return (await all('SELECT meeting_id FROM meeting_officers WHERE account_id = $1', [accountId])).map((r) => r.meeting_id as string);
    },

    placeInSeries: (p) =>
      tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`accord-series-${p.seriesId}`]);
        const holder = (await c.query('SELECT meeting_id FROM series_places WHERE series_id = $1 AND number = $2', [p.seriesId, p.number])).rows[0];
        if (holder) {
          if (holder.meeting_id === p.meetingId) return true;
          if ((await c.query('SELECT 1 FROM meetings WHERE id = $1', [holder.meeting_id])).rowCount === 1) return false;
          await c.query('DELETE FROM series_places WHERE series_id = $1 AND number = $2', [p.seriesId, p.number]);
        }
        await c.query('INSERT INTO series_places (meeting_id, series_id, number) VALUES ($1, $2, $3)', [p.meetingId, p.seriesId, p.number]);
        return true;
      }),
    async releaseSeriesPlace(p) {
      await pool.query('DELETE FROM series_places WHERE series_id = $1 AND number = $2 AND meeting_id = $3', [p.seriesId, p.number, p.meetingId]);
    },
    async seriesPlaceOf(meetingId) {
      const r = await one('SELECT * FROM series_places WHERE meeting_id = $1', [meetingId]);
      return r && toPlace(r);
    },
    async listSeriesPlaces() {
      return (await all('SELECT * FROM series_places ORDER BY series_id, number', [])).map(toPlace);
    },

    noteActionPointStatuses: (meetingId, observed, by, at) =>
      tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`accord-statuses-${meetingId}`]);
        const kept = [];
        for (const o of observed) {
          const last = (
            await c.query('SELECT to_status FROM action_point_changes WHERE meeting_id = $1 AND point_id = $2 ORDER BY seq DESC LIMIT 1', [
              meetingId,
              o.pointId,
            ])
          ).rows[0] as { to_status: string } | undefined;
          const change = changeFor(last, o);
          if (!change) continue;
          const inserted = await c.query(
            `INSERT INTO action_point_changes (meeting_id, point_id, thread_meeting_id, thread_point_id, from_status, to_status, kind, by_actor, by_name, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
            [
              meetingId,
              o.pointId,
              o.threadMeetingId,
              o.threadPointId,
              change.fromStatus,
              change.toStatus,
              change.kind,
              by?.actor ?? null,
              by?.name ?? null,
              at,
            ],
          );
          kept.push(toChange(inserted.rows[0] as Row));
        }
        return kept;
      }),
    async listActionPointChanges(meetingIds) {
      return (await all('SELECT * FROM action_point_changes WHERE meeting_id = ANY($1) ORDER BY seq', [meetingIds])).map(toChange);
    },
  };
}
