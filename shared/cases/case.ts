// A case of a victim of trafficking as the record holds it: by the parties' own case
// references, never by the victim's name. The annex of one meeting holds its cases; a case
// carried to the next meeting keeps its thread (where it was first recorded), so the
// register follows one case across the series.
import { z } from 'zod';
import { isoDate, localizedText, partyCode } from '../record/meeting-input';
import type { LocalizedText } from '../record/schema';

export const CASE_STAGES = ['identified', 'nationality-verified', 'repatriation-agreed', 'repatriated', 'reintegration-follow-up', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** One party's hold on a case: its own reference and the agency responsible on its side. */
export interface CaseSide {
  party: string;
  reference: string;
  agency: string;
}

/** Where a case was first recorded: every copy of it across the series shares this thread. */
export interface CaseThread {
  meetingId: string;
  caseId: string;
}

export interface CaseEntry {
  id: string;
  thread: CaseThread;
  sides: CaseSide[];
  stage: CaseStage;
  /** The day the victim was repatriated; set when the stage is `repatriated` or later. */
  repatriatedOn: string | null;
  nextStep: LocalizedText;
  due: string | null;
  /** The meeting this copy was carried from; null for a case first recorded here. */
  carriedFrom: string | null;
}

/** Closed cases are settled: they are not carried to the next meeting. */
export const isOpenCase = (entry: Pick<CaseEntry, 'stage'>) => entry.stage !== 'closed';

/** Overdue: open, and due before `today` (YYYY-MM-DD, given by the caller). */
export const isCaseOverdue = (entry: Pick<CaseEntry, 'stage' | 'due'>, today: string) => isOpenCase(entry) && entry.due !== null && entry.due < today;

// A case reference is the party's own number: letters, digits and - / . only, so that no
// name can be written where a reference goes.
const caseReference = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9/._-]*$/, 'a case reference such as TH-2025-0141');

const caseSideInput = z.object({
  party: partyCode,
  reference: caseReference,
  agency: z.string().trim().max(300).default(''),
});

/** Body of PUT …/cases/:caseId: the case as the secretariat or a delegate states it. */
export const caseInput = z
  .object({
    sides: z.array(caseSideInput).min(1).max(8),
    stage: z.enum(CASE_STAGES),
    repatriatedOn: isoDate.nullable().default(null),
    nextStep: localizedText.default({}),
    due: isoDate.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    const parties = value.sides.map((s) => s.party);
    if (new Set(parties).size !== parties.length) ctx.addIssue({ code: 'custom', path: ['sides'], message: 'one side per party' });
    if (value.stage === 'repatriated' && value.repatriatedOn === null)
      ctx.addIssue({ code: 'custom', path: ['repatriatedOn'], message: 'the day the victim was repatriated' });
  });
export type CaseInput = z.infer<typeof caseInput>;

/** The case a stated input makes, given where it stands in the series. */
export const caseFrom = (id: string, input: CaseInput, thread: CaseThread, carriedFrom: string | null): CaseEntry => ({
  id,
  thread,
  sides: input.sides.map((s) => ({ party: s.party, reference: s.reference, agency: s.agency })),
  stage: input.stage,
  repatriatedOn: input.repatriatedOn,
  nextStep: { ...input.nextStep },
  due: input.due,
  carriedFrom,
});
