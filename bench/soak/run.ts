// Soak: 50 records, people joining, typing and leaving for 10 minutes (SOAK_MINUTES to
// change). Then everyone leaves: memory must come back to its baseline and no record may
// stay loaded. Not part of CI's test run: `node --import tsx bench/soak/run.ts`.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RECORDS = 50;
const ADMIN = 'soak-admin-token-0123456789abcdef0123';

interface Stats {
  heapUsed: number;
  rss: number;
  openRecords: number;
}

const child = fork(new URL('./server.ts', import.meta.url).pathname, [], {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  env: { ...process.env, ACCORD_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'error' },
});
const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
const stats = () =>
  new Promise<Stats>((resolve) => {
    child.once('message', (m: Stats) => resolve(m));
    child.send({ type: 'stats' });
  });
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const fixture = readFileSync(new URL('../../server/demo/cmm04-th-la.json', import.meta.url), 'utf8');
const records: { documentId: string; tokens: string[] }[] = [];
for (let i = 0; i < RECORDS; i++) {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: fixture,
  });
  const created = (await res.json()) as { documentId: string; invitations: { role: string; token: string }[] };
  records.push({ documentId: created.documentId, tokens: created.invitations.filter((x) => x.role !== 'observer').map((x) => x.token) });
}

await new Promise((r) => setTimeout(r, 2000));
const baseline = await stats();
console.log(`baseline after creating ${RECORDS} records: heap ${mb(baseline.heapUsed)}, rss ${mb(baseline.rss)}, open ${baseline.openRecords}`);

const live = new Set<{ provider: WebsocketProvider; doc: Y.Doc }>();
const join = () => {
  const record = records[Math.floor(Math.random() * records.length)]!;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, record.documentId, doc, {
    params: { token: record.tokens[Math.floor(Math.random() * record.tokens.length)]! },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalStateField('user', { name: 'soak' });
  live.add({ provider, doc });
};
const leave = () => {
  const [first] = live;
  if (!first) return;
  first.provider.destroy();
  first.doc.destroy();
  live.delete(first);
};

const end = Date.now() + MINUTES * 60_000;
let edits = 0;
let joins = 0;
while (Date.now() < end) {
  if (live.size < 150 && Math.random() < 0.6) {
    join();
    joins++;
  }
  if (live.size > 20 && Math.random() < 0.4) leave();
  for (const { doc } of live) {
    if (Math.random() < 0.3) {
      doc.getText('soak').insert(0, 'ประชุม ');
      edits++;
    }
  }
  await new Promise((r) => setTimeout(r, 50));
  if (Math.random() < 0.002) {
    const s = await stats();
    console.log(
      `t+${Math.round((MINUTES * 60_000 - (end - Date.now())) / 1000)}s: ${live.size} clients, heap ${mb(s.heapUsed)}, rss ${mb(s.rss)}, open ${s.openRecords}`,
    );
  }
}
const peak = await stats();
while (live.size > 0) leave();
await new Promise((r) => setTimeout(r, 5000));
const after = await stats();
console.log(`${joins} joins, ${edits} edits over ${MINUTES} min`);
console.log(`with clients: heap ${mb(peak.heapUsed)}, rss ${mb(peak.rss)}, open ${peak.openRecords}`);
console.log(`after all left: heap ${mb(after.heapUsed)} (baseline ${mb(baseline.heapUsed)}), rss ${mb(after.rss)}, open ${after.openRecords}`);
const heapGrowth = after.heapUsed - baseline.heapUsed;
const ok = after.openRecords === 0 && heapGrowth < 10 * 1024 * 1024;
console.log(ok ? `PASS: heap within ${mb(heapGrowth)} of baseline, no record loaded` : 'FAIL: memory did not return or records stayed loaded');
child.disconnect();
process.exit(ok ? 0 : 1);
