// What `accord verify` is given: a signed bundle (.json) as exported, or an original PDF,
// which carries the bundle as an attached file and is checked page by page against it.
import { readFile } from 'node:fs/promises';
import { isPdf } from '../../shared/signing/pdf-bundle';

export class UnreadableBundle extends Error {}

export type GivenFile = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'bundle'; bundle: unknown };

export async function readGivenFile(path: string): Promise<GivenFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new UnreadableBundle(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (isPdf(bytes)) return { kind: 'pdf', bytes };
  try {
    return { kind: 'bundle', bundle: JSON.parse(bytes.toString('utf8')) };
  } catch {
    throw new UnreadableBundle(`${path} is not JSON; give the signed bundle (.json) or the original PDF as it was exported`);
  }
}
