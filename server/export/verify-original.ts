// Verifies an original (PDF, or Word) as a whole: its attached bundle must be validly signed
// by every party, and its bytes must be exactly the original that bundle makes for the party
// the file names. A page painted over, a changed content stream, an incremental update or a
// swapped attachment each make other bytes, so the file is not valid whatever it carries.
// Pure of any database: the original is made again from the bundle and the shipped fonts.
import { NoAttachedBundle, bundleFromPdf } from '../../shared/signing/pdf-bundle';
import type { SignedBundle } from '../../shared/signing/bundle';
import type { Verdict, VerdictReason } from '../../shared/signing/verdict';
import { verifyBundle, type VerifyOptions } from '../../shared/signing/verify';
import { ORIGINAL_LAYOUT, UnknownParty, originalFor, type Original } from './original';
import { STAMP, readStamp, type Stamp } from './original-stamp';
import { writePdf } from './pdf/write-pdf';
import { readPackage } from './docx/package';
import { writeDocx } from './docx/write-docx';

export { NoAttachedBundle };

export interface OriginalVerdict {
  verdict: Verdict;
  /** The bundle attached to the file, as read. */
  bundle: unknown;
  /** Whose original the file says it is, when it says. */
  party: string | null;
}

/** Throws NoAttachedBundle for a PDF that carries no bundle (a draft, or one it was taken from). */
export async function verifyPdfOriginal(pdf: Uint8Array, options: VerifyOptions = {}): Promise<OriginalVerdict> {
  return verifyOriginal(pdf, await bundleFromPdf(pdf), readStamp(pdf), writePdf, options);
}

/** Whether the bytes are a Word file (a zip package), which verifyDocxOriginal takes. */
export { isZip as isDocx } from './zip-file';

/** The same for a Word original; throws NoAttachedBundle for one that carries no bundle. */
export async function verifyDocxOriginal(docx: Uint8Array, options: VerifyOptions = {}): Promise<OriginalVerdict> {
  let read: ReturnType<typeof readPackage>;
  try {
    read = readPackage(docx);
  } catch {
    throw new NoAttachedBundle('the file is not a Word document');
  }
  if (read.bundle === null)
    throw new NoAttachedBundle('this Word file carries no Accord signed bundle: export the original again, or verify the bundle (.json) file');
  let bundle: unknown;
  try {
    bundle = JSON.parse(read.bundle);
  } catch {
    bundle = null;
  }
  const { [STAMP.layout]: layout, [STAMP.party]: party, [STAMP.verifyPage]: verifyPage } = read.properties;
  const stamp = layout !== undefined && party !== undefined && verifyPage !== undefined ? { layout, party, verifyPage } : null;
  return verifyOriginal(docx, bundle, stamp, writeDocx, options);
}

async function verifyOriginal(
  file: Uint8Array,
  bundle: unknown,
  stamp: Stamp | null,
  write: (original: Original, now: Date) => Promise<Buffer>,
  options: VerifyOptions,
): Promise<OriginalVerdict> {
  const checked = await verifyBundle(bundle, options);
  const pages =
    stamp?.layout === ORIGINAL_LAYOUT && checked.recordHash !== null
      ? await comparePages(file, bundle as SignedBundle, stamp.party, stamp.verifyPage, write)
      : null;
  const reason: VerdictReason | null =
    pages ?? (stamp?.layout === ORIGINAL_LAYOUT && checked.recordHash !== null ? null : { code: 'pages-unchecked', layout: stamp?.layout ?? null });
  const reasons = reason ? [...checked.reasons, reason] : checked.reasons;
  const verdict: Verdict = {
    ...checked,
    reasons,
    valid: reasons.length === 0,
    pages: reason === null ? 'identical' : reason.code === 'pages-differ' ? 'differ' : 'unchecked',
  };
  return { verdict, bundle, party: stamp?.party ?? null };
}

/** Null when the file is byte for byte the original the bundle makes for the party. */
async function comparePages(
  file: Uint8Array,
  bundle: SignedBundle,
  party: string,
  verifyPage: string,
  write: (original: Original, now: Date) => Promise<Buffer>,
): Promise<VerdictReason | null> {
  let made: Buffer;
  try {
    made = await write(originalFor({ record: bundle.record, bundle }, party, verifyPage), new Date(0));
  } catch (err) {
    // A bundle too broken to typeset, or a stamp naming no party of it: not this record's original.
    if (err instanceof UnknownParty || err instanceof TypeError) return { code: 'pages-differ', how: 'changed', at: 0 };
    throw err;
  }
  const common = Math.min(made.length, file.length);
  let at = 0;
  while (at < common && made[at] === file[at]) at++;
  if (at === made.length && at === file.length) return null;
  if (at === made.length) return { code: 'pages-differ', how: 'appended', at: file.length - made.length };
  return { code: 'pages-differ', how: 'changed', at };
}
