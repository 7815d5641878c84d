// Lays a meeting's input (the shape of the reference fixtures) into an empty record.
// Pure: ids come from the caller, so the server decides how they are made.
import * as Y from 'yjs';
import type { MeetingInput } from './meeting-input';
import { SCHEMA_VERSION, actionPoints, agenda, localizedYText, meta, minutes, parties, participants, type Participant } from './schema';
import { writePlainParagraphs } from './rich-text';
import { zoneOfVenue } from './time-zone';

export interface RecordIdentity {
  meetingId: string;
  version: number;
  previousRecordHash: string | null;
}

export function layRecord(doc: Y.Doc, input: MeetingInput, identity: RecordIdentity, roster: Participant[], newId: () => string): void {
  doc.transact(() => {
    const facts = meta(doc);
    facts.set('schemaVersion', SCHEMA_VERSION);
    facts.set('meetingId', identity.meetingId);
    facts.set('version', identity.version);
    facts.set('previousRecordHash', identity.previousRecordHash);
    facts.set('series', input.series);
    facts.set('number', input.number);
    facts.set('code', input.code);
    facts.set('venue', input.venue);
    facts.set('startDate', input.startDate);
    facts.set('endDate', input.endDate);
    facts.set('languages', input.languages);
    facts.set('authenticLanguages', input.authenticLanguages);
    facts.set('prevailingLanguage', input.prevailingLanguage ?? null);
    facts.set('timeZone', input.timeZone ?? zoneOfVenue(input.venue));

    parties(doc).push(input.parties.map((p) => ({ code: p.code, name: p.name, language: p.language })));
    participants(doc).push(roster);

    const itemIds = input.agenda.map(() => newId());
    agenda(doc).push(
      input.agenda.map((title, i) => {
        const item = new Y.Map<unknown>();
        item.set('id', itemIds[i]);
        item.set('title', localizedYText(title));
        return item;
      }),
    );

    // Every item gets its list of segments now, so two writers adding an item's first
    // segment at once add to one list instead of racing to create it.
    for (const itemId of itemIds) minutes(doc).set(itemId, new Y.Array<Y.Map<unknown>>());
    for (const entry of input.minutes) {
      const itemId = itemIds[entry.agendaItem - 1];
      if (!itemId) continue;
      minutes(doc)
        .get(itemId)!
        .push(entry.segments.map((texts) => newSegment(newId(), input.languages, texts)));
    }

    actionPoints(doc).push(
      input.actionPoints.map((a) => {
        const point = new Y.Map<unknown>();
        point.set('id', newId());
        point.set('text', localizedYText(a.text));
        point.set('party', a.party);
        point.set('agency', a.agency);
        point.set('due', a.due ?? null);
        point.set('status', a.status);
        return point;
      }),
    );
  });
}

/** A new segment with one rich-text cell per working language. */
export function newSegment(id: string, languages: string[], texts: Record<string, string> = {}): Y.Map<unknown> {
  const segment = new Y.Map<unknown>();
  const cells = new Y.Map<Y.XmlFragment>();
  segment.set('id', id);
  segment.set('cells', cells);
  for (const language of languages) {
    const fragment = new Y.XmlFragment();
    cells.set(language, fragment);
    const text = texts[language];
    if (text) writePlainParagraphs(fragment, text);
  }
  return segment;
}
