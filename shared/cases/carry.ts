// Meeting n+1 of a series takes every open case of meeting n, in the same order, each a new
// copy in the new annex on the same thread: closed cases stay behind, in the register.
import { isOpenCase, type CaseEntry } from './case';

export function carryCases(previousMeetingId: string, cases: readonly CaseEntry[], newId: () => string): CaseEntry[] {
  return cases.filter(isOpenCase).map((c) => ({
    ...c,
    id: newId(),
    sides: c.sides.map((s) => ({ ...s })),
    nextStep: { ...c.nextStep },
    carriedFrom: previousMeetingId,
  }));
}
