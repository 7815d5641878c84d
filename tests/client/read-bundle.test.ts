import { describe, expect, it } from 'vitest';
import { readBundleFile, UnreadableFile } from '../../client/features/verify/read-bundle';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bundle = { format: 'accord.signed-bundle/1', recordHash: '0'.repeat(64) };

/** A PDF as Accord writes one: the bundle as an uncompressed embedded file stream. */
function pdfCarrying(json: string): Uint8Array {
  const body = utf8(json);
  return utf8(
    `%PDF-1.7\n4 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length ${body.length} >>\nstream\n${json}\nendstream\nendobj\ntrailer\n%%EOF\n`,
  );
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readBundleFile(bytes);
    return 'read';
  } catch (err) {
    return err instanceof UnreadableFile ? err.code : 'other';
  }
}

describe('a file dropped on the verify page', () => {
  it('reads a signed bundle file', async () => {
    expect(await readBundleFile(utf8(JSON.stringify(bundle, null, 2)))).toEqual({ bundle, from: 'json' });
  });

  it('reads the bundle attached to an exported PDF', async () => {
    expect(await readBundleFile(pdfCarrying(JSON.stringify(bundle)))).toEqual({ bundle, from: 'pdf' });
  });

  it('says what is wrong with anything else', async () => {
    expect(await refusal(new Uint8Array())).toBe('empty');
    expect(await refusal(utf8('minutes, draft'))).toBe('not-json');
    expect(await refusal(Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]))).toBe('not-json');
    expect(await refusal(utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'))).toBe('no-attachment');
  });
});
