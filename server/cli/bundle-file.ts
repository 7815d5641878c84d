// Where `accord verify` finds the bundle: a .json file as exported, or (with the export
// issue) a PDF that carries the bundle as an attached file. The PDF reader plugs in here.
import { readFile } from 'node:fs/promises';

export class UnreadableBundle extends Error {}

const PDF_MAGIC = '%PDF-';

export async function readBundleFile(path: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new UnreadableBundle(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (bytes.subarray(0, PDF_MAGIC.length).toString('latin1') === PDF_MAGIC) return bundleFromPdf(bytes);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new UnreadableBundle(`${path} is not JSON; give the signed bundle (.accord.json) as it was exported`);
  }
}

/** The bundle attached to an exported PDF. The export issue supplies the reader. */
function bundleFromPdf(_pdf: Buffer): unknown {
  throw new UnreadableBundle('this version of Accord cannot yet read a bundle from a PDF; verify the .accord.json bundle');
}
