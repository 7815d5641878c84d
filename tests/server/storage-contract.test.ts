// One contract, both storages: the same calls and the same assertions on SQLite (a temporary
// DATA_DIR) and on PostgreSQL (a schema of its own in the `test` database, dropped after),
// each made by the one migration history (server/storage/migrations/).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { openPostgresStorage } from '../../server/storage/postgres';
import { auditSeal, checkAuditChain } from '../../server/storage/audit-chain';
import { ClientNotYours, CompactionWouldLose, RecordNotDraft, partsOf, type Storage } from '../../server/storage/storage';
import type { CaseEntry } from '../../shared/cases/case';
import { DATABASE_URL } from '../helpers/service-urls';

const KEY = Buffer.from('the audit key of the storage contract');

interface Backend {
  name: string;
  open(): Promise<Storage>;
  drop(): Promise<void>;
}

const sqlite = (): Backend => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-contract-'));
  return { name: 'SQLite', open: () => openSqliteStorage(dir), drop: async () => rmSync(dir, { recursive: true, force: true }) };
};

const postgres = (): Backend => {
  const schema = `contract_${randomBytes(4).toString('hex')}`;
  return {
    name: 'PostgreSQL',
    open: () => openPostgresStorage(DATABASE_URL, schema),
    async drop() {
      const admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
};

const at = (n: number) => new Date(Date.UTC(2025, 2, 12, 9, 0, n)).toISOString();
const by = { participantId: 'p-th', party: 'TH', name: 'Head TH' };

/** A meeting with one draft record whose text is `text`, and the Yjs doc that wrote it. */
async function meeting(storage: Storage, id: string) {
  const doc = new Y.Doc();
  await storage.createMeeting(
    { id, code: `C-${id}`, createdAt: at(0), currentDocumentId: `${id}-d1` },
    { documentId: `${id}-d1`, meetingId: id, version: 1, state: 'draft', recordHash: null, createdAt: at(0) },
    Y.encodeStateAsUpdate(doc),
    [
      {
        id: `${id}-i1`,
        meetingId: id,
        participantId: 'p-th',
        role: 'head',
        party: 'TH',
        name: 'Head TH',
        tokenHash: `${id}-t1`,
        createdAt: at(0),
        revokedAt: null,
        firstUsedAt: null,
      },
      {
        id: `${id}-i2`,
        meetingId: id,
        participantId: 'p-la',
        role: 'head',
        party: 'LA',
        name: 'Head LA',
        tokenHash: `${id}-t2`,
        createdAt: at(0),
        revokedAt: null,
        firstUsedAt: null,
      },
    ],
  );
  return { doc, documentId: `${id}-d1` };
}

const edit = (doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array => {
  let update: Uint8Array | undefined;
  const take = (u: Uint8Array) => (update = u);
  doc.on('update', take);
  change(doc.getText('minutes'));
  doc.off('update', take);
  return update!;
};

const textOf = (parts: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc.getText('minutes').toString();
};

const caseEntry = (id: string, stage: CaseEntry['stage']): CaseEntry => ({
  id,
  thread: { meetingId: 'm-case', caseId: id },
  sides: [{ party: 'TH', reference: `TH-${id}`, agency: 'DSDW' }],
  stage,
  repatriatedOn: null,
  nextStep: { en: 'Verify nationality' },
  due: null,
  carriedFrom: null,
});

describe.each([
  ['SQLite', sqlite],
  ['PostgreSQL', postgres],
] as const)('the storage contract on %s', (_name, make) => {
  const backend = make();
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(async () => {
    await storage?.close();
    await backend.drop();
  });

  it('creates a meeting with its record and invitations, and reads them back', async () => {
    await meeting(storage, 'm-create');
    expect(await storage.getMeeting('m-create')).toEqual({ id: 'm-create', code: 'C-m-create', createdAt: at(0), currentDocumentId: 'm-create-d1' });
    expect(await storage.getRecord('m-create-d1')).toMatchObject({ meetingId: 'm-create', version: 1, state: 'draft', recordHash: null });
    expect((await storage.listInvitations('m-create')).map((i) => i.id)).toEqual(['m-create-i1', 'm-create-i2']);
    expect((await storage.findInvitationByTokenHash('m-create-t2'))?.participantId).toBe('p-la');
    expect(await storage.countMeetings()).toBeGreaterThanOrEqual(1);
    expect(await storage.getMeeting('nothing')).toBeUndefined();
  });

  it('ends an invitation’s sessions when its token is replaced', async () => {
    await meeting(storage, 'm-sessions');
    await storage.createSession({ tokenHash: 's1', invitationId: 'm-sessions-i1', createdAt: at(1), expiresAt: at(99) });
    expect((await storage.findSession('s1'))?.invitationId).toBe('m-sessions-i1');
    await storage.replaceInvitationToken('m-sessions-i1', 'm-sessions-new');
    expect(await storage.findSession('s1')).toBeUndefined();
    expect((await storage.findInvitationByTokenHash('m-sessions-new'))?.id).toBe('m-sessions-i1');
  });

  it('stores appends in the order asked, and what came after a given sequence number', async () => {
    const { doc, documentId } = await meeting(storage, 'm-append');
    const words = ['Item 1. ', 'Both sides ', 'agreed.'];
    const updates = words.map((w) => edit(doc, (t) => t.insert(t.length, w)));
    // Asked for without waiting, as the room's queue does.
    const seqs = await Promise.all(updates.map((u) => storage.appendUpdates(documentId, [u], by)));
    expect(seqs).toEqual([1, 2, 3]);
    const stored = await storage.loadRecord(documentId);
    expect(stored.lastSeq).toBe(3);
    expect(textOf(partsOf(stored))).toBe('Item 1. Both sides agreed.');
    const since = await storage.loadRecordSince(documentId, 2);
    expect(since.updates).toHaveLength(1);
    expect((await storage.recordHeads([documentId, 'nothing'])).get(documentId)).toEqual({ state: 'draft', lastSeq: 3 });
    expect((await storage.listEdits(documentId, 0, 3)).map((e) => [e.seq, e.participantId])).toEqual([
      [1, 'p-th'],
      [2, 'p-th'],
      [3, 'p-th'],
    ]);
    expect((await storage.listClientClaims(documentId)).map((c) => c.clientId)).toEqual([doc.clientID]);
  });

  it('refuses an append under a client id another participant claimed first: nothing of it is stored, the rest is, with no gap', async () => {
    const { doc, documentId } = await meeting(storage, 'm-claim');
    const lao = { participantId: 'p-la', party: 'LA', name: 'Head LA' };
    // The Lao head's client writes under the client id the Thai head's writes under, as two
    // processes racing, or a crafted client, would have it stored.
    const same = new Y.Doc();
    same.clientID = doc.clientID;
    const own = new Y.Doc();
    const thai = edit(doc, (t) => t.insert(0, 'Thai text. '));
    const under = edit(same, (t) => t.insert(0, 'Lao text under the Thai id. '));
    const thaiMore = edit(doc, (t) => t.insert(t.length, 'More Thai. '));
    const laoOwn = edit(own, (t) => t.insert(0, 'Lao text. '));
    // Asked in one turn, as a room asks: grouped into one transaction where the storage groups.
    const outcomes = await Promise.allSettled([
      storage.appendUpdates(documentId, [thai], by),
      storage.appendUpdates(documentId, [under], lao),
      storage.appendUpdates(documentId, [thaiMore], by),
      storage.appendUpdates(documentId, [laoOwn], lao),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason instanceof ClientNotYours ? 'ClientNotYours' : String(o.reason)))).toEqual([
      1,
      'ClientNotYours',
      2,
      3,
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ documentId, clientIds: [doc.clientID] });

    // Asked alone, once the claim is stored: refused again, and the next append takes the next number.
    const again = edit(same, (t) => t.insert(t.length, 'Again. '));
    await expect(storage.appendUpdates(documentId, [again], lao)).rejects.toBeInstanceOf(ClientNotYours);
    expect(await storage.appendUpdates(documentId, [edit(own, (t) => t.insert(0, 'Later. '))], lao)).toBe(4);

    const stored = await storage.loadRecord(documentId);
    expect(stored.lastSeq).toBe(4);
    expect(stored.updates).toHaveLength(4);
    const text = textOf(partsOf(stored));
    expect(text).toContain('Thai text. More Thai. ');
    expect(text).not.toContain('under the Thai id');
    expect(text).not.toContain('Again');
    expect((await storage.listEdits(documentId, 0, 10)).map((e) => [e.seq, e.participantId])).toEqual([
      [1, 'p-th'],
      [2, 'p-th'],
      [3, 'p-la'],
      [4, 'p-la'],
    ]);
    const claims = new Map((await storage.listClientClaims(documentId)).map((c) => [c.clientId, c.participantId]));
    expect(claims).toEqual(
      new Map([
        [doc.clientID, 'p-th'],
        [own.clientID, 'p-la'],
      ]),
    );
  });

  it('compacts into a snapshot, and refuses a state that lacks a stored update', async () => {
    const { doc, documentId } = await meeting(storage, 'm-compact');
    const vectorOf = (encoded: Uint8Array | null | undefined) => (encoded ? Y.decodeStateVector(encoded) : null);
    // A new record's snapshot is stored with its state vector (migration 3): here, nobody's content yet.
    expect(vectorOf((await storage.loadRecord(documentId)).snapshotStateVector)).toEqual(new Map());
    await storage.appendUpdates(documentId, [edit(doc, (t) => t.insert(0, 'kept'))], by);
    const stale = Y.encodeStateAsUpdate(new Y.Doc());
    await expect(storage.compactRecord(documentId, stale, 1)).rejects.toBeInstanceOf(CompactionWouldLose);
    await storage.compactRecord(documentId, Y.encodeStateAsUpdate(doc), 1);
    const compactedVector = Y.decodeStateVector(Y.encodeStateVector(doc));
    await storage.appendUpdates(documentId, [edit(doc, (t) => t.insert(4, ' text'))], by);
    const stored = await storage.loadRecord(documentId);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    expect(textOf(partsOf(stored))).toBe('kept text');
    // The compacted snapshot's vector, not the record's: the update after it is not in it.
    expect(vectorOf(stored.snapshotStateVector)).toEqual(compactedVector);
    expect((await storage.loadRecordSince(documentId, 1)).snapshotStateVector ?? null).toBeNull();
    // Authors survive compaction.
    expect((await storage.listEditors(documentId, 0, 2)).map((e) => [e.participantId, e.edits])).toEqual([['p-th', 2]]);
  });

  it('locks, refuses appends while locked, unlocks voiding signatures, signs', async () => {
    const { doc, documentId } = await meeting(storage, 'm-life');
    await storage.appendUpdates(documentId, [edit(doc, (t) => t.insert(0, 'agreed text'))], by);
    const seal = (hash: string) => () => ({
      lock: { recordHash: hash, canonical: `{"h":"${hash}"}`, finalState: Y.encodeStateAsUpdate(doc), lockedAt: at(5), lockedBy: 'p-th' },
    });
    const first = await storage.lockRecord(documentId, seal('h1'));
    expect('locked' in first && first.locked.state).toBe('locked');
    expect((await storage.getRecordLock(documentId))?.canonical).toBe('{"h":"h1"}');
    await expect(storage.appendUpdates(documentId, [edit(doc, (t) => t.insert(0, 'late '))], by)).rejects.toBeInstanceOf(RecordNotDraft);
    const refused = await storage.lockRecord(documentId, () => ({ refused: 'no' }));
    expect(refused).toEqual({ refused: 'no' });

    await storage.enrolPartyKey({
      meetingId: 'm-life',
      party: 'TH',
      publicKey: 'k1',
      fingerprint: 'f1',
      enrolledBy: 'p-th',
      enrolledAt: at(6),
      replacedAt: null,
    });
    await storage.enrolPartyKey({
      meetingId: 'm-life',
      party: 'TH',
      publicKey: 'k2',
      fingerprint: 'f2',
      enrolledBy: 'p-th',
      enrolledAt: at(7),
      replacedAt: null,
    });
    expect((await storage.listPartyKeys('m-life')).map((k) => k.publicKey)).toEqual(['k2']);
    const signature = (id: string, party: string, hash: string, receivedAt: string) => ({
      id,
      documentId,
      party,
      participantId: `p-${party.toLowerCase()}`,
      recordHash: hash,
      statement: `{"party":"${party}"}`,
      signature: 'sig',
      publicKey: 'k2',
      receivedAt,
      voidedAt: null,
    });
    expect(await storage.addSignature(signature('s1', 'TH', 'h1', at(8)), false)).toBe(true);
    expect(await storage.unlockRecord(documentId, at(9))).toBe(true);
    expect(await storage.unlockRecord(documentId, at(9))).toBe(false);
    expect((await storage.listSignatures(documentId)).map((s) => [s.id, s.voidedAt])).toEqual([['s1', at(9)]]);
    expect(await storage.getRecordLock(documentId)).toBeUndefined();

    await storage.lockRecord(documentId, seal('h2'));
    expect(await storage.addSignature(signature('s2', 'TH', 'h2', at(10)), false)).toBe(true);
    expect(await storage.addSignature(signature('s3', 'LA', 'h2', at(11)), true)).toBe(true);
    expect(await storage.getRecord(documentId)).toMatchObject({ state: 'signed', recordHash: 'h2' });
    expect((await storage.listSignatures(documentId)).map((s) => s.id)).toEqual(['s1', 's2', 's3']);

    const next = { documentId: 'm-life-d2', meetingId: 'm-life', version: 2, state: 'draft' as const, recordHash: null, createdAt: at(12) };
    const previous = (await storage.getRecord(documentId))!;
    expect(await storage.addAmendment(previous, next, Y.encodeStateAsUpdate(doc))).toBe(true);
    expect(await storage.addAmendment(previous, { ...next, documentId: 'm-life-d3' }, Y.encodeStateAsUpdate(doc))).toBe(false);
    expect((await storage.listRecords('m-life')).map((r) => [r.version, r.state])).toEqual([
      [1, 'signed'],
      [2, 'draft'],
    ]);
    expect((await storage.getMeeting('m-life'))?.currentDocumentId).toBe('m-life-d2');
  });

  it('keeps an audit chain that verifies, in order, under concurrent appends', async () => {
    await meeting(storage, 'm-audit');
    const seal = auditSeal(KEY);
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((action, i) => storage.appendAudit({ meetingId: 'm-audit', at: at(i), actor: 'p-th', action, detail: { i } }, seal)),
    );
    const entries = await storage.listAudit('m-audit');
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(checkAuditChain(entries, KEY).intact).toBe(true);
    expect(entries[0]!.detail).toEqual({ i: expect.any(Number) });
  });

  it('keeps console rows: accounts, officer sessions, grants, series, action point statuses', async () => {
    await meeting(storage, 'm-console');
    const account = {
      id: 'a1',
      login: 'sec.th',
      name: 'Secretariat TH',
      email: null,
      party: 'TH',
      role: 'officer' as const,
      passwordHash: null,
      mustChangePassword: true,
      setupTokenHash: 'setup1',
      setupExpiresAt: at(50),
      createdAt: at(1),
      createdBy: 'admin',
      disabledAt: null,
    };
    expect(await storage.createAccount(account)).toBe(true);
    expect(await storage.createAccount({ ...account, id: 'a2' })).toBe(false);
    expect(await storage.findAccountBySetupToken('setup1')).toEqual(account);
    await storage.setAccountPassword('a1', 'scrypt$hash', false);
    expect(await storage.findAccountByLogin('sec.th')).toMatchObject({ passwordHash: 'scrypt$hash', mustChangePassword: false, setupTokenHash: null });
    await storage.createOfficerSession({ tokenHash: 'os1', accountId: 'a1', createdAt: at(2), expiresAt: at(90) });
    expect((await storage.findOfficerSession('os1'))?.accountId).toBe('a1');
    await storage.grantMeeting({ meetingId: 'm-console', accountId: 'a1', grantedBy: 'admin', grantedAt: at(3) });
    await storage.grantMeeting({ meetingId: 'm-console', accountId: 'a1', grantedBy: 'admin', grantedAt: at(4) });
    expect((await storage.listMeetingOfficers('m-console')).map((o) => o.accountId)).toEqual(['a1']);
    expect(await storage.listGrantedMeetings('a1')).toEqual(['m-console']);
    expect(await storage.placeInSeries({ meetingId: 'm-console', seriesId: 'th-la', number: 4 })).toBe(true);
    expect(await storage.seriesPlaceOf('m-console')).toEqual({ meetingId: 'm-console', seriesId: 'th-la', number: 4 });
    const point = { pointId: 'ap1', threadMeetingId: 'm-console', threadPointId: 'ap1' };
    const first = await storage.noteActionPointStatuses('m-console', [{ ...point, status: 'open' }], { actor: 'a1', name: 'Secretariat TH' }, at(5));
    expect(first.map((c) => [c.fromStatus, c.toStatus, c.kind])).toEqual([[null, 'open', 'recorded']]);
    expect(await storage.noteActionPointStatuses('m-console', [{ ...point, status: 'open' }], null, at(6))).toEqual([]);
    await storage.noteActionPointStatuses('m-console', [{ ...point, status: 'done' }], null, at(7));
    expect((await storage.listActionPointChanges(['m-console'])).map((c) => c.toStatus)).toEqual(['open', 'done']);
    await storage.disableAccount('a1', at(8));
    expect(await storage.findOfficerSession('os1')).toBeUndefined();
  });

  it('keeps cases, their history, agreements and the sealed annex', async () => {
    const { documentId } = await meeting(storage, 'm-case');
    const saved = await storage.saveCase('m-case', documentId, caseEntry('c1', 'identified'), { actor: 'p-th', name: 'Head TH' }, at(1));
    expect(saved.ok && saved.value?.to).toBe('identified');
    await storage.saveCase('m-case', documentId, caseEntry('c2', 'identified'), null, at(2));
    await storage.saveCase('m-case', documentId, caseEntry('c1', 'nationality-verified'), null, at(3));
    expect((await storage.listCases(documentId)).map((c) => [c.id, c.stage])).toEqual([
      ['c1', 'nationality-verified'],
      ['c2', 'identified'],
    ]);
    expect((await storage.listCaseChanges(['m-case'])).map((c) => [c.caseId, c.to])).toEqual([
      ['c1', 'identified'],
      ['c2', 'identified'],
      ['c1', 'nationality-verified'],
    ]);
    expect(await storage.removeCase(documentId, 'c2')).toEqual({ ok: true, value: true });
    await storage.agreeCaseAnnex(documentId, { party: 'TH', digest: 'd1', by: 'p-th', at: at(4) });
    expect(await storage.listCaseAgreements(documentId)).toEqual([{ party: 'TH', digest: 'd1', by: 'p-th', at: at(4) }]);
    await storage.dismissFinding(documentId, { key: 'f1', byActor: 'p-th', byName: 'Head TH', at: at(5) });
    expect((await storage.listFindingDismissals(documentId)).map((d) => d.key)).toEqual(['f1']);
    const locked = await storage.lockRecord(documentId, (_stored, _record, annex) => ({
      lock: {
        recordHash: 'hc',
        canonical: '{}',
        finalState: new Uint8Array([0, 0]),
        lockedAt: at(6),
        lockedBy: 'p-th',
        caseAnnex: JSON.stringify(annex.cases.map((c) => c.id)),
      },
    }));
    expect('locked' in locked).toBe(true);
    expect(await storage.sealedCaseAnnex(documentId)).toBe('["c1"]');
    expect(await storage.saveCase('m-case', documentId, caseEntry('c3', 'identified'), null, at(7))).toEqual({ ok: false, state: 'locked' });
  });

  it('keeps comments beside the record, and resolves a thread', async () => {
    await meeting(storage, 'm-comment');
    const comment = {
      id: 'k1',
      meetingId: 'm-comment',
      threadId: null,
      segmentId: 'seg1',
      language: 'en',
      quote: 'agreed',
      visibility: 'meeting' as const,
      party: 'TH',
      authorId: 'p-th',
      authorName: 'Head TH',
      body: 'Which date?',
      mentions: ['p-la'],
      createdAt: at(1),
      resolvedAt: null,
      resolvedBy: null,
    };
    await storage.addComment(comment);
    await storage.addComment({ ...comment, id: 'k2', threadId: 'k1', body: 'The 12th.', mentions: [], createdAt: at(2) });
    await storage.setThreadResolved('k1', at(3), 'p-la');
    expect(await storage.getComment('k1')).toEqual({ ...comment, resolvedAt: at(3), resolvedBy: 'p-la' });
    expect((await storage.listComments('m-comment')).map((c) => c.id)).toEqual(['k1', 'k2']);
  });

  it('keeps versions of the record with their state', async () => {
    const { doc, documentId } = await meeting(storage, 'm-history');
    await storage.appendUpdates(documentId, [edit(doc, (t) => t.insert(0, 'version one'))], by);
    await storage.addVersion({ id: 'v1', documentId, seq: 1, kind: 'named', name: 'Before lunch', at: at(1), by, state: Y.encodeStateAsUpdate(doc) });
    await storage.addVersion({ id: 'v2', documentId, seq: 1, kind: 'auto', name: null, at: at(2), by: null, state: Y.encodeStateAsUpdate(doc) });
    expect((await storage.listVersions(documentId)).map((v) => [v.id, v.kind, v.by?.participantId ?? null])).toEqual([
      ['v1', 'named', 'p-th'],
      ['v2', 'auto', null],
    ]);
    expect(await storage.lastVersionAt(documentId)).toBe(at(2));
    const v1 = await storage.versionState(documentId, 'v1');
    expect(textOf([v1!.state])).toBe('version one');
  });

  it('keeps settings: a claim keeps the first value', async () => {
    expect(await storage.claimSetting('instance', 'first')).toBe('first');
    expect(await storage.claimSetting('instance', 'second')).toBe('first');
    await storage.putSetting('instance', 'third');
    expect(await storage.claimSetting('instance', 'fourth')).toBe('third');
  });

  it('opens again on what it made without migrating anything twice', async () => {
    const again = await backend.open();
    expect(await again.getMeeting('m-create')).toBeDefined();
    await again.close();
  });
});
