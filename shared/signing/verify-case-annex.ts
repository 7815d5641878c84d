// The case annex a bundle carries (docs/cases.md): the record names it by its digest and its
// number of cases only, so the annex beside it must be exactly the one sealed at the lock.
// A bundle whose record names an annex but carries none has had it dropped.
import { canonicalize } from '../record/jcs';
import { decodeBase64 } from './base64';
import { sha256Hex } from './fingerprint';
import type { VerdictReason } from './verdict';

export interface AnnexInBundle {
  record: { caseAnnex?: { cases: number; digest: string } | undefined };
  caseAnnex?: unknown;
  caseAnnexBytes?: string | undefined;
}

export function caseAnnexFaults(bundle: AnnexInBundle): VerdictReason[] {
  const named = bundle.record.caseAnnex;
  const carried = bundle.caseAnnex !== undefined || bundle.caseAnnexBytes !== undefined;
  if (!named && !carried) return [];
  if (!named) return [{ code: 'case-annex-mismatch', how: 'changed' }];
  if (bundle.caseAnnex === undefined || bundle.caseAnnexBytes === undefined) return [{ code: 'case-annex-mismatch', how: 'missing' }];
  const bytes = decodeBase64(bundle.caseAnnexBytes);
  const cases = (bundle.caseAnnex as { cases?: unknown }).cases;
  const same =
    new TextDecoder().decode(bytes) === canonicalize(bundle.caseAnnex) &&
    sha256Hex(bytes) === named.digest &&
    Array.isArray(cases) &&
    cases.length === named.cases;
  return same ? [] : [{ code: 'case-annex-mismatch', how: 'changed' }];
}
