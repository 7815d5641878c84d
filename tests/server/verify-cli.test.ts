import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignedBundle } from '../../shared/signing/bundle';
import { displayFingerprint } from '../../shared/signing/fingerprint';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { signedBundleText } from '../helpers/lifecycle';

const projectRoot = new URL('../..', import.meta.url).pathname;

/**
 * `npm run accord -- verify …`, the command as people type it. Run without blocking: the
 * server lives in this process, and a blocked event loop closes its idle keep-alive
 * connections late, just as the next request reuses one (ECONNRESET).
 */
function accordVerify(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'accord', '--', 'verify', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

describe('npm run accord -- verify <bundle>', () => {
  let server: TestServer;
  let dir: string;
  let bundleText: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  let meeting: CreatedMeetingResponse;
  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
    bundleText = await signedBundleText(server, meeting);
    dir = mkdtempSync(join(tmpdir(), 'accord-cli-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
    server.cleanup();
  });

  it('says VALID, with the record, its fingerprint and each signer, and exits 0', async () => {
    const bundle = JSON.parse(bundleText) as SignedBundle;
    const thai = bundle.signatures.find((s) => s.party === 'TH')!;
    const run = await accordVerify(file('signed.accord.json', bundleText), '--trust', `TH=${thai.keyFingerprint.slice(0, 32)}`);
    expect(run.stdout.split('\n')[0]).toBe('VALID');
    expect(run.stdout).toContain('CMM 04, version 1');
    expect(run.stdout).toContain(`record hash: ${bundle.recordHash}`);
    expect(run.stdout).toContain(`fingerprint: ${displayFingerprint(bundle.recordHash)}`);
    expect(run.stdout).toContain('TH: signed by Jatuporn Rojanapanich, Deputy Permanent Secretary');
    expect(run.stdout).toMatch(/LA: signed by Brigadier General Kongsavath Bounleang/);
    expect(run.status).toBe(0);
  });

  it('says INVALID, with the reasons, and exits 1 for a copy with one character changed', async () => {
    const changed = bundleText.replace('"code": "CMM 04"', '"code": "CMM 05"');
    expect(changed).not.toBe(bundleText);
    const run = await accordVerify(file('changed.accord.json', changed));
    expect(run.stdout.split('\n')[0]).toBe('INVALID');
    expect(run.stdout).toContain('The record as written in the bundle differs from its canonical bytes');
    expect(run.stdout).toContain('The record hash does not match the record');
    expect(run.stdout).toContain('TH: not validly signed');
    expect(run.status).toBe(1);
  });

  it('says INVALID for a key that is not the one trusted, and for a file that is not a bundle', async () => {
    const untrusted = await accordVerify(file('signed.accord.json', bundleText), '--trust', `LA=${'0'.repeat(32)}`);
    expect(untrusted.stdout).toContain("LA's key has fingerprint");
    expect(untrusted.status).toBe(1);
    const notJson = await accordVerify(file('minutes.txt', 'minutes of the meeting'));
    expect(notJson.stdout).toContain('INVALID');
    expect(notJson.status).toBe(1);
    expect((await accordVerify(join(dir, 'missing.json'))).status).toBe(1);
    const misused = await accordVerify();
    expect(misused.stderr).toContain('usage: npm run accord -- verify');
    expect(misused.status).toBe(2);
  });

  it('takes the original PDF itself: VALID for the file as exported, INVALID for a PDF without the bundle', async () => {
    const res = await fetch(`${server.url}/api/meetings/${meeting.meetingId}/export/pdf?original=LA`, {
      headers: { authorization: `Bearer ${tokenOf(meeting, 'head', 'LA')}` },
    });
    expect(res.status).toBe(200);
    const pdf = join(dir, 'CMM04-LA-original.pdf');
    writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
    const valid = await accordVerify(pdf);
    expect(valid.stdout.split('\n')[0]).toBe('VALID');
    expect(valid.status).toBe(0);
    const bare = file('not-ours.pdf', '%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const refused = await accordVerify(bare);
    expect(refused.status).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/bundle/i);
  });

  it('says where the audit log stood when the record was locked', async () => {
    const bundle = JSON.parse(bundleText) as SignedBundle;
    const run = await accordVerify(file('head.accord.json', bundleText));
    expect(run.stdout).toContain(`audit log:   ${bundle.record.auditHead!.length} entries when locked, the last sealed ${bundle.record.auditHead!.hash}`);
  });

  it('a reader that closes the pipe early (… | head) ends the command quietly, with its verdict’s exit code', async () => {
    const path = file('piped.accord.json', bundleText);
    const runs: [reader: string, bundle: string, code: string][] = [
      ['true', path, '0'],
      ['head -c 1', path, '0'],
      ['true', file('changed.accord.json', bundleText.replace('"version": 1', '"version": 2')), '1'],
    ];
    for (const [reader, bundle, code] of runs) {
      const run = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
        const script = `node --import tsx server/cli.ts verify "$1" | ${reader}; echo "exit \${PIPESTATUS[0]}"`;
        execFile('bash', ['-c', script, 'piped', bundle], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 }, (_err, stdout, stderr) =>
          resolve({ stdout, stderr }),
        );
      });
      expect(run.stdout).toContain(`exit ${code}`);
      expect(run.stderr).not.toMatch(/EPIPE|Error/);
    }
  });
});
