// Where `accord verify` finds the bundle: a .json file as exported, or an original PDF,
// which carries the bundle as an attached file.
import { readFile } from 'node:fs/promises';
import { NoAttachedBundle, bundleFromPdf, isPdf } from '../../shared/signing/pdf-bundle';

export class UnreadableBundle extends Error {}

export async function readBundleFile(path: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new UnreadableBundle(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (isPdf(bytes)) {
    try {
      return await bundleFromPdf(bytes);
    } catch (err) {
      if (err instanceof NoAttachedBundle) throw new UnreadableBundle(`${path}: ${err.message}`);
      throw err;
    }
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new UnreadableBundle(`${path} is not JSON; give the signed bundle (.accord.json) or the original PDF as it was exported`);
  }
}
