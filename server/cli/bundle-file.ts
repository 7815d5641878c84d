// What `accord verify` is given: a signed bundle (.json) as exported, or an original (PDF or
// Word), which carries the bundle and is checked byte for byte against it.
import { readFile } from 'node:fs/promises';
import { isPdf } from '../../shared/signing/pdf-bundle';
import { isDocx } from '../export/verify-original';

export class UnreadableBundle extends Error {}

export type GivenFile = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'docx'; bytes: Uint8Array } | { kind: 'bundle'; bundle: unknown };

export async function readGivenFile(path: string): Promise<GivenFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new UnreadableBundle(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (isPdf(bytes)) return { kind: 'pdf', bytes };
  if (isDocx(bytes)) return { kind: 'docx', bytes };
  try {
    return { kind: 'bundle', bundle: JSON.parse(bytes.toString('utf8')) };
  } catch {
    throw new UnreadableBundle(`${path} is not JSON; give the signed bundle (.json) or the original PDF as it was exported`);
  }
}
