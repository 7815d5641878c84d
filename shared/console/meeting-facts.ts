// The facts of a meeting the secretariat may change while the record is a draft: series,
// number, code, venue, dates, time zone, working languages, authentic texts, the prevailing
// one, and the parties' names. A change is merged with what the record holds and checked whole, by
// the same rules as a new meeting, so the record never holds facts that contradict.
import * as Y from 'yjs';
import type { z } from 'zod';
import { languageTag, meetingFacts, meetingInput } from '../record/meeting-input';
import { actionPoints, agenda, agendaItemTitle, meta, minutes, parties, participants, readMeetingFacts, segmentCells, type Party } from '../record/schema';
import { plainText } from '../record/rich-text';
import { zoneOfVenue } from '../record/time-zone';
import { issuesOf, type Issue } from '../issues';

/** PATCH body: only what is sent changes. `parties` is the whole list, codes included. */
export const factsPatch = meetingFacts.extend({ prevailingLanguage: languageTag.nullable() }).partial().strict();
export type FactsPatch = z.infer<typeof factsPatch>;

export interface EditableFacts {
  series: Record<string, string>;
  number: number;
  code: string;
  venue: Record<string, string>;
  startDate: string;
  endDate: string;
  languages: string[];
  authenticLanguages: string[];
  prevailingLanguage: string | null;
  /** IANA name: every time of the record is shown on this clock; the venue's when not set. */
  timeZone?: string;
  parties: Party[];
}

export type FactsProblem = Issue;

export function editableFacts(doc: Y.Doc): EditableFacts {
  const f = readMeetingFacts(doc);
  return {
    series: f.series ?? {},
    number: f.number,
    code: f.code,
    venue: f.venue ?? {},
    startDate: f.startDate,
    endDate: f.endDate,
    languages: f.languages ?? [],
    authenticLanguages: f.authenticLanguages ?? [],
    prevailingLanguage: f.prevailingLanguage ?? null,
    timeZone: f.timeZone ?? zoneOfVenue(f.venue),
    parties: parties(doc).toArray(),
  };
}

/** A zone that was the venue's follows the venue when it moves, unless the patch names one. */
export function mergeFacts(current: EditableFacts, patch: FactsPatch): EditableFacts {
  const merged = { ...current, ...patch };
  if (patch.venue && !patch.timeZone && (current.timeZone ?? zoneOfVenue(current.venue)) === zoneOfVenue(current.venue))
    merged.timeZone = zoneOfVenue(patch.venue);
  return merged;
}

/**
 * Checks merged facts against the rest of the record: the rules of a new meeting, plus
 * what a record already holds: a party with people or action points stays, and a working
 * language is dropped only once nothing is written in it.
 */
export function checkFacts(doc: Y.Doc, facts: EditableFacts): FactsProblem[] {
  const points = actionPoints(doc).toArray();
  const candidate: Record<string, unknown> = {
    ...facts,
    prevailingLanguage: facts.prevailingLanguage ?? undefined,
    participants: participants(doc)
      .toArray()
      .map(({ party, role, name, title, agency }) => ({ party, role, name, title, agency })),
    actionPoints: points.map((p) => ({ text: {}, party: String(p.get('party') ?? ''), agency: '', status: 'open' })),
  };
  const parsed = meetingInput.safeParse(candidate);
  const problems: FactsProblem[] = parsed.success ? [] : issuesOf(parsed.error);
  const dropped = editableFacts(doc).languages.filter((l) => !facts.languages.includes(l));
  for (const language of dropped)
    if (hasTextIn(doc, language))
      problems.push({
        path: 'languages',
        message: `the record holds text in ${language}: clear it before dropping the language`,
        code: 'language-has-text',
        params: { language },
      });
  return problems;
}

/** Writes the facts into the record; new working languages get empty cells everywhere. */
export function writeFacts(doc: Y.Doc, facts: EditableFacts): void {
  const before = editableFacts(doc);
  const written = meta(doc);
  for (const key of ['series', 'number', 'code', 'venue', 'startDate', 'endDate', 'languages', 'authenticLanguages', 'prevailingLanguage', 'timeZone'] as const)
    if (JSON.stringify(before[key]) !== JSON.stringify(facts[key])) written.set(key, facts[key]);
  if (JSON.stringify(before.parties) !== JSON.stringify(facts.parties)) {
    parties(doc).delete(0, parties(doc).length);
    parties(doc).push(facts.parties.map((p) => ({ code: p.code, name: p.name, language: p.language })));
  }
  const added = facts.languages.filter((l) => !before.languages.includes(l));
  const dropped = before.languages.filter((l) => !facts.languages.includes(l));
  for (const item of agenda(doc).toArray()) adjust(agendaItemTitle(item), added, dropped, () => new Y.Text());
  for (const point of actionPoints(doc).toArray()) adjust(point.get('text') as Y.Map<Y.Text>, added, dropped, () => new Y.Text());
  minutes(doc).forEach((segments) => {
    for (const segment of segments.toArray()) adjust(segmentCells(segment), added, dropped, () => new Y.XmlFragment());
  });
}

function adjust<T>(cells: Y.Map<T> | undefined, added: string[], dropped: string[], empty: () => T): void {
  if (!cells) return;
  for (const language of added) if (!cells.has(language)) cells.set(language, empty());
  for (const language of dropped) cells.delete(language);
}

function hasTextIn(doc: Y.Doc, language: string): boolean {
  const filled = (value: unknown) =>
    value instanceof Y.Text ? value.toString().trim() !== '' : value instanceof Y.XmlFragment ? plainText(value).trim() !== '' : false;
  for (const item of agenda(doc).toArray()) if (filled(agendaItemTitle(item)?.get(language))) return true;
  for (const point of actionPoints(doc).toArray()) if (filled((point.get('text') as Y.Map<Y.Text> | undefined)?.get(language))) return true;
  let found = false;
  minutes(doc).forEach((segments) => {
    for (const segment of segments.toArray()) if (filled(segmentCells(segment).get(language))) found = true;
  });
  return found;
}
