// Personal data as a lock sees it: every finding of the detector in the minutes, the action
// points and the case annex, each with a key naming where it is and what it says, so that
// a dismissal holds for exactly that finding and a new one blocks again.
import type * as Y from 'yjs';
import type { CaseEntry } from '../cases/case';
import { findPersonalData, type FindingKind } from './personal-data';
import { plainText } from './rich-text';
import { actionPoints, agenda, agendaItemId, minutes, participants, segmentCells, segmentId } from './schema';

export type FindingPlace =
  | { target: 'segment'; id: string; agendaItemId: string; language: string }
  | { target: 'actionPoint'; id: string; language: string }
  | { target: 'case'; id: string; field: string };

export interface PlacedFinding {
  /** Where, what kind and what text: stable while the text found stays as it is. */
  key: string;
  kind: FindingKind;
  text: string;
  place: FindingPlace;
}

const placeKey = (p: FindingPlace) => (p.target === 'case' ? `case:${p.id}:${p.field}` : `${p.target}:${p.id}:${p.language}`);

const findingKey = (place: FindingPlace, kind: FindingKind, text: string) => `${placeKey(place)}|${kind}|${text}`;

/** The names of the meeting's participants: they may be named in the record. */
const participantNames = (doc: Y.Doc): string[] =>
  participants(doc)
    .toArray()
    .map((p) => String(p.name ?? ''));

/** Findings in one case's fields: references, agencies, next step. */
function caseFindings(entry: CaseEntry, names: readonly string[]): PlacedFinding[] {
  const fields: [string, string][] = [
    ...entry.sides.flatMap((s): [string, string][] => [
      [`reference.${s.party}`, s.reference],
      [`agency.${s.party}`, s.agency],
    ]),
    ...Object.entries(entry.nextStep).map(([language, text]): [string, string] => [`nextStep.${language}`, text]),
  ];
  return fields.flatMap(([field, text]) => placed({ target: 'case', id: entry.id, field }, text, names));
}

/** Every finding in the record and its annex, in reading order. */
export function recordFindings(doc: Y.Doc, cases: readonly CaseEntry[]): PlacedFinding[] {
  const names = participantNames(doc);
  const found: PlacedFinding[] = [];
  for (const item of agenda(doc)) {
    const itemId = agendaItemId(item);
    for (const segment of minutes(doc).get(itemId) ?? []) {
      segmentCells(segment).forEach((cell, language) =>
        found.push(...placed({ target: 'segment', id: segmentId(segment), agendaItemId: itemId, language }, plainText(cell), names)),
      );
    }
  }
  for (const point of actionPoints(doc)) {
    const texts = point.get('text') as Y.Map<Y.Text> | undefined;
    texts?.forEach((text, language) => found.push(...placed({ target: 'actionPoint', id: String(point.get('id')), language }, text.toString(), names)));
  }
  for (const entry of cases) found.push(...caseFindings(entry, names));
  return found;
}

/** The findings no one has dismissed: each blocks the lock. */
export const undismissed = (findings: readonly PlacedFinding[], dismissedKeys: readonly string[]) => {
  const dismissed = new Set(dismissedKeys);
  return findings.filter((f) => !dismissed.has(f.key));
};

function placed(place: FindingPlace, text: string, names: readonly string[]): PlacedFinding[] {
  return findPersonalData(text, [...names]).map((f) => ({ key: findingKey(place, f.kind, f.text), kind: f.kind, text: f.text, place }));
}
