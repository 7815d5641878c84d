// npm run bench:waterfall -- [--profile hotel] [--record gms08] [--client-dir DIR]
//
// The request waterfall from an invitation link to the first editable cell, on one network
// profile: every request the page makes (and the socket's handshake and frames), when it
// starts and ends relative to the link, its bytes on the wire, and who asked for it (the
// parser, a script, a stylesheet). Where bench:client says how long, this says why: the round
// trips that follow one another before a delegate can type.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../lib/processes';
import { ADMIN_TOKEN } from '../lib/rooms';
import { REPO_ROOT } from '../lib/traces';
import { emulate, FIRST_EDITABLE, launch, PROFILES } from './measure';
import { buildClient, createRecord, type RecordName } from './run';

interface Row {
  name: string;
  initiator: string;
  startMs: number;
  responseMs?: number;
  endMs?: number;
  bytes: number;
}

interface RequestEvent {
  requestId: string;
  timestamp: number;
  request: { url: string; method: string };
  initiator: { type: string; url?: string; stack?: { callFrames: { url: string }[] } };
}

const shortName = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/^wss?:\/\/[^/]+/, 'ws:');

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'hotel' },
    record: { type: 'string', default: 'gms08' },
    'client-dir': { type: 'string' },
  },
});
const profile = PROFILES[values.profile!]!;
// The working tree's client, built as bench:client builds it, unless another is named.
if (!values['client-dir']) await buildClient();
const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-waterfall-'));
const server = await startServer('accord', {
  dataDir,
  adminToken: ADMIN_TOKEN,
  env: { ACCORD_CLIENT_DIR: values['client-dir'] ?? join(REPO_ROOT, 'dist/client') },
});
const browser = await launch();
try {
  const record = await createRecord(server.port, values.record as RecordName, 0);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await emulate(page, profile);
  const rows = new Map<string, Row>();
  // CDP's timestamps are monotonic seconds; the first request (the link) is time zero.
  let zero = Number.NaN;
  const at = (timestamp: number) => Math.round((timestamp - zero) * 1000);
  cdp.on('Network.requestWillBeSent', (e: RequestEvent) => {
    if (Number.isNaN(zero)) zero = e.timestamp;
    const caller = e.initiator.url ?? e.initiator.stack?.callFrames[0]?.url ?? '';
    rows.set(e.requestId, {
      name: `${e.request.method} ${shortName(e.request.url)}`.slice(0, 90),
      initiator: `${e.initiator.type}${caller ? ` ${shortName(caller)}` : ''}`.slice(0, 60),
      startMs: at(e.timestamp),
      bytes: 0,
    });
  });
  cdp.on('Network.responseReceived', (e: { requestId: string; timestamp: number }) => {
    const row = rows.get(e.requestId);
    if (row) row.responseMs = at(e.timestamp);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    const row = rows.get(e.requestId);
    if (row) Object.assign(row, { endMs: at(e.timestamp), bytes: e.encodedDataLength });
  });
  cdp.on('Network.webSocketCreated', (e: { requestId: string; url: string; initiator?: RequestEvent['initiator'] }) => {
    rows.set(e.requestId, { name: `WS ${shortName(e.url).replace(/token=[^&]+/, 'token=…')}`, initiator: 'script', startMs: Number.NaN, bytes: 0 });
  });
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e: { requestId: string; timestamp: number }) => {
    const row = rows.get(e.requestId);
    if (row) row.startMs = at(e.timestamp);
  });
  cdp.on('Network.webSocketHandshakeResponseReceived', (e: { requestId: string; timestamp: number }) => {
    const row = rows.get(e.requestId);
    if (row) row.responseMs = at(e.timestamp);
  });
  const frames: string[] = [];
  const frame = (direction: string) => (e: { requestId: string; timestamp: number; response: { payloadData: string } }) => {
    const bytes = Math.ceil((e.response.payloadData.length * 3) / 4);
    const row = rows.get(e.requestId);
    if (row) row.bytes += bytes;
    frames.push(`${String(at(e.timestamp)).padStart(6)} ms  ws ${direction} ${bytes} B`);
  };
  cdp.on('Network.webSocketFrameReceived', frame('←'));
  cdp.on('Network.webSocketFrameSent', frame('→'));

  const started = Date.now();
  await page.goto(`http://127.0.0.1:${server.port}/join#${record.reader}`, { waitUntil: 'commit' });
  await page.locator(FIRST_EDITABLE).first().waitFor({ timeout: 120_000 });
  const editableMs = Date.now() - started;
  await page.locator('[data-link="connected"]').waitFor({ timeout: 120_000 });
  const connectedMs = Date.now() - started;

  console.log(`${profile.name}, ${values.record}: first editable at ${editableMs} ms, connected at ${connectedMs} ms (wall clock from goto)`);
  console.log('start ms  response  end ms   bytes  request  ← initiator');
  for (const r of [...rows.values()].sort((a, b) => a.startMs - b.startMs))
    console.log(
      `${String(r.startMs).padStart(6)}  ${String(r.responseMs ?? '').padStart(8)}  ${String(r.endMs ?? '').padStart(6)}  ${String(r.bytes).padStart(7)}  ${r.name}  ← ${r.initiator}`,
    );
  console.log(frames.slice(0, 12).join('\n'));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
