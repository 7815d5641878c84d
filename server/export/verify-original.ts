// Verifies a PDF original as a whole: its attached bundle must be validly signed by every
// party, and its bytes must be exactly the original that bundle makes for the party the
// file names. A page painted over, a changed content stream, an incremental update or a
// swapped attachment each make other bytes, so the file is not valid whatever it carries.
// Pure of any database: the original is made again from the bundle and the shipped fonts.
import { NoAttachedBundle, bundleFromPdf } from '../../shared/signing/pdf-bundle';
import type { SignedBundle } from '../../shared/signing/bundle';
import type { Verdict, VerdictReason } from '../../shared/signing/verdict';
import { verifyBundle, type VerifyOptions } from '../../shared/signing/verify';
import { ORIGINAL_LAYOUT, UnknownParty, originalFor } from './original';
import { readStamp } from './original-stamp';
import { writePdf } from './pdf/write-pdf';

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
  const bundle = await bundleFromPdf(pdf);
  const checked = await verifyBundle(bundle, options);
  const stamp = readStamp(pdf);
  const pages = stamp?.layout === ORIGINAL_LAYOUT && checked.recordHash !== null ? await comparePages(pdf, bundle as SignedBundle, stamp.party, stamp.verifyPage) : null;
  const reason: VerdictReason | null = pages ?? (stamp?.layout === ORIGINAL_LAYOUT && checked.recordHash !== null ? null : { code: 'pages-unchecked', layout: stamp?.layout ?? null });
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
async function comparePages(pdf: Uint8Array, bundle: SignedBundle, party: string, verifyPage: string): Promise<VerdictReason | null> {
  let made: Buffer;
  try {
    made = await writePdf(originalFor({ record: bundle.record, bundle }, party, verifyPage), new Date(0));
  } catch (err) {
    // A bundle too broken to typeset, or a stamp naming no party of it: not this record's original.
    if (err instanceof UnknownParty || err instanceof TypeError) return { code: 'pages-differ', how: 'changed', at: 0 };
    throw err;
  }
  const common = Math.min(made.length, pdf.length);
  let at = 0;
  while (at < common && made[at] === pdf[at]) at++;
  if (at === made.length && at === pdf.length) return null;
  if (at === made.length) return { code: 'pages-differ', how: 'appended', at: pdf.length - made.length };
  return { code: 'pages-differ', how: 'changed', at };
}
