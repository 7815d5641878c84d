// Rooms on each server. Accord's are meetings made through its API (POST /api/meetings
// with a fixture), joined with their invitation tokens; the peers take any name.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoomAccess } from './plans';
import { isAccord, type ServerKind } from './wire';
import { REPO_ROOT } from './traces';

export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export type FixtureName = 'cmm04-th-la' | 'gms08-regional';

const FIXTURES: Record<FixtureName, string> = {
  'cmm04-th-la': 'server/demo/cmm04-th-la.json',
  'gms08-regional': 'tests/fixtures/gms08-regional.json',
};

const fixtureCache = new Map<FixtureName, unknown>();
function fixture(name: FixtureName): unknown {
  let body = fixtureCache.get(name);
  if (!body) fixtureCache.set(name, (body = JSON.parse(readFileSync(join(REPO_ROOT, FIXTURES[name]), 'utf8'))));
  return body;
}

interface CreatedMeeting {
  documentId: string;
  invitations: { role: string; party: string; token: string }[];
}

const WRITERS = new Set(['delegate', 'head', 'secretariat']);

export async function createAccordRoom(port: number, fixtureName: FixtureName): Promise<RoomAccess> {
  const res = await fetch(`http://127.0.0.1:${port}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(fixture(fixtureName)),
  });
  if (res.status !== 201) throw new Error(`POST /api/meetings answered ${res.status}: ${await res.text()}`);
  const meeting = (await res.json()) as CreatedMeeting;
  const writers = meeting.invitations.filter((i) => WRITERS.has(i.role)).map((i) => i.token);
  const observers = meeting.invitations.filter((i) => !WRITERS.has(i.role)).map((i) => i.token);
  if (writers.length === 0) throw new Error(`${fixtureName} has no participant who may write`);
  // Typists take writers from the front; readers take observers, then writers from the back.
  return { docName: meeting.documentId, writerTokens: writers, readerTokens: [...observers, ...writers.slice().reverse()] };
}

export async function createRooms(kind: ServerKind, port: number, count: number, fixtureName: FixtureName): Promise<RoomAccess[]> {
  const rooms: RoomAccess[] = [];
  for (let i = 0; i < count; i++) {
    if (isAccord(kind)) rooms.push(await createAccordRoom(port, fixtureName));
    else rooms.push({ docName: `bench-${randomBytes(6).toString('hex')}-${i}`, writerTokens: ['bench'], readerTokens: ['bench'] });
  }
  return rooms;
}
