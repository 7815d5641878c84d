// A real Accord server on port 0 with a temporary DATA_DIR, and the fixtures posted to it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readConfig, type Config } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** Stops the server; the data folder stays for a restart until `cleanup`. */
  stop(): Promise<void>;
  cleanup(): void;
}

export async function startTestServer(overrides: Partial<Config> & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'accord-test-'));
  const config: Config = {
    ...readConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: ADMIN_TOKEN,
    seedDemo: false,
    ...overrides,
  };
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    wsUrl: `${server.url.replace(/^http/, 'ws')}/sync`,
    stop: () => server.close(),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A copy of the record's content as the server holds it now (the caller destroys it). */
export async function recordCopy(server: TestServer, documentId: string): Promise<Y.Doc> {
  const record = await server.services.storage.getRecord(documentId);
  if (!record) throw new Error(`no record ${documentId}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await server.services.rooms.read(record, (held) => Y.encodeStateAsUpdate(held)));
  return doc;
}

export function fixture(name: 'cmm04-th-la' | 'gms08-regional'): unknown {
  return JSON.parse(
    readFileSync(new URL(name === 'cmm04-th-la' ? '../../server/demo/cmm04-th-la.json' : '../fixtures/gms08-regional.json', import.meta.url), 'utf8'),
  );
}

export interface CreatedMeetingResponse {
  meetingId: string;
  documentId: string;
  invitations: { participantId: string; role: string; party: string; name: string; token: string; link: string }[];
}

export async function createMeeting(server: { url: string }, body: unknown = fixture('cmm04-th-la')): Promise<CreatedMeetingResponse> {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`creating the meeting failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedMeetingResponse;
}

/** The token of the first invitation with this role (and party, if given). */
export function tokenOf(meeting: CreatedMeetingResponse, role: string, party?: string): string {
  const invitation = meeting.invitations.find((i) => i.role === role && (party === undefined || i.party === party));
  if (!invitation) throw new Error(`no ${role} ${party ?? ''} invitation`);
  return invitation.token;
}
