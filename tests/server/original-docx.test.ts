// The Word original as the PDF: the same bytes from the same bundle, its fonts embedded under
// the names its runs give them, its bundle inside, and verified by being made again.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as hb from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignedBundle } from '../../shared/signing/bundle';
import { originalFor } from '../../server/export/original';
import { writeDocx } from '../../server/export/docx/write-docx';
import { qrPng } from '../../server/export/docx/qr-png';
import { NoAttachedBundle, verifyDocxOriginal } from '../../server/export/verify-original';
import { originalsFixture, signedFixture } from '../helpers/signed-record';

const VERIFY_PAGE = 'https://accord.example/verify';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** De-obfuscates an embedded font (ECMA-376: its first 32 bytes XOR the key's bytes, last first). */
function embeddedFont(odttf: Uint8Array, fontKey: string): Uint8Array {
  const key = (fontKey.replace(/[{}-]/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = new Uint8Array(odttf);
  for (let i = 0; i < 32; i++) out[i] = out[i]! ^ key[i % 16]!;
  return out;
}

describe('a Word original', () => {
  let bundle: SignedBundle;
  let docx: Buffer;
  beforeAll(async () => {
    bundle = signedFixture(originalsFixture('th-mm-chiang-mai')).bundle;
    docx = await writeDocx(originalFor({ record: bundle.record, bundle }, 'MM', VERIFY_PAGE), new Date());
  }, 60_000);

  it('is made again with the same bytes', async () => {
    const again = await writeDocx(originalFor({ record: bundle.record, bundle }, 'MM', VERIFY_PAGE), new Date(Date.now() + 86_400_000));
    expect(sha256(again)).toBe(sha256(docx));
  });

  it("compresses nothing with Node's zlib, whose output can follow the processor", async () => {
    const deflateSync = zlib.deflateSync;
    let calls = 0;
    zlib.deflateSync = ((data: zlib.InputType) => (calls++, deflateSync(data))) as typeof zlib.deflateSync;
    let made: Buffer;
    try {
      made = await writeDocx(originalFor({ record: bundle.record, bundle }, 'TH', VERIFY_PAGE), new Date());
    } finally {
      zlib.deflateSync = deflateSync;
    }
    expect(calls).toBe(0);
    // The QR code's image too is deflated by fflate.
    expect(Buffer.from(unzipSync(made)['word/media/image1.png']!).equals(qrPng(`${VERIFY_PAGE}?record=${bundle.recordHash}`, 6))).toBe(true);
  });

  it('embeds every font its runs name, under that name, so Word needs none installed', () => {
    const files = unzipSync(docx);
    const named = new Set([...strFromU8(files['word/document.xml']!).matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]!));
    expect([...named]).toEqual(expect.arrayContaining(['Noto Sans Myanmar', 'Sarabun', 'Noto Sans']));
    const table = strFromU8(files['word/fontTable.xml']!);
    const rels = strFromU8(files['word/_rels/fontTable.xml.rels']!);
    for (const name of named) {
      const entry = new RegExp(`<w:font w:name="${name}">(.*?)</w:font>`).exec(table)?.[1];
      expect(entry, name).toBeDefined();
      const [, id, key] = /<w:embedRegular r:id="(rId\d+)" w:fontKey="(\{[^}]+\})"/.exec(entry!)!;
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const font = embeddedFont(files[`word/${target}`]!, key!);
      expect(new hb.Face(new hb.Blob(font)).getName(1, 'en'), name).toBe(name);
    }
  });

  it('verifies as exactly the signed record, and not when a word of it was changed', async () => {
    const { verdict, party } = await verifyDocxOriginal(docx);
    expect(verdict).toMatchObject({ valid: true, pages: 'identical', recordHash: bundle.recordHash });
    expect(party).toBe('MM');

    const files = unzipSync(docx);
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']!).replace('Jatuporn Rojanapanich', 'Someone Else'));
    const changed = Buffer.from(zipSync(files));
    expect(codes((await verifyDocxOriginal(changed)).verdict.reasons)).toEqual(['pages-differ']);

    delete files['accord/bundle.json'];
    await expect(verifyDocxOriginal(Buffer.from(zipSync(files)))).rejects.toThrow(NoAttachedBundle);
  }, 60_000);
});

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);
