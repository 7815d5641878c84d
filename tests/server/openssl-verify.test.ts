import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalize } from '../../shared/record/jcs';
import { encodeBase64 } from '../../shared/signing/base64';
import { bundleFileText, type SignedBundle } from '../../shared/signing/bundle';
import { createMeeting, startTestServer, type TestServer } from '../helpers/server';
import { signedBundleText } from '../helpers/lifecycle';

/** The script of docs/record-format.md §7, exactly as the page gives it. */
function documentedProcedure(): string {
  const page = readFileSync(new URL('../../docs/record-format.md', import.meta.url), 'utf8');
  const block = /<!-- openssl-procedure:start -->\n```sh\n([\s\S]*?)```\n<!-- openssl-procedure:end -->/.exec(page);
  if (!block) throw new Error('docs/record-format.md has no marked OpenSSL procedure');
  return block[1]!;
}

describe('the OpenSSL procedure of docs/record-format.md, on a real bundle', () => {
  let server: TestServer;
  let bundleText: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    bundleText = await signedBundleText(server, await createMeeting(server));
  });
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await server.stop();
    server.cleanup();
  });

  function runProcedure(bundle: string) {
    const dir = mkdtempSync(join(tmpdir(), 'accord-openssl-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'bundle.json'), bundle);
    writeFileSync(join(dir, 'verify.sh'), documentedProcedure());
    const run = spawnSync('sh', ['verify.sh'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    return { status: run.status, output: `${run.stdout}${run.stderr}`, dir };
  }

  it('verifies the record hash and each party’s signature with OpenSSL alone', () => {
    const bundle = JSON.parse(bundleText) as SignedBundle;
    const { status, output, dir } = runProcedure(bundleText);
    expect(output).toContain(`record hash computed: ${bundle.recordHash}`);
    expect(output.match(/Signature Verified Successfully/g)).toHaveLength(2);
    for (const [i, signature] of bundle.signatures.entries()) {
      expect(output).toContain(`key ${i + 1} fingerprint: ${signature.keyFingerprint}`);
    }
    expect(status).toBe(0);
    // What OpenSSL hashed is the canonical record itself, readable as JSON.
    expect(JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8'))).toEqual(bundle.record);
  });

  it('fails on a statement changed after signing, and on a changed record', () => {
    const statementChanged = JSON.parse(bundleText) as SignedBundle;
    const first = statementChanged.signatures[0]!;
    first.statement.signedAt = '2025-03-12T00:00:00.000Z';
    first.statementBytes = encodeBase64(new TextEncoder().encode(canonicalize(first.statement)));
    const refused = runProcedure(bundleFileText(statementChanged));
    expect(refused.output).toContain('Signature Verification Failure');
    expect(refused.status).not.toBe(0);

    const recordChanged = JSON.parse(bundleText) as SignedBundle;
    recordChanged.record.meeting.venue.en = 'Elsewhere';
    recordChanged.recordBytes = encodeBase64(new TextEncoder().encode(canonicalize(recordChanged.record)));
    const mismatch = runProcedure(bundleFileText(recordChanged));
    expect(mismatch.output).toContain('RECORD HASH MISMATCH');
    expect(mismatch.status).not.toBe(0);
  });
});
