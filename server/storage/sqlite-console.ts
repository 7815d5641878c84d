// The console's part of the SQLite storage: accounts and officer sessions, failed
// sign-ins, who manages which meeting, series, and action point status history.
import type Database from 'better-sqlite3';
import { changeFor, toAccount, toChange } from './console-mapping';
import type { AttemptTally } from '../../shared/console/sign-in-limits';
import { consoleSetupStorage } from './sqlite-console-setup';
import type { ActionPointChangeRow, ChangeAuthor, ConsoleStorage, InvitationRow, StatusObservation } from './storage';

/** Failed sign-ins older than this are forgotten when a new one is noted. */
const FAILURES_KEPT_MS = 86_400_000;

type Row = Record<string, unknown>;

export function consoleStorage(db: Database.Database): ConsoleStorage {
  const q = {
    insertAccount: db.prepare(
      `INSERT INTO accounts (id, login, name, email, party, role, password_hash, must_change_password, setup_token_hash, setup_expires_at, created_at, created_by, disabled_at)
       VALUES (@id, @login, @name, @email, @party, @role, @passwordHash, @mustChange, @setupTokenHash, @setupExpiresAt, @createdAt, @createdBy, @disabledAt)
       ON CONFLICT (login) DO NOTHING`,
    ),
    account: db.prepare<[string], Row>('SELECT * FROM accounts WHERE id = ?'),
    accountByLogin: db.prepare<[string], Row>('SELECT * FROM accounts WHERE login = ?'),
    accountBySetup: db.prepare<[string], Row>('SELECT * FROM accounts WHERE setup_token_hash = ?'),
    accounts: db.prepare<[], Row>('SELECT * FROM accounts ORDER BY created_at, rowid'),
    setPassword: db.prepare('UPDATE accounts SET password_hash = ?, must_change_password = ?, setup_token_hash = NULL, setup_expires_at = NULL WHERE id = ?'),
    setSetup: db.prepare('UPDATE accounts SET setup_token_hash = ?, setup_expires_at = ? WHERE id = ?'),
    disable: db.prepare('UPDATE accounts SET disabled_at = ?, setup_token_hash = NULL WHERE id = ? AND disabled_at IS NULL'),
    insertSession: db.prepare(
      'INSERT INTO officer_sessions (token_hash, account_id, created_at, expires_at) VALUES (@tokenHash, @accountId, @createdAt, @expiresAt)',
    ),
    session: db.prepare<[string], Row>('SELECT * FROM officer_sessions WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM officer_sessions WHERE token_hash = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM officer_sessions WHERE account_id = ? AND token_hash <> ?'),
    insertFailure: db.prepare('INSERT INTO sign_in_failures (key, at) VALUES (?, ?)'),
    pruneFailures: db.prepare('DELETE FROM sign_in_failures WHERE at < ?'),
    tallyFailures: db.prepare<[string, string], AttemptTally>(
      'SELECT COUNT(*) AS count, MIN(at) AS oldest, MAX(at) AS latest FROM sign_in_failures WHERE key = ? AND at > ?',
    ),
    releaseFailure: db.prepare('DELETE FROM sign_in_failures WHERE rowid IN (SELECT rowid FROM sign_in_failures WHERE key = ? AND at = ? LIMIT 1)'),
    clearFailures: db.prepare('DELETE FROM sign_in_failures WHERE key = ?'),
    meetings: db.prepare<[], Row>('SELECT * FROM meetings ORDER BY created_at, rowid'),
    meetingExists: db.prepare<[string], { id: string }>('SELECT id FROM meetings WHERE id = ?'),
    setCode: db.prepare('UPDATE meetings SET code = ? WHERE id = ?'),
    insertInvitation: db.prepare(
      `INSERT INTO invitations (id, meeting_id, participant_id, role, party, name, token_hash, created_at, revoked_at, first_used_at)
       VALUES (@id, @meetingId, @participantId, @role, @party, @name, @tokenHash, @createdAt, @revokedAt, @firstUsedAt)`,
    ),
    grant: db.prepare(
      `INSERT INTO meeting_officers (meeting_id, account_id, granted_by, granted_at) VALUES (@meetingId, @accountId, @grantedBy, @grantedAt)
       ON CONFLICT (meeting_id, account_id) DO NOTHING`,
    ),
    officers: db.prepare<[string], Row>('SELECT * FROM meeting_officers WHERE meeting_id = ? ORDER BY granted_at, rowid'),
    granted: db.prepare<[string], { meeting_id: string }>('SELECT meeting_id FROM meeting_officers WHERE account_id = ?'),
    placeAt: db.prepare<[string, number], { meeting_id: string }>('SELECT meeting_id FROM series_places WHERE series_id = ? AND number = ?'),
    dropPlace: db.prepare('DELETE FROM series_places WHERE series_id = ? AND number = ? AND meeting_id = ?'),
    insertPlace: db.prepare('INSERT INTO series_places (meeting_id, series_id, number) VALUES (@meetingId, @seriesId, @number)'),
    placeOf: db.prepare<[string], Row>('SELECT * FROM series_places WHERE meeting_id = ?'),
    places: db.prepare<[], Row>('SELECT * FROM series_places ORDER BY series_id, number'),
    lastChange: db.prepare<[string, string], { to_status: string }>(
      'SELECT to_status FROM action_point_changes WHERE meeting_id = ? AND point_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    insertChange: db.prepare(
      `INSERT INTO action_point_changes (meeting_id, point_id, thread_meeting_id, thread_point_id, from_status, to_status, kind, by_actor, by_name, at)
       VALUES (@meetingId, @pointId, @threadMeetingId, @threadPointId, @fromStatus, @toStatus, @kind, @byActor, @byName, @at)`,
    ),
    changes: db.prepare<[string], Row>('SELECT * FROM action_point_changes WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY seq'),
  };
  const toPlace = (r: Row) => ({ meetingId: r.meeting_id as string, seriesId: r.series_id as string, number: Number(r.number) });

  const addInvitations = db.transaction((rows: InvitationRow[]) => {
    for (const row of rows) q.insertInvitation.run(row);
  });

  const place = db.transaction((p: { meetingId: string; seriesId: string; number: number }): boolean => {
    const holder = q.placeAt.get(p.seriesId, p.number);
    if (holder) {
      if (holder.meeting_id === p.meetingId) return true;
      if (q.meetingExists.get(holder.meeting_id)) return false;
      q.dropPlace.run(p.seriesId, p.number, holder.meeting_id);
    }
    q.insertPlace.run(p);
    return true;
  });

  const note = db.transaction((meetingId: string, observed: StatusObservation[], by: ChangeAuthor | null, at: string): ActionPointChangeRow[] => {
    const kept: ActionPointChangeRow[] = [];
    for (const o of observed) {
      const change = changeFor(q.lastChange.get(meetingId, o.pointId), o);
      if (!change) continue;
      const row = {
        meetingId,
        pointId: o.pointId,
        threadMeetingId: o.threadMeetingId,
        threadPointId: o.threadPointId,
        ...change,
        byActor: by?.actor ?? null,
        byName: by?.name ?? null,
        at,
      };
      kept.push({ ...row, seq: Number(q.insertChange.run(row).lastInsertRowid) });
    }
    return kept;
  });

  return {
    ...consoleSetupStorage(db),
    async createAccount(a) {
      const { mustChangePassword, ...rest } = a;
      return q.insertAccount.run({ ...rest, mustChange: mustChangePassword ? 1 : 0 }).changes === 1;
    },
    async getAccount(id) {
      const r = q.account.get(id);
      return r && toAccount(r);
    },
    async findAccountByLogin(login) {
      const r = q.accountByLogin.get(login);
      return r && toAccount(r);
    },
    async findAccountBySetupToken(tokenHash) {
      const r = q.accountBySetup.get(tokenHash);
      return r && toAccount(r);
    },
    async listAccounts() {
      return q.accounts.all().map(toAccount);
    },
    async setAccountPassword(id, passwordHash, mustChange) {
      q.setPassword.run(passwordHash, mustChange ? 1 : 0, id);
    },
    async setAccountSetupToken(id, tokenHash, expiresAt) {
      q.setSetup.run(tokenHash, expiresAt, id);
    },
    async disableAccount(id, at) {
      db.transaction(() => {
        q.disable.run(at, id);
        q.deleteSessionsOf.run(id, '');
      })();
    },
    async createOfficerSession(s) {
      q.insertSession.run(s);
    },
    async findOfficerSession(tokenHash) {
      const r = q.session.get(tokenHash);
      return (
        r && { tokenHash: r.token_hash as string, accountId: r.account_id as string, createdAt: r.created_at as string, expiresAt: r.expires_at as string }
      );
    },
    async deleteOfficerSession(tokenHash) {
      q.deleteSession.run(tokenHash);
    },
    async deleteOfficerSessionsOf(accountId, except = '') {
      q.deleteSessionsOf.run(accountId, except);
    },
    async reserveSignInAttempt(keys, since, at, decide) {
      return db.transaction(() => {
        q.pruneFailures.run(new Date(Date.parse(at) - FAILURES_KEPT_MS).toISOString());
        const verdict = decide(keys.map((key) => q.tallyFailures.get(key, since)!));
        if (verdict.admit) for (const key of keys) q.insertFailure.run(key, at);
        return verdict;
      })();
    },
    async releaseSignInAttempt(key, at) {
      q.releaseFailure.run(key, at);
    },
    async clearSignInFailures(key) {
      q.clearFailures.run(key);
    },
    async listMeetings() {
      return q.meetings.all().map((r) => ({
        id: r.id as string,
        code: r.code as string,
        createdAt: r.created_at as string,
        currentDocumentId: r.current_document_id as string,
      }));
    },
    async setMeetingCode(meetingId, code) {
      q.setCode.run(code, meetingId);
    },
    async addInvitations(rows) {
      addInvitations(rows);
    },
    async grantMeeting(grant) {
      q.grant.run(grant);
    },
    async listMeetingOfficers(meetingId) {
      return q.officers.all(meetingId).map((r) => ({
        meetingId: r.meeting_id as string,
        accountId: r.account_id as string,
        grantedBy: r.granted_by as string,
        grantedAt: r.granted_at as string,
      }));
    },
    async listGrantedMeetings(accountId) {
      return q.granted.all(accountId).map((r) => r.meeting_id);
    },
    async placeInSeries(p) {
      return place(p);
    },
    async releaseSeriesPlace(p) {
      q.dropPlace.run(p.seriesId, p.number, p.meetingId);
    },
    async seriesPlaceOf(meetingId) {
      const r = q.placeOf.get(meetingId);
      return r && toPlace(r);
    },
    async listSeriesPlaces() {
      return q.places.all().map(toPlace);
    },
    async noteActionPointStatuses(meetingId, observed, by, at) {
      return note(meetingId, observed, by, at);
    },
    async listActionPointChanges(meetingIds) {
      return q.changes.all(JSON.stringify(meetingIds)).map(toChange);
    },
  };
}
