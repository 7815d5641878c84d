// One original per party, by the alternat: in a party's own original that party is named
// first, its language stands in the first column, and its head of delegation's signature
// block comes first. Everything else keeps the record's own order.
//
// An original is a function of the signed bundle, the party, the layout version below and
// the verify page's address, and of nothing else (no clock, no database): the verifier makes
// it again from the bundle attached to a file and compares the bytes.
import type { CanonicalRecord } from '../../shared/record/canonical';
import type { BundleSignature, SignedBundle } from '../../shared/signing/bundle';
import { displayFingerprint } from '../../shared/signing/fingerprint';
import type { RecordState } from '../../shared/roles';
import { bundleFileName } from './file-names';

/**
 * The layout an original is made by. Any change to what an original's bytes are made of
 * (words, fonts, shaping, page layout, pdfkit) is a new version: the verifier makes only
 * the current one, and says so of a file made by another.
 */
export const ORIGINAL_LAYOUT = 'accord.original/2';

/** What an original is made from: a locked or signed record's bundle, or a draft's record. */
export interface OriginalSource {
  record: CanonicalRecord;
  /** Null for a draft, which has no record hash yet. */
  bundle: SignedBundle | null;
}

type Party = CanonicalRecord['parties'][number];
type Participant = CanonicalRecord['participants'][number];

export interface SignatureBlock {
  party: Party;
  head: Participant | null;
  signature: BundleSignature | null;
}

export interface Original {
  /** Whose original this is. */
  party: Party;
  meetingCode: string;
  record: CanonicalRecord;
  state: RecordState;
  /** Signed by every party: anything less is a draft. */
  final: boolean;
  /** The working languages as columns, the party's own first. */
  languages: string[];
  /** The parties in the order this original names them. */
  parties: Party[];
  signatureBlocks: SignatureBlock[];
  recordHash: string | null;
  fingerprint: string | null;
  bundle: SignedBundle | null;
  bundleFileName: string;
  /** The verify page's address, as the exporting server knows it. */
  verifyPage: string;
  /** Where the QR code points: the verify page for this record hash. */
  verifyUrl: string | null;
  /** The meeting's clock: every time the original prints is on it (UTC for a record locked before it was kept). */
  timeZone: string;
}

export class UnknownParty extends Error {
  constructor(
    readonly asked: string,
    readonly parties: string[],
  ) {
    super(`"${asked}" is not a party to this record; choose one of ${parties.join(', ')}`);
  }
}

export function originalFor(source: OriginalSource, partyCode: string, verifyPage: string): Original {
  const { record, bundle } = source;
  const party = record.parties.find((p) => p.code === partyCode);
  if (!party)
    throw new UnknownParty(
      partyCode,
      record.parties.map((p) => p.code),
    );
  const parties = [party, ...record.parties.filter((p) => p !== party)];
  const languages = record.meeting.languages.includes(party.language)
    ? [party.language, ...record.meeting.languages.filter((l) => l !== party.language)]
    : [...record.meeting.languages];
  const signatures = bundle?.signatures ?? [];
  const signedParties = new Set(signatures.map((s) => s.party));
  const final = bundle !== null && record.parties.length > 0 && record.parties.every((p) => signedParties.has(p.code));
  const recordHash = bundle?.recordHash ?? null;
  return {
    party,
    meetingCode: record.meeting.code,
    record,
    state: bundle === null ? 'draft' : final ? 'signed' : 'locked',
    final,
    languages,
    parties,
    signatureBlocks: parties.map((p) => ({
      party: p,
      head: record.participants.find((x) => x.party === p.code && x.role === 'head') ?? null,
      signature: signatures.find((s) => s.party === p.code) ?? null,
    })),
    recordHash,
    fingerprint: recordHash ? displayFingerprint(recordHash) : null,
    bundle,
    bundleFileName: bundleFileName(record.meeting.code),
    verifyPage,
    verifyUrl: recordHash ? `${verifyPage}?record=${recordHash}` : null,
    timeZone: typeof record.meeting.timeZone === 'string' ? record.meeting.timeZone : 'UTC',
  };
}

/** A localized text in one language; the prevailing or first language when it is missing. */
export function textIn(texts: Record<string, string>, language: string, record: CanonicalRecord): string {
  if (texts[language]) return texts[language]!;
  const fallback = record.meeting.prevailingLanguage ?? record.meeting.languages[0] ?? '';
  return texts[fallback] ?? Object.values(texts)[0] ?? '';
}

/** Participants who are not of a party to the record (observers), listed apart. */
export function observersOf(record: CanonicalRecord): Participant[] {
  const codes = new Set(record.parties.map((p) => p.code));
  return record.participants.filter((p) => p.role === 'observer' || !codes.has(p.party));
}

/**
 * When an original was made: the last signature's time, so that the same bundle always makes
 * the same bytes; a locked record awaiting signatures takes its meeting's last day.
 */
export function madeAt(original: Original, now: Date): Date {
  if (!original.bundle) return now;
  const times = original.bundle.signatures.map((s) => Date.parse(s.statement.signedAt)).filter(Number.isFinite);
  if (times.length > 0) return new Date(Math.max(...times));
  const endOfMeeting = Date.parse(`${original.record.meeting.endDate}T00:00:00Z`);
  return new Date(Number.isFinite(endOfMeeting) ? endOfMeeting : 0);
}
