// The audit log cannot be cut or rebuilt unnoticed: each entry is sealed with a key kept
// apart from the database, the log's head goes into the canonical record at every lock
// (so the heads' signatures cover it), and the server's witness remembers how long it was.
// The tampering below is what someone with write access to the database file does.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { createHash, createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle } from '../../shared/signing/verify';
import type { SignedBundle } from '../../shared/signing/bundle';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { api, signedBundleText } from '../helpers/lifecycle';

interface AuditAnswer {
  intact: boolean;
  firstBrokenSeq: number | null;
  problems: { code: string; seq?: number; version?: number | null; sawLength?: number; length?: number }[];
  head: { length: number; hash: string };
  anchors: { version: number | null; head: { length: number; hash: string }; holds: boolean }[];
  entries: { seq: number; at: string; actor: string; action: string; detail: Record<string, unknown>; prevHash: string; hash: string }[];
}

interface Row {
  meeting_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

describe('the audit log', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      await s.stop();
      s.cleanup();
    }
  });
  const start = async (overrides: Parameters<typeof startTestServer>[0] = {}) => {
    const server = await startTestServer(overrides);
    servers.push(server);
    return server;
  };
  const auditOf = async (server: TestServer, meeting: CreatedMeetingResponse) =>
    (await api<AuditAnswer>(server, tokenOf(meeting, 'secretariat', 'TH'), 'GET', `/api/meetings/${meeting.meetingId}/audit`)).body;

  /** The database file as an attacker opens it: the append-only triggers dropped. */
  function tamper(dataDir: string, change: (db: Database.Database) => void): void {
    const db = new Database(join(dataDir, 'accord.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    change(db);
    db.close();
  }
  const rowsOf = (db: Database.Database, meetingId: string) =>
    db.prepare<[string], Row>('SELECT * FROM audit_log WHERE meeting_id = ? ORDER BY seq').all(meetingId);

  /** Re-seals the chain from `from` on, as the entries' content now reads, with `seal`. */
  function reseal(db: Database.Database, meetingId: string, from: number, seal: (text: string) => string): void {
    let prev = rowsOf(db, meetingId).find((r) => r.seq === from - 1)?.hash ?? '0'.repeat(64);
    for (const row of rowsOf(db, meetingId).filter((r) => r.seq >= from)) {
      const hash = seal(JSON.stringify([prev, row.meeting_id, row.seq, row.at, row.actor, row.action, JSON.parse(row.detail)]));
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE meeting_id = ? AND seq = ?').run(prev, hash, meetingId, row.seq);
      prev = hash;
    }
  }

  it('the signed bundle carries the head of the log at the lock, and the log still passes through it', async () => {
    const server = await start();
    const meeting = await createMeeting(server);
    const bundle = JSON.parse(await signedBundleText(server, meeting)) as SignedBundle;

    const head = bundle.record.auditHead!;
    expect(head.length).toBeGreaterThan(0);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    const verdict = await verifyBundle(bundle);
    expect(verdict).toMatchObject({ valid: true, auditHead: head });

    const log = await auditOf(server, meeting);
    expect(log).toMatchObject({ intact: true, firstBrokenSeq: null, problems: [] });
    expect(log.entries[head.length - 1]!.hash).toBe(head.hash);
    expect(log.entries[head.length]!.action).toBe('record.locked');
    expect(log.anchors).toEqual([
      { version: 1, head, holds: true },
      { version: null, head: log.head, holds: true },
    ]);
    // The key is a file of its own, not in the database.
    expect(existsSync(join(server.dataDir, 'audit-key'))).toBe(true);
  });

  it('deleting the last three entries is reported as a cut, by the witness and, reaching before the lock, by the signed head', async () => {
    const server = await start();
    const meeting = await createMeeting(server);
    const bundle = JSON.parse(await signedBundleText(server, meeting)) as SignedBundle;
    const lockedLength = bundle.record.auditHead!.length;
    const before = await auditOf(server, meeting);
    expect(before.intact).toBe(true);

    tamper(server.dataDir, (db) => db.prepare('DELETE FROM audit_log WHERE meeting_id = ? AND seq > ?').run(meeting.meetingId, before.head.length - 3));
    const cut = await auditOf(server, meeting);
    expect(cut.entries).toHaveLength(before.head.length - 3);
    expect(cut.intact).toBe(false);
    expect(cut.problems).toContainEqual({ code: 'truncated', version: null, sawLength: before.head.length, length: before.head.length - 3 });

    // The same database under a server that never saw it (restored elsewhere, or another
    // process): a cut that reaches back before the lock is still found, by the signed head.
    tamper(server.dataDir, (db) => db.prepare('DELETE FROM audit_log WHERE meeting_id = ? AND seq >= ?').run(meeting.meetingId, lockedLength));
    await server.stop();
    const elsewhere = mkdtempSync(join(tmpdir(), 'accord-test-'));
    for (const file of ['accord.sqlite', 'audit-key']) copyFileSync(join(server.dataDir, file), join(elsewhere, file));
    const restored = await start({ dataDir: elsewhere });
    const found = await auditOf(restored, meeting);
    expect(found.intact).toBe(false);
    expect(found.problems).toEqual([{ code: 'truncated', version: 1, sawLength: lockedLength, length: lockedLength - 1 }]);
    expect(found.anchors.map((a) => [a.version, a.holds])).toEqual([[1, false]]);
  });

  it('rewriting an entry and sealing the chain again without the key is reported, at the entry rewritten', async () => {
    const server = await start();
    const meeting = await createMeeting(server);
    await signedBundleText(server, meeting);
    const before = await auditOf(server, meeting);
    const target = before.entries.find((e) => e.action === 'record.locked')!;

    // Whoever holds the database but not the key can only seal as anyone can: plain SHA-256,
    // or an HMAC under a key of their own.
    for (const seal of [
      (text: string) => createHash('sha256').update(text).digest('hex'),
      (text: string) => createHmac('sha256', 'a key of the attacker, 32 characters').update(text).digest('hex'),
    ]) {
      tamper(server.dataDir, (db) => {
        db.prepare('UPDATE audit_log SET actor = ? WHERE meeting_id = ? AND seq = ?').run('someone-else', meeting.meetingId, target.seq);
        reseal(db, meeting.meetingId, target.seq, seal);
      });
      const log = await auditOf(server, meeting);
      expect(log.intact).toBe(false);
      expect(log.firstBrokenSeq).toBe(target.seq);
      expect(log.problems[0]).toEqual({ code: 'bad-seal', seq: target.seq });
      // The rebuilt chain ends elsewhere than the witness saw it.
      expect(log.problems).toContainEqual({ code: 'anchor-mismatch', version: null, seq: before.head.length });
    }
  });

  it('even with the key, entries before the lock cannot be rebuilt: the heads signed where the chain passed', async () => {
    const key = 'the deployment audit key, shared by every process';
    const server = await start({ auditKey: key });
    const meeting = await createMeeting(server);
    const bundle = JSON.parse(await signedBundleText(server, meeting)) as SignedBundle;
    const lockedLength = bundle.record.auditHead!.length;

    tamper(server.dataDir, (db) => {
      db.prepare('UPDATE audit_log SET detail = ? WHERE meeting_id = ? AND seq = 1').run('{"rewritten":true}', meeting.meetingId);
      reseal(db, meeting.meetingId, 1, (text) => createHmac('sha256', key).update(text).digest('hex'));
    });
    const log = await auditOf(server, meeting);
    expect(log.problems.filter((p) => p.code === 'bad-seal' || p.code === 'broken-link')).toEqual([]);
    expect(log.intact).toBe(false);
    expect(log.problems).toContainEqual({ code: 'anchor-mismatch', version: 1, seq: lockedLength });
  });
});
