// The case annex of an original, as lines to print: each case in each working language's own
// words (labels, stage names, dates in that language's calendar: the Buddhist Era in Thai),
// with the parties named as that language names them. The PDF and the Word original set the
// same lines (pdf/case-annex.ts, docx/case-annex.ts). The annex printed is the one the
// original's bundle carries, so the verifier, making the original again, prints the same.
import type { CanonicalCaseAnnex } from '../../shared/cases/annex';
import type { CaseStage } from '../../shared/cases/case';
import { formatDate } from '../../shared/dates';
import { labelsFor } from './labels';
import { textIn, type Original } from './original';

type AnnexCase = CanonicalCaseAnnex['cases'][number];

export interface CaseLines {
  /** The parties' references, in the order of the case's sides: "Case reference: TH-2025-0141 / LA-0387". */
  references: string;
  /** Label and value, in the order printed. */
  fields: { label: string; value: string }[];
}

/** The cases the original prints: the annex sealed with the record, none for a draft or a record without cases. */
export const annexCases = (original: Original): AnnexCase[] => original.bundle?.caseAnnex?.cases ?? [];

/** A date people typed, in the language's calendar; as written when it is no date. */
function dateIn(date: string, language: string): string {
  try {
    return formatDate(date, language);
  } catch {
    return date;
  }
}

export function caseLines(original: Original, entry: AnnexCase, language: string): CaseLines {
  const { record } = original;
  const labels = labelsFor(language);
  const words = labels.cases;
  const partyName = (code: string) => {
    const party = record.parties.find((p) => p.code === code);
    return party ? textIn(party.name, language, record) : code;
  };
  const stageName = words.stages[entry.stage as CaseStage] ?? entry.stage;
  const stage = entry.repatriatedOn ? `${stageName} (${words.repatriatedOn} ${dateIn(entry.repatriatedOn, language)})` : stageName;
  return {
    references: `${words.reference}: ${entry.sides.map((s) => s.reference).join(' / ')}`,
    fields: [
      { label: words.stage, value: stage },
      ...entry.sides.filter((s) => s.agency).map((s) => ({ label: words.agency, value: `${partyName(s.party)}, ${s.agency}` })),
      { label: words.nextStep, value: textIn(entry.nextStep, language, record) },
      { label: labels.due, value: entry.due ? dateIn(entry.due, language) : labels.noDue },
    ],
  };
}
