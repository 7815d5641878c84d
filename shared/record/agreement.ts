// Agreement, derived rather than stored as a flag: a party's mark holds the digest of the
// text it agreed, so editing that text clears the agreement by itself, on every client
// and on the server alike.
import type * as Y from 'yjs';
import { digest } from 'lib0/hash/sha256';
import { toBase64 } from 'lib0/buffer';
import {
  actionPoints,
  agenda,
  agendaItemId,
  agreement,
  agreementKey,
  minutes,
  parties,
  readMeetingFacts,
  segmentCells,
  segmentId,
  type ActionPointMap,
  type AgreementMark,
  type SegmentMap,
} from './schema';
import { plainText } from './rich-text';
import { countBrackets } from './brackets';
import { readinessBlockers } from './readiness';
import { noMemo, type TargetMemo } from './target-memo';
import { openProposals, type Proposal } from './proposals';
import type { PlacedFinding } from './personal-data-blockers';

export type AgreementTarget =
  | { kind: 'segment'; id: string; agendaItemId: string; segment: SegmentMap }
  | { kind: 'actionPoint'; id: string; point: ActionPointMap };

/** Every segment and action point, in reading order. */
export function agreementTargets(doc: Y.Doc): AgreementTarget[] {
  const targets: AgreementTarget[] = [];
  for (const item of agenda(doc)) {
    const itemId = agendaItemId(item);
    for (const segment of minutes(doc).get(itemId) ?? []) {
      targets.push({ kind: 'segment', id: segmentId(segment), agendaItemId: itemId, segment });
    }
  }
  for (const point of actionPoints(doc)) targets.push({ kind: 'actionPoint', id: point.get('id') as string, point });
  return targets;
}

export function findTarget(doc: Y.Doc, targetId: string): AgreementTarget | undefined {
  return agreementTargets(doc).find((t) => t.id === targetId);
}

/** The text a party agrees to, normalised: every language, and for an action point its terms. */
function targetText(languages: readonly string[], target: AgreementTarget): string {
  if (target.kind === 'segment') {
    const cells = segmentCells(target.segment);
    return languages.map((l) => `${l}\u0000${cells.get(l) ? plainText(cells.get(l)!) : ''}`).join('\u0001');
  }
  const texts = target.point.get('text') as Y.Map<Y.Text>;
  const terms = ['party', 'agency', 'due', 'status'].map((k) => `${k}\u0000${String(target.point.get(k) ?? '')}`);
  return [...languages.map((l) => `${l}\u0000${texts.get(l)?.toString() ?? ''}`), ...terms].join('\u0001');
}

function textDigest(text: string): string {
  return toBase64(digest(new TextEncoder().encode(text)));
}

/**
 * Each target's last text and its digest, per record. What blocks the lock asks for every
 * segment's digest whenever anyone types; hashing only the texts that changed since keeps
 * that to reading the texts (a GMS 08-size record has 300 segments, 20 people typing).
 */
const lastDigests = new WeakMap<Y.Doc, Map<string, { text: string; digest: string }>>();

function currentDigest(doc: Y.Doc, languages: readonly string[], target: AgreementTarget): string {
  const text = targetText(languages, target);
  let byTarget = lastDigests.get(doc);
  if (!byTarget) lastDigests.set(doc, (byTarget = new Map()));
  const last = byTarget.get(target.id);
  if (last?.text === text) return last.digest;
  const made = textDigest(text);
  byTarget.set(target.id, { text, digest: made });
  return made;
}

/** For each party of the meeting: does its mark still match the target's text? */
export function agreementOf(doc: Y.Doc, target: AgreementTarget): Record<string, boolean> {
  return agreementWith(doc, readMeetingFacts(doc).languages, parties(doc).toArray(), target);
}

function agreementWith(doc: Y.Doc, languages: readonly string[], among: readonly { code: string }[], target: AgreementTarget): Record<string, boolean> {
  const marks = agreement(doc);
  const out: Record<string, boolean> = {};
  // The text is read and hashed only when some party has a mark to compare it with: most
  // segments being typed into have none yet.
  let current: string | undefined;
  for (const party of among) {
    const mark = marks.get(agreementKey(target.id, party.code));
    out[party.code] = mark !== undefined && mark.textDigest === (current ??= currentDigest(doc, languages, target));
  }
  return out;
}

/** The mark a head gives for their party, sealing the text as it is now. */
export function markFor(doc: Y.Doc, target: AgreementTarget, party: string, by: string, at: Date): AgreementMark {
  return { party, by, at: at.toISOString(), textDigest: currentDigest(doc, readMeetingFacts(doc).languages, target) };
}

export interface LockBlocker {
  /**
   * A segment or action point; an agenda item (its title), a party, or a working language;
   * the case annex (parties that have not agreed it); personal data found and not dismissed.
   */
  kind: AgreementTarget['kind'] | 'agendaItem' | 'party' | 'language' | 'caseAnnex' | 'personalData';
  /** The target's id; the party's code; the language's tag. */
  id: string;
  agendaItemId?: string;
  /** Parties whose agreement is missing or no longer matches the text. */
  missingParties: string[];
  openBrackets: number;
  /** Proposals still waiting for a decision: each blocks the lock, and is named. */
  openProposals?: ProposalBlocker[];
  /** Authentic languages in which the text is empty: a blank cannot be signed. */
  emptyLanguages?: string[];
  /** A party without a head of delegation to sign; a working language without its fixed words. */
  problem?: 'no-head' | 'no-wording';
  /** For personal data: what was found, and where (its id is the finding's key). */
  finding?: Omit<PlacedFinding, 'key'>;
}

export type ProposalBlocker = Pick<Proposal, 'id' | 'language' | 'byName' | 'party'>;

/** What stands between the record and being lockable; empty when it can be locked. */
export function lockBlockers(doc: Y.Doc, memo: TargetMemo = noMemo): LockBlocker[] {
  const blockers = agreementBlockers(doc, memo);
  for (const ready of readinessBlockers(doc, memo)) {
    const same = blockers.find((b) => b.kind === ready.kind && b.id === ready.id);
    if (same && 'emptyLanguages' in ready) same.emptyLanguages = ready.emptyLanguages;
    else blockers.push({ missingParties: [], openBrackets: 0, ...ready });
  }
  return blockers;
}

function agreementBlockers(doc: Y.Doc, memo: TargetMemo): LockBlocker[] {
  const blockers: LockBlocker[] = [];
  let open: Proposal[] | undefined;
  // Read once for the whole record rather than once a target.
  const { languages } = readMeetingFacts(doc);
  const among = parties(doc).toArray();
  for (const target of agreementTargets(doc)) {
    const blocker = memo(target.kind === 'segment' ? target.segment : target.point, 'agreement', () => {
      open ??= openProposals(doc);
      return targetBlocker(doc, languages, among, open, target);
    });
    // A copy: lockBlockers adds the empty languages to it.
    if (blocker) blockers.push({ ...blocker });
  }
  return blockers;
}

function targetBlocker(
  doc: Y.Doc,
  languages: readonly string[],
  among: readonly { code: string }[],
  open: readonly Proposal[],
  target: AgreementTarget,
): LockBlocker | null {
  const agreed = agreementWith(doc, languages, among, target);
  const missingParties = Object.keys(agreed).filter((p) => !agreed[p]);
  const openBrackets = bracketsIn(doc, target);
  const proposed = open.filter((p) => p.segmentId === target.id).map(({ id, language, byName, party }) => ({ id, language, byName, party }));
  if (missingParties.length === 0 && openBrackets === 0 && proposed.length === 0) return null;
  return {
    kind: target.kind,
    id: target.id,
    ...(target.kind === 'segment' ? { agendaItemId: target.agendaItemId } : {}),
    missingParties,
    openBrackets,
    ...(proposed.length > 0 ? { openProposals: proposed } : {}),
  };
}

export function bracketsIn(_doc: Y.Doc, target: AgreementTarget): number {
  if (target.kind === 'segment') {
    let n = 0;
    segmentCells(target.segment).forEach((cell) => (n += countBrackets(cell)));
    return n;
  }
  let n = 0;
  (target.point.get('text') as Y.Map<Y.Text>).forEach((text) => (n += countBrackets(text)));
  return n;
}
