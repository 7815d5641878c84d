// The canonical record: the locked record as one JSON value, written by RFC 8785 and
// hashed with SHA-256. The record hash is what every head of delegation signs, so the
// same record must give the same bytes on any machine, and any change to the text other
// bytes. docs/record-format.md describes it field by field, so that anyone can rebuild it.
import type * as Y from 'yjs';
import { canonicalBytes, canonicalize, wellFormed } from './jcs';
import { blocksOf, type TextBlock } from './canonical-text';
import {
  actionPoints,
  agenda,
  agendaItemId,
  agendaItemTitle,
  meta,
  minutes,
  parties,
  participants,
  segmentCells,
  segmentId,
  type LocalizedText,
} from './schema';
import type { Role } from '../roles';
import { zoneOfVenue } from './time-zone';
import { sha256Hex } from '../signing/fingerprint';

export const RECORD_FORMAT = 'accord.record/1';

/**
 * The meeting's audit log as the lock found it: how many entries, and the seal of the last
 * (64 hex digits; 64 zeros for an empty log). Signing the record signs this too, so the log
 * up to that entry can no longer be cut or rebuilt unnoticed.
 */
export interface AuditHead {
  length: number;
  hash: string;
}

export interface CanonicalRecord {
  format: typeof RECORD_FORMAT;
  meetingId: string;
  version: number;
  /** The record hash of the version this one amends; null for version 1. */
  previousRecordHash: string | null;
  /** The audit log's head at the lock; absent from records locked before Accord wrote it. */
  auditHead?: AuditHead;
  /**
   * The case annex, kept beside the record and shown only to the parties' own people: the
   * number of cases and the SHA-256 of its canonical text (shared/cases/annex.ts). Absent
   * when the meeting recorded no case.
   */
  caseAnnex?: CaseAnnexSeal;
  meeting: {
    code: string;
    series: LocalizedText;
    number: number;
    venue: LocalizedText;
    startDate: string;
    endDate: string;
    languages: string[];
    authenticLanguages: string[];
    prevailingLanguage: string | null;
    /**
     * IANA time zone every time of the record is shown in. Records locked before it was a
     * meeting fact have none, and show their times in UTC.
     */
    timeZone: string;
  };
  parties: { code: string; name: LocalizedText; language: string }[];
  participants: { id: string; party: string; role: Role; name: string; title: string; agency: string }[];
  agenda: {
    id: string;
    title: LocalizedText;
    minutes: { id: string; text: Record<string, TextBlock[]> }[];
  }[];
  actionPoints: {
    id: string;
    text: LocalizedText;
    party: string;
    agency: string;
    due: string | null;
    status: string;
  }[];
}

/**
 * Which record this is. Taken from the server's own rows, not from the document, whose
 * facts any editor could have changed.
 */
export interface RecordIdentity {
  meetingId: string;
  version: number;
  previousRecordHash: string | null;
  /** The audit log's head read by the lock (a draft's preview has none). */
  auditHead?: AuditHead;
  /** The case annex the lock read beside the record, when it holds any case. */
  caseAnnex?: CaseAnnexSeal;
}

export interface CaseAnnexSeal {
  cases: number;
  digest: string;
}

export function canonicalRecord(doc: Y.Doc, identity: RecordIdentity): CanonicalRecord {
  const facts = meta(doc);
  return {
    format: RECORD_FORMAT,
    meetingId: identity.meetingId,
    version: identity.version,
    previousRecordHash: identity.previousRecordHash,
    ...(identity.auditHead ? { auditHead: { length: identity.auditHead.length, hash: identity.auditHead.hash } } : {}),
    ...(identity.caseAnnex && identity.caseAnnex.cases > 0 ? { caseAnnex: { cases: identity.caseAnnex.cases, digest: identity.caseAnnex.digest } } : {}),
    meeting: {
      code: str(facts.get('code')),
      series: localized(facts.get('series')),
      number: finite(facts.get('number')),
      venue: localized(facts.get('venue')),
      startDate: str(facts.get('startDate')),
      endDate: str(facts.get('endDate')),
      languages: strings(facts.get('languages')),
      authenticLanguages: strings(facts.get('authenticLanguages')),
      prevailingLanguage: typeof facts.get('prevailingLanguage') === 'string' ? str(facts.get('prevailingLanguage')) : null,
      timeZone: typeof facts.get('timeZone') === 'string' ? str(facts.get('timeZone')) : zoneOfVenue(localized(facts.get('venue'))),
    },
    parties: parties(doc)
      .toArray()
      .map((p) => ({ code: str(p.code), name: localized(p.name), language: str(p.language) })),
    participants: participants(doc)
      .toArray()
      .map((p) => ({
        id: str(p.id),
        party: str(p.party),
        role: str(p.role) as Role,
        name: str(p.name),
        title: str(p.title),
        agency: str(p.agency),
      })),
    agenda: agenda(doc)
      .toArray()
      .map((item) => {
        const id = agendaItemId(item);
        return {
          id,
          title: yTexts(agendaItemTitle(item)),
          minutes: (minutes(doc).get(id)?.toArray() ?? []).map((segment) => {
            const text: Record<string, TextBlock[]> = {};
            segmentCells(segment).forEach((cell, language) => (text[language] = blocksOf(cell)));
            return { id: segmentId(segment), text };
          }),
        };
      }),
    actionPoints: actionPoints(doc)
      .toArray()
      .map((point) => ({
        id: str(point.get('id')),
        text: yTexts(point.get('text') as Y.Map<Y.Text>),
        party: str(point.get('party')),
        agency: str(point.get('agency')),
        due: typeof point.get('due') === 'string' ? str(point.get('due')) : null,
        status: str(point.get('status')),
      })),
  };
}

/** The canonical text (RFC 8785) of a record: what is stored, hashed and exported. */
export const canonicalText = (record: CanonicalRecord): string => canonicalize(record);

/** The record hash: SHA-256 of the canonical bytes, in lower-case hex. */
export function recordHash(record: CanonicalRecord): string {
  return sha256Hex(canonicalBytes(record));
}

// The document is shared with every editor, so its values are read defensively: what is
// not of the expected kind becomes an empty value rather than breaking the lock.
function str(value: unknown): string {
  return typeof value === 'string' ? wellFormed(value) : value === undefined || value === null ? '' : String(value);
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(str) : [];
}

function localized(value: unknown): LocalizedText {
  const out: LocalizedText = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [language, text] of Object.entries(value as Record<string, unknown>)) out[language] = str(text);
  }
  return out;
}

function yTexts(map: Y.Map<Y.Text> | undefined): LocalizedText {
  const out: LocalizedText = {};
  map?.forEach((text, language) => (out[language] = str(text?.toString())));
  return out;
}
