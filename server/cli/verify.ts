// `accord verify <bundle> [--trust PARTY=FINGERPRINT …]`: VALID or INVALID, with every
// reason, for people who check a signed record away from the app.
import { displayFingerprint } from '../../shared/signing/fingerprint';
import { reasonText, type Verdict } from '../../shared/signing/verdict';
import { verifyBundle } from '../../shared/signing/verify';
import { NoAttachedBundle, verifyDocxOriginal, verifyPdfOriginal } from '../export/verify-original';
import { UnreadableBundle, readGivenFile } from './bundle-file';

export const VERIFY_USAGE = 'usage: npm run accord -- verify <bundle.json | original.pdf | original.docx> [--trust PARTY=FINGERPRINT ...]';

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command; answers the exit code: 0 valid, 1 invalid or unreadable, 2 misused. */
export async function verifyCommand(args: string[], io: Output): Promise<number> {
  const files: string[] = [];
  const trustedKeys: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--trust') {
      const [party, fingerprint] = (args[++i] ?? '').split('=');
      if (!party || !fingerprint) return misused(io, '--trust takes PARTY=FINGERPRINT');
      trustedKeys[party] = fingerprint;
    } else if (arg.startsWith('-')) {
      return misused(io, `unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return misused(io, 'give one bundle file');

  let bundle: unknown;
  let verdict: Verdict;
  try {
    const given = await readGivenFile(files[0]!);
    if (given.kind === 'pdf') {
      ({ verdict, bundle } = await verifyPdfOriginal(given.bytes, { trustedKeys }));
    } else if (given.kind === 'docx') {
      ({ verdict, bundle } = await verifyDocxOriginal(given.bytes, { trustedKeys }));
    } else {
      bundle = given.bundle;
      verdict = await verifyBundle(bundle, { trustedKeys });
    }
  } catch (err) {
    if (!(err instanceof UnreadableBundle || err instanceof NoAttachedBundle)) throw err;
    io.out('INVALID');
    io.out(`  - ${err instanceof NoAttachedBundle ? `${files[0]}: ${err.message}` : err.message}`);
    return 1;
  }
  for (const line of report(verdict, bundle)) io.out(line);
  return verdict.valid ? 0 : 1;
}

const PAGES: Record<NonNullable<Verdict['pages']>, string> = {
  identical: 'exactly the signed record (the original its bundle makes, byte for byte)',
  differ: 'NOT the signed record',
  unchecked: 'not compared with the signed record',
};

function report(verdict: Verdict, bundle: unknown): string[] {
  const record = (bundle as { record?: { meeting?: { code?: unknown }; caseAnnex?: { cases?: unknown } } })?.record;
  const code = record?.meeting?.code;
  const lines = [verdict.valid ? 'VALID' : 'INVALID'];
  if (verdict.recordHash) {
    lines.push(`  record:      ${typeof code === 'string' ? `${code}, ` : ''}version ${verdict.version}`);
    lines.push(`  record hash: ${verdict.recordHash}`);
    lines.push(`  fingerprint: ${displayFingerprint(verdict.recordHash)}`);
  }
  if (verdict.auditHead) lines.push(`  audit log:   ${verdict.auditHead.length} entries when locked, the last sealed ${verdict.auditHead.hash}`);
  if (verdict.pages) lines.push(`  pages:       ${PAGES[verdict.pages]}`);
  if (record?.caseAnnex) {
    const altered = verdict.reasons.some((r) => r.code === 'case-annex-mismatch');
    lines.push(`  case annex:  ${String(record.caseAnnex.cases)} case(s); ${altered ? 'NOT the annex that was signed' : 'the annex that was signed'}`);
  }
  for (const party of verdict.parties) {
    lines.push(
      party.signed
        ? `  ${party.party}: signed by ${party.signerName}${party.signerTitle ? `, ${party.signerTitle}` : ''}, ${party.signedAt}; key ${displayFingerprint(party.keyFingerprint ?? '')}`
        : `  ${party.party}: not validly signed`,
    );
  }
  for (const reason of verdict.reasons) lines.push(`  - ${reasonText(reason)}`);
  return lines;
}

function misused(io: Output, why: string): number {
  io.err(`${why}\n${VERIFY_USAGE}`);
  return 2;
}
