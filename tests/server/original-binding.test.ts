// The pages of an original are bound to the signature: an original is made again from the
// bundle it carries and compared byte for byte, so a page drawn over, a changed content
// stream, a swapped or removed attachment each make the file not valid, even though the
// attached bundle is genuine; and a bundle that not every party signed is not valid either.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedBundle } from '../../shared/signing/bundle';
import { verifyBundle } from '../../shared/signing/verify';
import { ORIGINAL_LAYOUT, originalFor } from '../../server/export/original';
import { writePdf } from '../../server/export/pdf/write-pdf';
import { NoAttachedBundle, verifyPdfOriginal } from '../../server/export/verify-original';
import { paintOverFirstPage, replaceSameLength } from '../helpers/pdf-surgery';
import { originalsFixture, signedFixture } from '../helpers/signed-record';
import { pdfPages, renderPages } from '../helpers/export-tools';
import { startTestServer, type TestServer } from '../helpers/server';

const run = promisify(execFile);
const VERIFY_PAGE = 'https://accord.example/verify';
const projectRoot = new URL('../..', import.meta.url).pathname;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

const make = (bundle: SignedBundle, party: string, record = bundle.record) => writePdf(originalFor({ record, bundle }, party, VERIFY_PAGE), new Date());

describe('an original PDF is bound to its signed bundle', () => {
  let myanmar: SignedBundle;
  let cambodia: SignedBundle;
  let original: Buffer;
  let server: TestServer;

  beforeAll(async () => {
    myanmar = signedFixture(originalsFixture('th-mm-chiang-mai')).bundle;
    cambodia = signedFixture(originalsFixture('th-kh-siem-reap')).bundle;
    original = await make(myanmar, 'MM');
    server = await startTestServer();
  }, 60_000);

  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('is made again with the same bytes, in this process and in another', async () => {
    expect(sha256(await make(myanmar, 'MM'))).toBe(sha256(original));
    const other = await run('node', ['--import', 'tsx', 'tests/helpers/original-digest.ts', 'th-mm-chiang-mai', 'MM'], { cwd: projectRoot });
    expect(other.stdout.trim()).toBe(sha256(original));
    // Another party's original is another file.
    expect(sha256(await make(myanmar, 'TH'))).not.toBe(sha256(original));
  });

  // Every original already issued is verified by being made again: a change to what an
  // original is made of (words, fonts, shaping, layout, pdfkit, fflate) must come with a new
  // ORIGINAL_LAYOUT, and a new digest here. On another machine, a difference here is a
  // difference that machine's verifier would make.
  it(`is the same file for ${ORIGINAL_LAYOUT} on every machine and in every version of Accord that makes that layout`, async () => {
    expect(ORIGINAL_LAYOUT).toBe('accord.original/2');
    expect(sha256(original)).toBe('e991b14f60d90654329f7dd99bc8a73c3139a88651c4e52b574e897200348707');
  });

  it("compresses with fflate, the same on every machine, never with Node's zlib (whose output follows the processor)", async () => {
    const native = zlib.deflateSync;
    let calls = 0;
    zlib.deflateSync = ((data: zlib.InputType) => (calls++, native(data))) as typeof zlib.deflateSync;
    try {
      expect(sha256(await make(myanmar, 'MM'))).toBe(sha256(original));
    } finally {
      zlib.deflateSync = native;
    }
    expect(calls).toBe(0);
  });

  it('the untouched original is VALID: the pages are exactly the signed record', async () => {
    const { verdict, party } = await verifyPdfOriginal(original);
    expect(verdict).toMatchObject({ valid: true, pages: 'identical', reasons: [], recordHash: myanmar.recordHash });
    expect(party).toBe('MM');
  });

  it('an incremental update that paints over page 1 is NOT VALID, though the bundle it carries is genuine', async () => {
    const painted = paintOverFirstPage(original);
    // The update is real: a reader draws the white box and the red bar over the first page.
    const [before, after] = [(await pdfPages(original))[0]!, (await pdfPages(painted))[0]!];
    expect(after).toBe(before);
    const [paintedPng] = await renderPages(painted, 'TM06-MM-painted-over', 30);
    const [genuinePng] = await renderPages(original, 'TM06-MM-genuine', 30);
    expect(readFileSync(paintedPng!).equals(readFileSync(genuinePng!))).toBe(false);
    const { verdict } = await verifyPdfOriginal(painted);
    expect(verdict.valid).toBe(false);
    expect(verdict.pages).toBe('differ');
    expect(verdict.reasons).toEqual([{ code: 'pages-differ', how: 'appended', at: painted.length - original.length }]);
    expect((await verifyBundle(myanmar)).valid).toBe(true);
  });

  it('a page whose text was changed, with the genuine bundle attached, is NOT VALID', async () => {
    const forgedRecord = structuredClone(myanmar.record);
    forgedRecord.agenda[1]!.minutes[0]!.text.en = [{ type: 'paragraph', runs: [{ text: 'Both delegations agreed that nothing needs to be done.' }] }];
    const forged = await make(myanmar, 'MM', forgedRecord);
    const { verdict } = await verifyPdfOriginal(forged);
    expect(codes(verdict.reasons)).toEqual(['pages-differ']);
    expect(verdict.reasons[0]).toMatchObject({ how: 'changed' });
  });

  it('a swapped attachment (another record, validly signed) is NOT VALID', async () => {
    // The Thailand–Myanmar pages, carrying the Thailand–Cambodia bundle.
    const swapped = await writePdf(originalFor({ record: myanmar.record, bundle: cambodia }, 'TH', VERIFY_PAGE), new Date());
    const { verdict } = await verifyPdfOriginal(swapped);
    expect(verdict.recordHash).toBe(cambodia.recordHash);
    expect(codes(verdict.reasons)).toEqual(['pages-differ']);
  });

  it('a removed attachment leaves nothing to verify, and a file naming another party is not its original', async () => {
    await expect(verifyPdfOriginal(replaceSameLength(original, '/Type /EmbeddedFile', '/Type /EmbeddedFilX'))).rejects.toThrow(NoAttachedBundle);
    const otherParty = replaceSameLength(original, '(MM)', '(TH)');
    expect(codes((await verifyPdfOriginal(otherParty)).verdict.reasons)).toEqual(['pages-differ']);
  });

  it('a PDF made before originals were stamped is checked for its bundle only, and says so', async () => {
    const earlier = replaceSameLength(original, '/AccordOriginal', '/AccordOrigin_l');
    const { verdict } = await verifyPdfOriginal(earlier);
    expect(verdict).toMatchObject({ valid: false, pages: 'unchecked', reasons: [{ code: 'pages-unchecked', layout: null }] });
    expect(verdict.parties.every((p) => p.signed)).toBe(true);
  });

  it('a bundle with no parties, or without every party signature, is NOT VALID', async () => {
    const empty = structuredClone(myanmar);
    empty.record.parties = [];
    empty.signatures = [];
    expect(codes((await verifyBundle(empty)).reasons)).toContain('no-parties');
    const lockedOnly = signedFixture(originalsFixture('th-mm-chiang-mai'), { signers: [] }).bundle;
    expect(codes((await verifyBundle(lockedOnly)).reasons)).toEqual(['unsigned', 'missing-party', 'missing-party']);
    const halfSigned = signedFixture(originalsFixture('th-mm-chiang-mai'), { signers: ['TH'] }).bundle;
    expect((await verifyBundle(halfSigned)).reasons).toEqual([{ code: 'missing-party', party: 'MM' }]);
  });

  it('POST /api/verify and the verify command take the PDF and compare its pages', async () => {
    const post = (bytes: Uint8Array) =>
      fetch(`${server.url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(bytes) }).then((r) => r.json());
    expect(await post(original)).toMatchObject({ valid: true, pages: 'identical' });
    const painted = await post(paintOverFirstPage(original));
    expect(painted).toMatchObject({ valid: false, pages: 'differ', reasons: [{ code: 'pages-differ', how: 'appended' }] });
    expect(painted.reasons[0].message).toContain('The pages differ from the signed record');

    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/accord-binding-');
    try {
      writeFileSync(`${dir}/TM06-MM-original.pdf`, paintOverFirstPage(original));
      const cli = await run('node', ['--import', 'tsx', 'server/cli.ts', 'verify', `${dir}/TM06-MM-original.pdf`], { cwd: projectRoot }).catch(
        (err: { stdout: string; code: number }) => err,
      );
      expect(cli.stdout.split('\n')[0]).toBe('INVALID');
      expect(cli.stdout).toContain('pages:       NOT the signed record');
      expect(cli.stdout).toContain('The pages differ from the signed record');
      writeFileSync(`${dir}/TM06-MM-original.pdf`, original);
      const valid = await run('node', ['--import', 'tsx', 'server/cli.ts', 'verify', `${dir}/TM06-MM-original.pdf`], { cwd: projectRoot });
      expect(valid.stdout.split('\n')[0]).toBe('VALID');
      expect(valid.stdout).toContain('pages:       exactly the signed record');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
