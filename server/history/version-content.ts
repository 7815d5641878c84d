// A version as the history shows it, read-only: agenda items with their minutes, and the
// action points, in plain text per language.
import * as Y from 'yjs';
import { actionPoints, agenda, minutes, segmentCells, type LocalizedText } from '../../shared/record/schema';
import { textsOf } from './record-items';

export interface VersionContent {
  agenda: { id: string; title: LocalizedText; segments: { id: string; cells: LocalizedText }[] }[];
  actionPoints: { id: string; text: LocalizedText; party: string; status: string }[];
}

export function versionContent(state: Uint8Array): VersionContent {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const content: VersionContent = {
    agenda: agenda(doc)
      .toArray()
      .map((item) => {
        const id = String(item.get('id'));
        const segments = minutes(doc).get(id)?.toArray() ?? [];
        return {
          id,
          title: textsOf(item.get('title') as Y.Map<unknown>),
          segments: segments.map((s) => ({ id: String(s.get('id')), cells: textsOf(segmentCells(s)) })),
        };
      }),
    actionPoints: actionPoints(doc)
      .toArray()
      .map((p) => ({
        id: String(p.get('id')),
        text: textsOf(p.get('text') as Y.Map<unknown>),
        party: String(p.get('party') ?? ''),
        status: String(p.get('status') ?? ''),
      })),
  };
  doc.destroy();
  return content;
}
