// The case annex of one record: its cases in order, its digest (what the canonical record
// names, since the annex itself stays out of the shared document that observers receive),
// and each party's agreement, which holds while the annex is the one the party agreed.
import { canonicalize } from '../record/jcs';
import { sha256Hex } from '../signing/fingerprint';
import type { CaseEntry } from './case';

export const CASE_ANNEX_FORMAT = 'accord.case-annex/1';

/** The annex as the canonical record's digest covers it: cases without their series bookkeeping. */
export interface CanonicalCaseAnnex {
  format: typeof CASE_ANNEX_FORMAT;
  cases: {
    id: string;
    sides: { party: string; reference: string; agency: string }[];
    stage: string;
    repatriatedOn: string | null;
    nextStep: Record<string, string>;
    due: string | null;
  }[];
}

function canonicalAnnex(cases: readonly CaseEntry[]): CanonicalCaseAnnex {
  return {
    format: CASE_ANNEX_FORMAT,
    cases: cases.map((c) => ({
      id: c.id,
      sides: c.sides.map((s) => ({ party: s.party, reference: s.reference, agency: s.agency })),
      stage: c.stage,
      repatriatedOn: c.repatriatedOn,
      nextStep: { ...c.nextStep },
      due: c.due,
    })),
  };
}

/** The annex's RFC 8785 text: what the lock seals beside the record and the bundle carries. */
export const annexText = (cases: readonly CaseEntry[]): string => canonicalize(canonicalAnnex(cases));

/** SHA-256 (hex) of the annex's RFC 8785 text. */
export const annexDigest = (cases: readonly CaseEntry[]): string => sha256Hex(new TextEncoder().encode(annexText(cases)));

export interface AnnexAgreementRow {
  party: string;
  digest: string;
  by: string;
  at: string;
}

/**
 * For each party: has it agreed the annex as it stands? An empty annex needs no agreement;
 * any change to a case changes the digest and so clears every party's agreement.
 */
export function annexAgreement(cases: readonly CaseEntry[], agreements: readonly AnnexAgreementRow[], parties: readonly string[]): Record<string, boolean> {
  const digest = annexDigest(cases);
  const out: Record<string, boolean> = {};
  for (const party of parties) {
    const latest = agreements.filter((a) => a.party === party).at(-1);
    out[party] = cases.length === 0 || latest?.digest === digest;
  }
  return out;
}

/** Parties that have not agreed the annex as it stands. */
export const annexMissingParties = (cases: readonly CaseEntry[], agreements: readonly AnnexAgreementRow[], parties: readonly string[]) =>
  Object.entries(annexAgreement(cases, agreements, parties))
    .filter(([, agreed]) => !agreed)
    .map(([party]) => party);
