// Production runs the build, not the source through a TypeScript loader: `npm start` builds
// the server into dist/server and starts it with plain node. Started from the build on an
// empty DATA_DIR, it seeds the demo, syncs, checkpoints in its worker thread, and stops
// cleanly; the verify command runs from the build too.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServer, childServer, type ChildServer } from '../helpers/child-server';
import { stockClient, synced, waitFor } from '../helpers/clients';
import { createMeeting, tokenOf } from '../helpers/server';

describe('the built server', () => {
  let server: ChildServer;
  let build = '';
  beforeAll(() => {
    build = builtServer();
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(build, { recursive: true, force: true });
  });

  it('starts with plain node, seeds the demo, serves a meeting, and stops cleanly', async () => {
    server = await childServer({ ACCORD_DEMO: '1', LOG_LEVEL: 'info' }, undefined, { entry: [`${build}/main.js`] });
    await server.start();
    await waitFor(() => server.output().includes('demo-invitations.txt'), 10_000, 'the demo seeded');
    const meeting = await createMeeting(server);
    const thai = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    const lao = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    try {
      await Promise.all([synced(thai), synced(lao)]);
      thai.doc.getText('notes').insert(0, 'ที่ประชุมรับทราบ');
      await waitFor(() => lao.doc.getText('notes').toString() === 'ที่ประชุมรับทราบ', 5000, 'the edit relayed');
    } finally {
      thai.destroy();
      lao.destroy();
    }
    expect(await server.kill('SIGTERM')).toBe(0);
    // The WAL checkpointer ran as its own file in its thread, not SQLite's fallback.
    expect(server.output()).not.toContain('checkpoint-worker-failed');
  });

  it('reads a roster file in its own thread, from the build (no TypeScript loader)', async () => {
    const worker = new Worker(new URL(`../../${build}/roster-worker.js`, import.meta.url));
    try {
      const csv = new TextEncoder().encode('party,role,name,title,agency\nTH,delegate,Somchai Jaidee,Director,Ministry of Social Development\n');
      const answers: unknown[] = [];
      worker.on('message', (m) => answers.push(m));
      await waitFor(() => answers.includes('ready'), 10_000, 'the reader ready');
      worker.postMessage({ bytes: csv, format: 'csv' });
      await waitFor(() => answers.length > 1, 10_000, 'the reading');
      expect(answers[1]).toMatchObject({ ok: true });
      expect(JSON.stringify(answers[1])).toContain('Somchai Jaidee');
    } finally {
      await worker.terminate();
    }
  });

  it('runs the verify command', () => {
    const notABundle = join(server.dataDir, 'not-a-bundle.json');
    writeFileSync(notABundle, '{"hello": "world"}');
    const run = spawnSync(process.execPath, [`${build}/cli.js`, 'verify', notABundle], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/NOT VALID|not valid|INVALID/i);
  });
});
