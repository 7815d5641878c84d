// An update is stored at the end of the turn it arrived in, and what the server sends once
// it is stored leaves in that same turn: the sockets are not uncorked a turn later, after
// whatever else came in meanwhile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/storage';
import { commitAtTurnEnd, sendAtTurnEnd } from '../../server/turn-end';
import { turnCounter } from '../helpers/turns';

describe('the end of a turn', () => {
  let dataDir: string;
  let storage: Storage;

  afterEach(async () => {
    await storage?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends what was committed in the turn it was committed', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-turn-end-'));
    storage = await openSqliteStorage(dataDir);
    const documentId = 'record-1';
    await storage.createMeeting(
      { id: 'meeting-1', code: 'TEST-1', createdAt: new Date().toISOString(), currentDocumentId: documentId },
      { documentId, meetingId: 'meeting-1', version: 1, state: 'draft', recordHash: null, createdAt: new Date().toISOString() },
      Y.encodeStateAsUpdate(new Y.Doc()),
      [],
    );
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const turns = turnCounter();
    try {
      for (let i = 0; i < 20; i++) {
        const sent = await new Promise<{ committedIn: number; sentIn: number }>((resolve) => {
          void storage.appendUpdates(documentId, [Y.encodeStateAsUpdate(doc)]).then(() => {
            const committedIn = turns.turn;
            sendAtTurnEnd(() => resolve({ committedIn, sentIn: turns.turn }));
          });
        });
        expect(sent.sentIn).toBe(sent.committedIn);
      }
    } finally {
      turns.stop();
    }
    expect((await storage.loadRecord(documentId)).updates).toHaveLength(20);
  });

  it('runs every step even when one throws, and keeps the server up', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-turn-end-'));
    storage = await openSqliteStorage(dataDir);
    const ran: string[] = [];
    await new Promise<void>((resolve) => {
      commitAtTurnEnd(() => {
        throw new Error('a broken step');
      });
      commitAtTurnEnd(() => ran.push('commit'));
      sendAtTurnEnd(() => {
        ran.push('send');
        resolve();
      });
    });
    expect(ran).toEqual(['commit', 'send']);
  });
});
