// One original per party, by the alternat: in a party's own original that party is named
// first, its language stands in the first column, and its head of delegation's signature
// block comes first. Everything else keeps the record's own order.
import type { CanonicalRecord } from '../../shared/record/canonical';
import type { BundleSignature, SignedBundle } from '../../shared/signing/bundle';
import { displayFingerprint } from '../../shared/signing/fingerprint';
import type { RecordState } from '../../shared/roles';
import type { ExportSource } from './export-source';
import { bundleFileName } from './file-names';

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
  /** Where the QR code points: the verify page for this record hash. */
  verifyUrl: string | null;
}

export class UnknownParty extends Error {
  constructor(
    readonly asked: string,
    readonly parties: string[],
  ) {
    super(`"${asked}" is not a party to this record; choose one of ${parties.join(', ')}`);
  }
}

export function originalFor(source: ExportSource, partyCode: string, verifyPage: string): Original {
  const { canonical: record } = source;
  const party = record.parties.find((p) => p.code === partyCode);
  if (!party) throw new UnknownParty(partyCode, record.parties.map((p) => p.code));
  const parties = [party, ...record.parties.filter((p) => p !== party)];
  const languages = record.meeting.languages.includes(party.language)
    ? [party.language, ...record.meeting.languages.filter((l) => l !== party.language)]
    : [...record.meeting.languages];
  const signatures = source.bundle?.signatures ?? [];
  const signedParties = new Set(signatures.map((s) => s.party));
  return {
    party,
    meetingCode: source.meeting.code,
    record,
    state: source.record.state,
    final: source.record.state === 'signed' && record.parties.every((p) => signedParties.has(p.code)),
    languages,
    parties,
    signatureBlocks: parties.map((p) => ({
      party: p,
      head: record.participants.find((x) => x.party === p.code && x.role === 'head') ?? null,
      signature: signatures.find((s) => s.party === p.code) ?? null,
    })),
    recordHash: source.recordHash,
    fingerprint: source.recordHash ? displayFingerprint(source.recordHash) : null,
    bundle: source.bundle,
    bundleFileName: bundleFileName(source.meeting.code),
    verifyUrl: source.recordHash ? `${verifyPage}?record=${source.recordHash}` : null,
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
