// The agenda as the console edits it: items with a title in each working language, added,
// renamed, moved and removed by the secretariat while the record is a draft. Checked here,
// on both sides; the server writes the record (shared/record/segment-ops).
import type * as Y from 'yjs';
import { z } from 'zod';
import { localizedText } from '../record/meeting-input';
import { agenda, agendaItemId, agendaItemTitle, readLocalizedYText, readMeetingFacts, segmentsOf, type LocalizedText } from '../record/schema';

export interface AgendaItemView {
  id: string;
  title: LocalizedText;
  /** How many segments of minutes the item holds: removing it removes them too. */
  segments: number;
}

export function readAgenda(doc: Y.Doc): AgendaItemView[] {
  return agenda(doc)
    .toArray()
    .map((item) => {
      const id = agendaItemId(item);
      return { id, title: readLocalizedYText(agendaItemTitle(item)), segments: segmentsOf(doc, id)?.length ?? 0 };
    });
}

const title = localizedText.refine((t) => Object.values(t).every((s) => s.length <= 500), { message: 'a title of at most 500 characters' });

export const newAgendaItem = z.object({ title, index: z.number().int().min(0).optional() });
export const agendaTitleChange = z.object({ title });
export const agendaMove = z.object({ to: z.number().int().min(0) });

/** Languages a title is given in that the meeting does not work in: the title would be lost from sight. */
export function foreignLanguages(doc: Y.Doc, text: LocalizedText): string[] {
  const { languages } = readMeetingFacts(doc);
  return Object.keys(text).filter((l) => !languages.includes(l));
}
