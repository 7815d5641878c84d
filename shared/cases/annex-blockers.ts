// What the case annex adds to the lock's blockers: the parties that have not agreed it as it
// stands, and every personal-data finding (in the minutes, the action points and the annex)
// that the secretariat has neither cleared nor dismissed.
import type * as Y from 'yjs';
import type { LockBlocker } from '../record/agreement';
import { recordFindings, undismissed } from '../record/personal-data-blockers';
import { parties } from '../record/schema';
import { annexMissingParties, type AnnexAgreementRow } from './annex';
import type { CaseEntry } from './case';

export interface AnnexState {
  cases: readonly CaseEntry[];
  agreements: readonly AnnexAgreementRow[];
  dismissedKeys: readonly string[];
}

export function annexBlockers(doc: Y.Doc, annex: AnnexState): LockBlocker[] {
  const blockers: LockBlocker[] = [];
  const missingParties = annexMissingParties(
    annex.cases,
    annex.agreements,
    parties(doc)
      .toArray()
      .map((p) => p.code),
  );
  if (missingParties.length > 0) blockers.push({ kind: 'caseAnnex', id: 'caseAnnex', missingParties, openBrackets: 0 });
  for (const { key, ...finding } of undismissed(recordFindings(doc, annex.cases), annex.dismissedKeys))
    blockers.push({ kind: 'personalData', id: key, missingParties: [], openBrackets: 0, finding });
  return blockers;
}
