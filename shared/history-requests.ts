// Bodies of the history endpoints, checked on the server and typed for the client.
import { z } from 'zod';

export const ITEM_KINDS = ['agenda-item', 'segment', 'action-point'] as const;

export const namedVersionRequest = z.object({ name: z.string().trim().min(1).max(200) });

export const restoreRequest = z.object({ kind: z.enum(ITEM_KINDS), itemId: z.string().min(1).max(200) });

/** Who wrote or deleted text, as the server's session named them. */
export interface HistoryAuthor {
  participantId: string;
  party: string;
  name: string;
}

export interface DiffRun {
  change: 'same' | 'inserted' | 'deleted';
  text: string;
  by: HistoryAuthor | null;
}

/** One cell's changes between two versions: an agenda item's title, a segment's or an action point's text, in one language. */
export interface CellDiff {
  kind: (typeof ITEM_KINDS)[number];
  id: string;
  agendaItemId?: string;
  language: string;
  runs: DiffRun[];
}

export interface Comparison {
  cells: CellDiff[];
  /** Everyone whose changes the comparison shows, with how many characters each inserted and deleted. */
  authors: (HistoryAuthor & { inserted: number; deleted: number })[];
}
