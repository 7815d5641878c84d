// What the agenda list marks beside each item: the parties that have not yet agreed all of
// its minutes, its open proposals and its open brackets, from the same blockers the lock uses.
import type { LockBlocker } from '../../../shared/record/agreement';

export interface ItemMarks {
  missingParties: string[];
  openProposals: number;
  openBrackets: number;
}

export function itemMarks(blockers: readonly LockBlocker[], agendaItemId: string): ItemMarks {
  const mine = blockers.filter((b) => b.kind === 'segment' && b.agendaItemId === agendaItemId);
  return {
    missingParties: [...new Set(mine.flatMap((b) => b.missingParties))].sort(),
    openProposals: mine.reduce((n, b) => n + (b.openProposals?.length ?? 0), 0),
    openBrackets: mine.reduce((n, b) => n + b.openBrackets, 0),
  };
}
