// What the server says blocks a lock (segment and action point ids) turned into what the
// secretariat can find: agenda item n and its title, segment m, action point k and its
// opening words, read from the record as this browser holds it.
import type * as Y from 'yjs';
import type { LockBlocker, ProposalBlocker } from '../../../shared/record/agreement';
import { actionPoints, agenda, agendaItemId, agendaItemTitle, minutes, readLocalizedYText, segmentId, type LocalizedText } from '../../../shared/record/schema';

export type PlacedBlocker =
  | {
      kind: 'segment';
      id: string;
      agendaItemId: string | null;
      /** 1-based; null when this browser no longer has the item or segment. */
      itemNumber: number | null;
      itemTitle: LocalizedText;
      segmentNumber: number | null;
      missingParties: string[];
      openBrackets: number;
      emptyLanguages: string[];
      /** Party proposals still waiting for a decision, each named. */
      openProposals: ProposalBlocker[];
    }
  | {
      kind: 'actionPoint';
      id: string;
      pointNumber: number | null;
      pointText: LocalizedText;
      missingParties: string[];
      openBrackets: number;
      emptyLanguages: string[];
    }
  | { kind: 'agendaItem'; id: string; itemNumber: number | null; itemTitle: LocalizedText; missingParties: []; openBrackets: 0; emptyLanguages: string[] }
  | { kind: 'party'; id: string; missingParties: []; openBrackets: 0; emptyLanguages: [] }
  | { kind: 'language'; id: string; missingParties: []; openBrackets: 0; emptyLanguages: [] }
  | { kind: 'caseAnnex'; id: string; missingParties: string[]; openBrackets: 0; emptyLanguages: [] }
  | { kind: 'personalData'; id: string; finding: NonNullable<LockBlocker['finding']>; missingParties: []; openBrackets: 0; emptyLanguages: [] };

export function placeBlockers(doc: Y.Doc, blockers: readonly LockBlocker[]): PlacedBlocker[] {
  const items = agenda(doc).toArray();
  const points = actionPoints(doc).toArray();
  return blockers.map((blocker): PlacedBlocker => {
    const { id, missingParties, openBrackets } = blocker;
    const emptyLanguages = blocker.emptyLanguages ?? [];
    if (blocker.kind === 'party') return { kind: 'party', id, missingParties: [], openBrackets: 0, emptyLanguages: [] };
    if (blocker.kind === 'language') return { kind: 'language', id, missingParties: [], openBrackets: 0, emptyLanguages: [] };
    if (blocker.kind === 'caseAnnex') return { kind: 'caseAnnex', id, missingParties, openBrackets: 0, emptyLanguages: [] };
    if (blocker.kind === 'personalData' && blocker.finding)
      return { kind: 'personalData', id, finding: blocker.finding, missingParties: [], openBrackets: 0, emptyLanguages: [] };
    if (blocker.kind === 'agendaItem') {
      const index = items.findIndex((item) => agendaItemId(item) === id);
      const item = items[index];
      return {
        kind: 'agendaItem',
        id,
        itemNumber: index < 0 ? null : index + 1,
        itemTitle: item ? readLocalizedYText(agendaItemTitle(item)) : {},
        missingParties: [],
        openBrackets: 0,
        emptyLanguages,
      };
    }
    if (blocker.kind === 'actionPoint') {
      const index = points.findIndex((p) => p.get('id') === id);
      const point = points[index];
      const text = point?.get('text') as Y.Map<Y.Text> | undefined;
      return {
        kind: 'actionPoint',
        id,
        pointNumber: index < 0 ? null : index + 1,
        pointText: text ? readLocalizedYText(text) : {},
        missingParties,
        openBrackets,
        emptyLanguages,
      };
    }
    const itemIndex = blocker.agendaItemId
      ? items.findIndex((item) => agendaItemId(item) === blocker.agendaItemId)
      : items.findIndex((item) => (minutes(doc).get(agendaItemId(item))?.toArray() ?? []).some((s) => segmentId(s) === id));
    const item = items[itemIndex];
    const segments = item ? (minutes(doc).get(agendaItemId(item))?.toArray() ?? []) : [];
    const segmentIndex = segments.findIndex((s) => segmentId(s) === id);
    return {
      kind: 'segment',
      id,
      agendaItemId: item ? agendaItemId(item) : (blocker.agendaItemId ?? null),
      itemNumber: itemIndex < 0 ? null : itemIndex + 1,
      itemTitle: item ? readLocalizedYText(agendaItemTitle(item)) : {},
      segmentNumber: segmentIndex < 0 ? null : segmentIndex + 1,
      missingParties,
      openBrackets,
      emptyLanguages,
      openProposals: blocker.openProposals ?? [],
    };
  });
}

/** The first words of a text, for naming an action point in a list. */
export function openingWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max).trimEnd()}…`;
}
