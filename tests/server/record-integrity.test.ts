// The record that is signed is the record that was written, whatever the interleaving.
// Two processes share one storage and a fan-out; clients join, leave and edit through
// either; heads agree, the secretariat locks and unlocks, documents are dropped when idle
// and records let go of, all at once, with every storage answer and fan-out delivery put
// off and released in an order fast-check chooses (seeded, printed, replayable). What
// storage did is logged as it commits; from that log:
// - at every lock, the canonical record sealed equals the one built from what was stored
//   at that moment, and holds the meeting (parties, agenda, participants);
// - nothing is stored while the record is locked;
// - every update storage acknowledged is in what a later load gives.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { partsOf, type RecordLock, type Storage } from '../../server/storage/storage';
import { applyStored } from '../../server/sync/record-document';
import { createMeeting, type CreatedMeeting } from '../../server/commands/create-meeting';
import { lockRecord } from '../../server/commands/lock-record';
import { unlockRecord } from '../../server/commands/unlock-record';
import { markAgreement } from '../../server/commands/mark-agreement';
import type { Participant } from '../../server/commands/lifecycle-result';
import { resolvePrincipal } from '../../server/auth/principal';
import { canonicalRecord, canonicalText } from '../../shared/record/canonical';
import { agreementTargets } from '../../shared/record/agreement';
import { meetingInput } from '../../shared/record/meeting-input';
import { addAgendaItem, renameAgendaItem } from '../../shared/record/segment-ops';
import { agenda, agendaItemId } from '../../shared/record/schema';
import type { Services } from '../../server/services';
import { delayedStorage, MemoryClient, MemoryFanoutHub, memoryProcess, type Delay } from '../helpers/memory-peers';

const CMM04 = meetingInput.parse(JSON.parse(readFileSync(new URL('../../server/demo/cmm04-th-la.json', import.meta.url), 'utf8')));
const LANGUAGES = CMM04.languages;

/** What storage committed, in the order it committed it. */
type Committed = { kind: 'append'; updates: Uint8Array[] } | { kind: 'lock'; lock: RecordLock } | { kind: 'unlock' };

/** Logs every commit of `storage` as it happens (before any delay puts off its answer). */
function loggedStorage(storage: Storage, log: Committed[]): Storage {
  return {
    ...storage,
    appendUpdates: (documentId, updates) => storage.appendUpdates(documentId, updates).then((seq) => (log.push({ kind: 'append', updates }), seq)),
    lockRecord: (documentId, seal) =>
      storage.lockRecord(documentId, seal).then((outcome) => {
        if ('locked' in outcome) log.push({ kind: 'lock', lock: outcome.lock });
        return outcome;
      }),
    unlockRecord: (documentId, at) => storage.unlockRecord(documentId, at).then((done) => (done && log.push({ kind: 'unlock' }), done)),
  };
}

type Op =
  | { op: 'join' | 'leave'; client: number; process: number }
  | { op: 'edit'; client: number; n: number }
  | { op: 'agree'; process: number }
  | { op: 'lock' | 'unlock' | 'shed' | 'release' | 'catch-up'; process: number };

const process = fc.nat(1);
const client = fc.nat(3);
const operation: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('join' as const, 'leave' as const), client, process }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('edit' as const), client, n: fc.nat(999) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('agree' as const), process }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('lock' as const, 'unlock' as const), process }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('shed' as const, 'release' as const, 'catch-up' as const), process }) },
);

describe('the record under any interleaving', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('locks exactly what is stored, never an empty record; stores nothing while locked; loses no stored update', async () => {
    const seed = Number(globalThis.process.env.INTEGRITY_SEED ?? Date.now() % 2 ** 31);
    console.log(`record integrity seed ${seed} (replay with INTEGRITY_SEED=${seed})`);
    const seen = { runs: 0, locks: 0, unlocks: 0, appends: 0 };
    await fc.assert(
      // Three people act at once, each one step after the other (a lane each).
      fc.asyncProperty(fc.scheduler(), fc.array(fc.tuple(fc.nat(2), operation), { minLength: 4, maxLength: 30 }), async (s, ops) => {
        const dir = mkdtempSync(join(tmpdir(), 'accord-integrity-'));
        dirs.push(dir);
        const raw = await openSqliteStorage(dir);
        const committed: Committed[] = [];
        const delay: Delay = (task, label) => s.schedule(task, label);
        const storage = delayedStorage(loggedStorage(raw, committed), delay);
        const hub = new MemoryFanoutHub(delay);
        const processes = [memoryProcess(storage, hub.member()), memoryProcess(storage, hub.member())];
        try {
          const meeting = await s.waitFor(createMeeting(processes[0]!, CMM04, 'test'));
          const initial = (await raw.loadRecord(meeting.documentId)).snapshot!;
          committed.length = 0;
          const clients = clientsOf(meeting);
          // The first person agrees, locks and unlocks first; the others act meanwhile.
          const script: [number, Op][] = [
            [0, { op: 'agree', process: 0 }],
            [0, { op: 'lock', process: 1 }],
            [0, { op: 'unlock', process: 0 }],
          ];
          const lanes = [0, 1, 2].map((lane) =>
            [...script, ...ops]
              .filter(([l]) => l === lane)
              .reduce<Promise<unknown>>(
                (before, [, op]) => before.then(() => s.schedule(Promise.resolve(), op.op)).then(() => run(op, processes, clients, meeting)),
                Promise.resolve(),
              ),
          );
          await s.waitFor(Promise.allSettled(lanes));
          for (const p of processes) await s.waitFor(p.rooms.shutdown());
          await s.waitIdle();

          checkLocks(meeting, initial, committed);
          seen.runs++;
          for (const entry of committed) seen[`${entry.kind}s`]++;
          const stored = new Y.Doc();
          applyStored(stored, partsOf(await raw.loadRecord(meeting.documentId)));
          const held = Y.snapshot(stored);
          for (const entry of committed)
            if (entry.kind === 'append') for (const update of entry.updates) expect(Y.snapshotContainsUpdate(held, update)).toBe(true);
        } finally {
          await raw.close();
        }
      }),
      { seed, numRuns: Number(globalThis.process.env.INTEGRITY_RUNS ?? 40) },
    );
    // The runs must have reached what they check: records locked and unlocked between edits.
    console.log(`record integrity: ${JSON.stringify(seen)}`);
    expect(seen.locks).toBeGreaterThan(seen.runs / 4);
    expect(seen.unlocks).toBeGreaterThan(seen.runs / 8);
  }, 180_000);
});

/** A participant as the commands take them: who they are, as authorize() judges them. */
async function participantOf(services: Services, invitation: CreatedMeeting['invitations'][number]): Promise<Participant> {
  const principal = await resolvePrincipal(services.storage, '', { authorization: `Bearer ${invitation.token}` }, services.now());
  if (principal?.kind !== 'participant') throw new Error(`no participant for ${invitation.participantId}`);
  return { actor: principal.actor, participantId: invitation.participantId, name: invitation.name, principal };
}

/** Four clients: both heads, a Lao delegate and the Thai secretariat. */
function clientsOf(meeting: CreatedMeeting): MemoryClient[] {
  const pick = (role: string, party: string) => meeting.invitations.find((i) => i.role === role && i.party === party)!;
  return [pick('head', 'TH'), pick('head', 'LA'), pick('delegate', 'LA'), pick('secretariat', 'TH')].map(
    (i) =>
      new MemoryClient(`${i.party} ${i.role}`, {
        invitationId: i.participantId,
        participantId: i.participantId,
        name: i.name,
        actor: { role: i.role, party: i.party },
        sessionHash: null,
      }),
  );
}

async function run(op: Op, processes: Services[], clients: MemoryClient[], meeting: CreatedMeeting): Promise<void> {
  const secretariat = meeting.invitations.find((i) => i.role === 'secretariat' && i.party === 'TH')!;
  const services = 'process' in op ? processes[op.process]! : processes[0]!;
  const by = await participantOf(services, secretariat);
  const row = async () => (await services.storage.getMeeting(meeting.meetingId))!;
  switch (op.op) {
    case 'join':
      return clients[op.client]!.join(services, meeting.documentId);
    case 'leave':
      return clients[op.client]!.leave();
    case 'edit': {
      const { doc } = clients[op.client]!;
      const items = agenda(doc);
      // Mostly a title retyped; now and then a new item (whose minutes then need agreeing).
      if (op.n % 5 !== 0 && items.length > 0) {
        const item = items.get(op.n % items.length);
        renameAgendaItem(doc, agendaItemId(item), LANGUAGES[op.n % LANGUAGES.length]!, `วาระ ວາລະ item ${op.n}`);
      } else addAgendaItem(doc, `item-${op.n}-${doc.clientID}`, Object.fromEntries(LANGUAGES.map((l) => [l, `${l} ${op.n}`])));
      return;
    }
    case 'agree': {
      // Both heads agree every segment and action point, as they stand now.
      const record = (await services.storage.getRecord(meeting.documentId))!;
      const targets = await services.rooms.read(record, (doc) => agreementTargets(doc).map((t) => t.id));
      for (const head of meeting.invitations.filter((i) => i.role === 'head')) {
        const asHead = await participantOf(services, head);
        for (const targetId of targets) await markAgreement(services, record, asHead, targetId, true);
      }
      return;
    }
    case 'lock':
      return void (await lockRecord(services, await row(), by));
    case 'unlock':
      return void (await unlockRecord(services, await row(), by, undefined));
    case 'shed':
      return void (await (await services.rooms.peek(meeting.documentId))?.shed());
    case 'release':
      return void (await (await services.rooms.peek(meeting.documentId))?.releaseIfUnused());
    case 'catch-up':
      return services.rooms.catchUpWithStorage();
    default:
      return op satisfies never;
  }
}

/**
 * Replays what storage committed: at each lock, the record as stored then (the initial
 * snapshot and every append before) gives exactly the canonical record sealed, and that
 * record holds the meeting; between a lock and the next unlock nothing is appended.
 */
function checkLocks(meeting: CreatedMeeting, initial: Uint8Array, committed: Committed[]): void {
  let locked = false;
  const appended: Uint8Array[] = [];
  for (const entry of committed) {
    if (entry.kind === 'append') {
      expect(locked, 'an update was stored while the record was locked').toBe(false);
      appended.push(...entry.updates);
    } else if (entry.kind === 'unlock') locked = false;
    else {
      locked = true;
      const sealed = JSON.parse(entry.lock.canonical) as ReturnType<typeof canonicalRecord>;
      expect(sealed.parties.length).toBeGreaterThan(0);
      expect(sealed.participants.length).toBeGreaterThan(0);
      expect(sealed.agenda.length).toBeGreaterThan(0);
      const asStored = new Y.Doc();
      applyStored(asStored, [initial, ...appended]);
      // The audit log's head is sealed beside the content: taken as the lock wrote it.
      const identity = { meetingId: meeting.meetingId, version: 1, previousRecordHash: null, auditHead: sealed.auditHead };
      expect(canonicalText(canonicalRecord(asStored, identity))).toBe(entry.lock.canonical);
    }
  }
}
