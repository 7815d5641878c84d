// A record's queue does not wait for storage: an update that arrives while another is being
// stored is applied at once and relayed in the same turn, still only once it is stored, and
// in the order the updates came. What follows an update (the caret that moved with it, a
// joiner's copy of the record) is sent after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import { openSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/storage';
import { Room } from '../../server/sync/room';
import { Connection } from '../../server/sync/connection';
import { localFanout } from '../../server/scale/fanout';
import { DEFAULT_AWARENESS_LIMITS } from '../../server/sync/awareness-check';
import { DEFAULT_FLOOD_LIMITS } from '../../server/sync/flood-guard';
import { CloseCode, MessageType } from '../../shared/protocol';
import { turnCounter } from '../helpers/turns';

/** Every write to every recording socket, numbered in the order it happened. */
let written = 0;

interface Received {
  turn: number;
  order: number;
  kind: 'update' | 'step2' | 'awareness' | 'other';
  /** For an update or step 2: the text it leaves a copy of the record with. */
  bytes: Uint8Array;
}

/** A socket that keeps what the server wrote to it, and in which turn. */
function recordingSocket(turns: { readonly turn: number }, received: Received[]): WebSocket {
  return {
    readyState: 1,
    OPEN: 1,
    CLOSING: 2,
    CLOSED: 3,
    send(message: Uint8Array) {
      const d = decoding.createDecoder(message);
      const type = decoding.readVarUint(d);
      let kind: Received['kind'] = 'other';
      let bytes: Uint8Array = new Uint8Array();
      if (type === MessageType.sync) {
        const step = decoding.readVarUint(d);
        if (step === syncProtocol.messageYjsUpdate || step === syncProtocol.messageYjsSyncStep2) {
          kind = step === syncProtocol.messageYjsUpdate ? 'update' : 'step2';
          bytes = decoding.readVarUint8Array(d);
        }
      } else if (type === MessageType.awareness) kind = 'awareness';
      received.push({ turn: turns.turn, order: ++written, kind, bytes });
    },
    close() {},
  } as unknown as WebSocket;
}

const updateMessage = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
};

const step1Message = (stateVector: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
};

const caretMessage = (doc: Y.Doc) => {
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'typist' }, cursor: { at: doc.getText('notes').length } });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  return encoding.toUint8Array(e);
};

/** One typed edit, as the typist's provider sends it. */
function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('notes').toString();
};

describe('a record whose updates are being stored', () => {
  let dataDir: string;
  let storage: Storage;
  let room: Room | null = null;
  let turns: ReturnType<typeof turnCounter> | null = null;

  afterEach(async () => {
    turns?.stop();
    await room?.shutdown(CloseCode.serviceRestart, 'test over');
    await storage?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function openRoom(): Promise<{ room: Room; documentId: string }> {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-pipeline-'));
    storage = await openSqliteStorage(dataDir);
    const documentId = 'record-1';
    const now = new Date().toISOString();
    const record = { documentId, meetingId: 'meeting-1', version: 1, state: 'draft' as const, recordHash: null, createdAt: now };
    await storage.createMeeting(
      { id: 'meeting-1', code: 'TEST-1', createdAt: now, currentDocumentId: documentId },
      record,
      Y.encodeStateAsUpdate(new Y.Doc()),
      [],
    );
    room = await Room.load(documentId, {
      storage,
      fanout: localFanout(),
      floodLimits: DEFAULT_FLOOD_LIMITS,
      awarenessLimits: DEFAULT_AWARENESS_LIMITS,
      compactAfterUpdates: 500,
      idleDocumentMs: 0,
      catchUpCheckMs: 0,
      statusOf: async () => ({ record, signatures: [], supersededBy: null }),
      auditRefusal: () => undefined,
    });
    return { room, documentId };
  }

  function participant(name: string, received: Received[]): Connection {
    const connection = new Connection(recordingSocket(turns!, received), {
      invitationId: `invitation-${name}`,
      participantId: name,
      name,
      actor: { role: 'delegate', party: 'TH' },
      sessionHash: null,
    });
    room!.join(connection);
    return connection;
  }

  it('relays updates from two typists that arrive in one turn in that same turn, in order, once stored', async () => {
    const { room, documentId } = await openRoom();
    turns = turnCounter();
    const reader: Received[] = [];
    const first = participant('first', []);
    const second = participant('second', []);
    participant('reader', reader);
    await room.exclusive(() => undefined);
    // The room's document is built, as it is for a record being edited.
    room.receive(first, updateMessage(typed('warm ')));
    await room.exclusive(() => undefined);
    reader.length = 0;

    for (let round = 0; round < 10; round++) {
      const a = typed(`first ${round} `);
      const b = typed(`second ${round} `);
      // The counter ticks at the end of each turn, just before the commit pass.
      const endOfArrival = turns.turn + 1;
      room.receive(first, updateMessage(a));
      room.receive(second, updateMessage(b));
      const until = Date.now() + 5000;
      while (reader.filter((r) => r.kind === 'update').length < 2 && Date.now() < until) await new Promise((r) => setImmediate(r));
      const updates = reader.filter((r) => r.kind === 'update');
      expect(updates.map((u) => u.bytes)).toEqual([a, b]);
      expect(updates.map((u) => u.turn)).toEqual([endOfArrival, endOfArrival]);
      reader.length = 0;
    }
    // Both were stored, every round.
    const stored = await storage.loadRecord(documentId);
    const text = textOf([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]);
    for (let round = 0; round < 10; round++) expect(text).toContain(`second ${round} `);
  });

  it('sends the caret that moved with an update after the update, and a joiner’s copy with it', async () => {
    const { room } = await openRoom();
    turns = turnCounter();
    const reader: Received[] = [];
    const joiner: Received[] = [];
    const typist = participant('typist', []);
    participant('reader', reader);
    room.receive(typist, updateMessage(typed('warm ')));
    await room.exclusive(() => undefined);
    reader.length = 0;

    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'the agreed text');
    const late = participant('late', joiner);
    await room.exclusive(() => undefined);
    joiner.length = 0;
    room.receive(typist, updateMessage(Y.encodeStateAsUpdate(doc)));
    room.receive(typist, caretMessage(doc));
    room.receive(late, step1Message(new Uint8Array([0])));
    await room.exclusive(() => undefined);
    await new Promise((r) => setImmediate(r));

    // Only the update and its caret are in question; a status the room sends on its own (on a
    // loaded machine, a timer may fire in between) is neither.
    const relayed = reader.filter((r) => r.kind !== 'other');
    expect(relayed.map((r) => r.kind)).toEqual(['update', 'awareness']);
    // The joiner's copy holds the update, and leaves only once the update is stored and relayed.
    const step2 = joiner.find((r) => r.kind === 'step2');
    expect(step2 && textOf([step2.bytes])).toContain('the agreed text');
    expect(step2!.order).toBeGreaterThan(relayed[0]!.order);
  });
});
