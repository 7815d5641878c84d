// An original made by Accord on one Node verifies on another: the PDF and the Word file made
// here (Node 20, the source through tsx) are made again, byte for byte, by the built command
// line on Node 24 (the one scripts/node24.mjs installs for npm test). Their compression is fflate's,
// their shaping HarfBuzz's WebAssembly, their fonts the pinned packages': nothing of the
// platform's enters the bytes.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { originalFor } from '../../server/export/original';
import { writeDocx } from '../../server/export/docx/write-docx';
import { writePdf } from '../../server/export/pdf/write-pdf';
import { node24Binary } from '../../scripts/node24.mjs';
import { builtServer } from '../helpers/child-server';
import { originalsFixture, signedFixture } from '../helpers/signed-record';

const run = promisify(execFile);

describe('an original verified on another Node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-node24-original-'));
  let build = '';
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('is the same file to the built verify command on Node 24, PDF and Word', async () => {
    build = builtServer();
    const { bundle } = signedFixture(originalsFixture('th-kh-siem-reap'));
    const original = originalFor({ record: bundle.record, bundle }, 'KH', 'https://accord.example/verify');
    writeFileSync(join(dir, 'JWG09-KH-original.pdf'), await writePdf(original, new Date()));
    writeFileSync(join(dir, 'JWG09-KH-original.docx'), await writeDocx(original, new Date()));
    for (const file of ['JWG09-KH-original.pdf', 'JWG09-KH-original.docx']) {
      const { stdout } = await run(node24Binary, [`${build}/cli.js`, 'verify', join(dir, file)]);
      expect(stdout.split('\n')[0], file).toBe('VALID');
      expect(stdout).toContain('pages:       exactly the signed record');
    }
  }, 120_000);
});
