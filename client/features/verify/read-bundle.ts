// A dropped file as a bundle to verify: the signed bundle itself (CMM04-bundle.json, or
// CMM-04-v1-signed.accord.json), or an exported original PDF, which carries the bundle as an
// attached file.
import { NoAttachedBundle, bundleFromPdf, isPdf } from '../../../shared/signing/pdf-bundle';

export class UnreadableFile extends Error {
  constructor(readonly code: 'empty' | 'not-json' | 'no-attachment' | 'server') {
    super(code);
  }
}

export interface ReadBundle {
  /** Null for a Word original: its bundle is read where it is verified, on the server. */
  bundle: unknown;
  from: 'json' | 'pdf' | 'docx';
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function readBundleFile(bytes: Uint8Array): Promise<ReadBundle> {
  if (bytes.length === 0) throw new UnreadableFile('empty');
  if (isZip(bytes)) return { bundle: null, from: 'docx' };
  if (isPdf(bytes)) {
    try {
      return { bundle: await bundleFromPdf(bytes), from: 'pdf' };
    } catch (err) {
      if (err instanceof NoAttachedBundle) throw new UnreadableFile('no-attachment');
      throw err;
    }
  }
  try {
    // fatal: a file that is not UTF-8 is not a bundle, rather than a bundle with odd letters.
    return { bundle: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown, from: 'json' };
  } catch {
    throw new UnreadableFile('not-json');
  }
}
