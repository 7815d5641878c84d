// A room is loaded before anything touches it. What another process sends while the
// record is being read waits for the read, and what was stored then is not lost; a lock
// taken while the room subscribes is seen; a command sent while the record is let go of
// runs on the record reloaded, never on an empty one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { partsOf, type Storage } from '../../server/storage/storage';
import type { Fanout } from '../../server/scale/fanout';
import { applyStored } from '../../server/sync/record-document';
import { MemoryFanoutHub, memoryProcess } from '../helpers/memory-peers';
import { agreeEverything, api } from '../helpers/lifecycle';
import { createMeeting, startTestServer, tokenOf } from '../helpers/server';
import { serversAndClients } from '../helpers/cleanup';
import type { CanonicalRecord } from '../../shared/record/canonical';
import { agreementTargets } from '../../shared/record/agreement';

/** A step held until the test lets it go; `reached` resolves once something waits on it. */
function gate() {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { open, reached, pass: () => (reach(), opened) };
}

const documentId = 'record-1';
const text = (doc: Y.Doc) => doc.getText('notes').toString();

describe('loading a record', () => {
  let dir = '';
  let storage: Storage;
  afterEach(async () => {
    await storage?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A draft record whose stored snapshot says "hello world". */
  async function storedRecord(): Promise<Uint8Array> {
    dir = mkdtempSync(join(tmpdir(), 'accord-load-'));
    storage = await openSqliteStorage(dir);
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'hello world');
    const state = Y.encodeStateAsUpdate(doc);
    const now = new Date().toISOString();
    const record = { documentId, meetingId: 'meeting-1', version: 1, state: 'draft' as const, recordHash: null, createdAt: now };
    await storage.createMeeting({ id: 'meeting-1', code: 'TEST 1', createdAt: now, currentDocumentId: documentId }, record, state, []);
    return state;
  }

  it('applies what another process sent during the read after it, and compacts nothing away', async () => {
    const state = await storedRecord();
    const read = gate();
    // The read returns what was stored when it ran, and is answered only when the test says.
    const slowStorage: Storage = { ...storage, loadRecord: async (id) => storage.loadRecord(id).then(async (stored) => (await read.pass(), stored)) };
    const hub = new MemoryFanoutHub();
    const here = memoryProcess(slowStorage, hub.member());
    const elsewhere = hub.member();
    await elsewhere.join(documentId, () => undefined);

    const opening = here.rooms.open((await storage.getRecord(documentId))!);
    await read.reached;
    // Meanwhile another process stores an edit and publishes it.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, state);
    const before = Y.encodeStateVector(theirs);
    theirs.getText('notes').insert(11, ' again');
    const update = Y.encodeStateAsUpdate(theirs, before);
    const seq = await storage.appendUpdates(documentId, [update]);
    elsewhere.publish(documentId, { kind: 'update', fromSeq: seq, toSeq: seq, update });
    read.open();

    const room = await opening;
    expect(await here.rooms.read((await storage.getRecord(documentId))!, text)).toBe('hello world again');
    expect(room.watermark).toBe(seq);
    await room.shutdown(1012, 'test over'); // compacts what it holds
    const stored = new Y.Doc();
    applyStored(stored, partsOf(await storage.loadRecord(documentId)));
    expect(text(stored)).toBe('hello world again');
  });

  it('sees a lock taken while it subscribes, though the news of it was published before', async () => {
    await storedRecord();
    const subscribing = gate();
    const hub = new MemoryFanoutHub();
    const member = hub.member();
    // Redis would drop what is published before the subscription holds: so does this one.
    const lateSubscriber: Fanout = { ...member, join: async (id, deliver) => (await subscribing.pass(), member.join(id, deliver)) };
    const here = memoryProcess(storage, lateSubscriber);
    const elsewhere = hub.member();

    const opening = here.rooms.open((await storage.getRecord(documentId))!);
    await subscribing.reached;
    const locked = await storage.lockRecord(documentId, (stored) => ({
      lock: { recordHash: 'a'.repeat(64), canonical: '{}', finalState: partsOf(stored)[0]!, lockedAt: new Date().toISOString(), lockedBy: 'secretariat' },
    }));
    expect('locked' in locked).toBe(true);
    elsewhere.publish(documentId, { kind: 'record-changed' });
    subscribing.open();

    const room = await opening;
    expect(room.record.state).toBe('locked');
    await room.shutdown(1012, 'test over');
  });
});

describe('commands on a record nobody holds open', () => {
  const { servers } = serversAndClients();

  it('ten agreement calls and a lock sent together lock the whole record, as stored, every time', async () => {
    const server = await startTestServer();
    servers.push(server);
    for (let round = 0; round < 6; round++) {
      const meeting = await createMeeting(server);
      const secretariat = tokenOf(meeting, 'secretariat', 'TH');
      await agreeEverything(server, meeting);
      const head = tokenOf(meeting, 'head', 'TH');
      const record = (await server.services.storage.getRecord(meeting.documentId))!;
      const targets = await server.services.rooms.read(record, (doc) => agreementTargets(doc).map((t) => t.id));
      // Re-agreeing changes nothing the lock checks, but each call loads and lets go of the record.
      const calls = Array.from({ length: 10 }, (_, i) =>
        api(server, head, 'POST', `/api/meetings/${meeting.meetingId}/agreement`, { targetId: targets[i % targets.length], agreed: true }),
      );
      const lock = api<{ recordHash: string }>(server, secretariat, 'POST', `/api/meetings/${meeting.meetingId}/lock`);
      const [locked] = await Promise.all([lock, ...calls]);
      expect(locked.status).toBe(200);
      const sealed = await server.services.storage.getRecordLock(meeting.documentId);
      const canonical = JSON.parse(sealed!.canonical) as CanonicalRecord;
      expect(canonical.parties.map((p) => p.code)).toEqual(['TH', 'LA']);
      expect(canonical.agenda.length).toBeGreaterThan(0);
      expect(canonical.participants.length).toBeGreaterThan(0);
      const stored = new Y.Doc();
      applyStored(stored, partsOf(await server.services.storage.loadRecord(meeting.documentId)));
      expect(Y.encodeStateVector(stored)).toEqual(
        Y.encodeStateVector(
          (() => {
            const d = new Y.Doc();
            Y.applyUpdate(d, sealed!.finalState);
            return d;
          })(),
        ),
      );
    }
  });
});
