// The record of one meeting version as a Y.Doc: the names of its roots and typed
// accessors over them. docs/record-format.md describes the same layout for readers.
import * as Y from 'yjs';
import type { Role } from '../roles';

export const SCHEMA_VERSION = 1;

export const Root = {
  meta: 'meta',
  parties: 'parties',
  participants: 'participants',
  agenda: 'agenda',
  minutes: 'minutes',
  actionPoints: 'actionPoints',
  agreement: 'agreement',
  /** Party proposals: wording suggested for a cell, accepted or rejected (never in the canonical record). */
  proposals: 'proposals',
  /** Agreement marks that lapsed because their text changed, with who changed it. */
  lapses: 'lapses',
} as const;

/** Text in each working language, keyed by BCP 47 tag. */
export type LocalizedText = Record<string, string>;

export interface MeetingFacts {
  schemaVersion: number;
  meetingId: string;
  version: number;
  previousRecordHash: string | null;
  series: LocalizedText;
  number: number;
  code: string;
  venue: LocalizedText;
  startDate: string;
  endDate: string;
  languages: string[];
  authenticLanguages: string[];
  prevailingLanguage: string | null;
  /** IANA time zone of the meeting; absent in records set up before it was a fact. */
  timeZone?: string;
}

export interface Party {
  code: string;
  name: LocalizedText;
  language: string;
}

export interface Participant {
  id: string;
  party: string;
  role: Role;
  name: string;
  title: string;
  agency: string;
}

/** A party's agreement to one segment or action point, as it stood when given. */
export interface AgreementMark {
  party: string;
  by: string;
  at: string;
  /** Digest of the text agreed; the mark holds only while the text still matches. */
  textDigest: string;
}

/** Agenda item: Y.Map with `id` (string) and `title` (Y.Map of Y.Text per language). */
export type AgendaItemMap = Y.Map<unknown>;
/** Segment: Y.Map with `id` (string) and `cells` (Y.Map of Y.XmlFragment per language). */
export type SegmentMap = Y.Map<unknown>;
/** Action point: Y.Map with id, text (Y.Map of Y.Text), party, agency, due, status. */
export type ActionPointMap = Y.Map<unknown>;

export const meta = (doc: Y.Doc) => doc.getMap<unknown>(Root.meta);
export const parties = (doc: Y.Doc) => doc.getArray<Party>(Root.parties);
export const participants = (doc: Y.Doc) => doc.getArray<Participant>(Root.participants);
export const agenda = (doc: Y.Doc) => doc.getArray<AgendaItemMap>(Root.agenda);
/** Minutes: one Y.Array of segments per agenda item, keyed by the item's id. */
export const minutes = (doc: Y.Doc) => doc.getMap<Y.Array<SegmentMap>>(Root.minutes);
export const actionPoints = (doc: Y.Doc) => doc.getArray<ActionPointMap>(Root.actionPoints);
/** Agreement marks keyed by `${targetId}/${partyCode}`. */
export const agreement = (doc: Y.Doc) => doc.getMap<AgreementMark>(Root.agreement);

export const agreementKey = (targetId: string, party: string) => `${targetId}/${party}`;

export function readMeetingFacts(doc: Y.Doc): MeetingFacts {
  return meta(doc).toJSON() as MeetingFacts;
}

export function agendaItemId(item: AgendaItemMap): string {
  return item.get('id') as string;
}

export function agendaItemTitle(item: AgendaItemMap): Y.Map<Y.Text> {
  return item.get('title') as Y.Map<Y.Text>;
}

export function segmentsOf(doc: Y.Doc, agendaItem: string): Y.Array<SegmentMap> | undefined {
  return minutes(doc).get(agendaItem);
}

export function segmentId(segment: SegmentMap): string {
  return segment.get('id') as string;
}

export function segmentCells(segment: SegmentMap): Y.Map<Y.XmlFragment> {
  return segment.get('cells') as Y.Map<Y.XmlFragment>;
}

export function localizedYText(texts: LocalizedText): Y.Map<Y.Text> {
  const map = new Y.Map<Y.Text>();
  for (const [language, value] of Object.entries(texts)) map.set(language, new Y.Text(value));
  return map;
}

export function readLocalizedYText(map: Y.Map<Y.Text>): LocalizedText {
  const out: LocalizedText = {};
  map.forEach((value, language) => {
    out[language] = value.toString();
  });
  return out;
}
