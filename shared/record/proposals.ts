// Party proposals (suggestion mode): wording a participant suggests for one cell of a
// segment instead of editing it. They sit in a root only the server writes, beside the
// record and never in its canonical form; an open one blocks the lock like a bracket.
import type * as Y from 'yjs';
import { parties, segmentCells, type SegmentMap } from './schema';
import { Root } from './schema';
import { plainText, writePlainParagraphs } from './rich-text';

export type ProposalState = 'open' | 'accepted' | 'rejected';

export interface Proposal {
  id: string;
  segmentId: string;
  agendaItemId: string;
  language: string;
  /** The wording proposed, as plain text (one paragraph a line). */
  text: string;
  /** The cell's text when the proposal was made. */
  baseText: string;
  by: string;
  byName: string;
  party: string;
  at: string;
  state: ProposalState;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
}

/** Proposals keyed by id. */
export const proposals = (doc: Y.Doc) => doc.getMap<Proposal>(Root.proposals);

export function openProposals(doc: Y.Doc): Proposal[] {
  return [...proposals(doc).values()].filter((p) => p.state === 'open').sort((a, b) => a.at.localeCompare(b.at));
}

export const openProposalsOf = (doc: Y.Doc, segmentId: string) => openProposals(doc).filter((p) => p.segmentId === segmentId);

/** The party whose language a cell is in: its head decides proposals for that cell. None for a language no party speaks. */
export function partyOfLanguage(doc: Y.Doc, language: string): string | undefined {
  return parties(doc)
    .toArray()
    .find((p) => p.language === language)?.code;
}

/** The cell's current plain text. */
export function cellText(segment: SegmentMap, language: string): string | undefined {
  const cell = segmentCells(segment).get(language);
  return cell ? plainText(cell) : undefined;
}

/** Replaces the cell's content with the proposed wording (plain paragraphs). */
export function applyWording(segment: SegmentMap, language: string, text: string): void {
  const cell = segmentCells(segment).get(language);
  if (!cell) return;
  cell.delete(0, cell.length);
  writePlainParagraphs(cell, text);
}
