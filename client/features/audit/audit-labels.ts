// An audit entry in the reader's words. Every action the server writes has a sentence; a
// refused one (`<action>.refused`) says what was tried and why, its reason in words too;
// anything newer than this client is shown by its name.
import type { AttemptedStep, LoggedAuditAction } from '../../../shared/audit-actions';
import type { MessageKey } from '../../i18n/i18n';

// Keyed by the shared names (shared/audit-actions.ts): a label for an action no server writes does not build.
const DONE: Partial<Record<LoggedAuditAction, MessageKey>> = {
  'meeting.created': 'audit.meetingCreated',
  'session.opened': 'audit.sessionOpened',
  'agreement.marked': 'audit.agreementMarked',
  'agreement.refused': 'audit.agreementRefused',
  'invitation.link-issued': 'audit.linkIssued',
  'invitation.revoked': 'audit.invitationRevoked',
  'invitations.read-refused': 'audit.invitationsRefused',
  'invitation.link-refused': 'audit.invitationsRefused',
  'invitation.revoke-refused': 'audit.invitationsRefused',
  'invitations.sheet-issued': 'audit.sheetIssued',
  'access.refused': 'audit.accessRefused',
  'record.write-refused': 'audit.writeRefused',
  'record.removed': 'audit.recordRemoved',
  'record.remove-refused': 'audit.removeRefused',
  'record.restored': 'audit.recordRestored',
  'record.restore-refused': 'audit.restoreRefused',
  'history.version-named': 'audit.versionNamed',
  'history.version-refused': 'audit.versionRefused',
  'key.enrolled': 'audit.keyEnrolled',
  'key.replaced': 'audit.keyReplaced',
  'record.locked': 'audit.recordLocked',
  'record.unlocked': 'audit.recordUnlocked',
  'record.signed': 'audit.recordSigned',
  'record.amended': 'audit.recordAmended',
  'signature.voided': 'audit.signatureVoided',
  'export.pdf': 'audit.exportPdf',
  'export.docx': 'audit.exportDocx',
  'export.bundle': 'audit.exportBundle',
  'bundle.export': 'audit.exportBundle',
  'meeting.facts-edited': 'audit.factsEdited',
  'meeting.facts-edit-refused': 'audit.factsRefused',
  'meeting.officer-granted': 'audit.officerGranted',
  'roster.added': 'audit.rosterAdded',
  'roster.add-refused': 'audit.rosterRefused',
  'roster.removed': 'audit.rosterRemoved',
  'series.next-meeting-created': 'audit.nextMeeting',
  'action-point.status-set': 'audit.statusSet',
  'action-point.status-refused': 'audit.statusRefused',
  'agenda.item-added': 'audit.agendaAdded',
  'agenda.item-renamed': 'audit.agendaRenamed',
  'agenda.item-moved': 'audit.agendaMoved',
  'agenda.item-removed': 'audit.agendaRemoved',
  'minutes.imported': 'audit.minutesImported',
};

const ATTEMPTED: Partial<Record<AttemptedStep | 'bundle.export', MessageKey>> = {
  'record.lock': 'audit.tried.lock',
  'record.unlock': 'audit.tried.unlock',
  'record.sign': 'audit.tried.sign',
  'record.amend': 'audit.tried.amend',
  'key.enrol': 'audit.tried.enrol',
  'audit.read': 'audit.tried.audit',
  'bundle.export': 'audit.tried.export',
  'export.pdf': 'audit.tried.export',
  'export.docx': 'audit.tried.export',
  'export.bundle': 'audit.tried.export',
};

/** Why something was refused, as the server names it: a lifecycle refusal, or what the socket refused. */
const REASONS: Record<string, MessageKey> = {
  'not-agreed': 'audit.reason.notAgreed',
  'not-permitted': 'audit.reason.notPermitted',
  'not-a-participant': 'audit.reason.notParticipant',
  'not-your-party': 'audit.reason.notYourParty',
  'written-by-others': 'audit.reason.notYourParty',
  'not-a-party': 'audit.reason.notParty',
  'wrong-state': 'audit.reason.wrongState',
  'already-signed': 'audit.reason.alreadySigned',
  'stale-statement': 'audit.reason.stale',
  'clock-skew': 'audit.reason.clock',
  superseded: 'audit.reason.superseded',
  conflict: 'audit.reason.conflict',
  'bad-signature': 'audit.reason.badSignature',
  'no-key-enrolled': 'audit.reason.noKey',
  'signer-mismatch': 'audit.reason.signer',
  'statement-mismatch': 'audit.reason.statement',
  'invalid-key': 'audit.reason.invalidKey',
  'invalid-body': 'audit.reason.invalidBody',
  'no-such-version': 'audit.reason.noVersion',
  'unknown-party': 'audit.reason.unknownParty',
  'not-locked': 'audit.reason.notLocked',
  not_draft: 'audit.reason.notDraft',
  invalid: 'audit.reason.invalid',
  'read-only:observer': 'refusal.observer',
  'read-only:locked': 'audit.reason.locked',
  'read-only:signed': 'audit.reason.signed',
  'agreement:server-only': 'audit.reason.agreementServerOnly',
  'record:server-only': 'audit.reason.recordServerOnly',
  'storage:unavailable': 'audit.reason.storage',
  'update:missing-dependencies': 'audit.reason.missingDependencies',
  'update:client-not-yours': 'audit.reason.clientNotYours',
  'remove:use-command': 'audit.reason.removeUseCommand',
  'awareness:not-your-client': 'audit.reason.presence',
  'awareness:too-large': 'audit.reason.presence',
};

export type AuditLabel = { kind: 'done'; key: MessageKey } | { kind: 'refused'; what: MessageKey | null; action: string } | { kind: 'unknown'; action: string };

export function auditLabel(action: string): AuditLabel {
  const done = DONE[action as LoggedAuditAction];
  if (done) return { kind: 'done', key: done };
  if (action.endsWith('.refused')) {
    const tried = action.slice(0, -'.refused'.length);
    return { kind: 'refused', what: ATTEMPTED[tried as AttemptedStep] ?? null, action: tried };
  }
  return { kind: 'unknown', action };
}

/** A refusal's reason in words; null for a reason this client does not know (shown as it is). */
export const reasonKey = (reason: string): MessageKey | null => REASONS[reason] ?? null;

/** The facts of an entry worth a glance: party, version, record, agenda item, counts, and the reason given. */
export interface AuditFacts {
  party?: string;
  version?: number;
  recordHash?: string;
  /** For a refusal, the server's reason code; for an unlock or amendment, the words typed. */
  reason?: string;
  voided?: string[];
  /** The agenda item an agenda change concerns, by its number. */
  item?: number;
  /** What an import brought: items and segments. */
  items?: number;
  segments?: number;
  /** How someone came in: by their link, or from the console. */
  via?: string;
  /** The new status of an action point. */
  status?: string;
}

export function auditFacts(detail: Record<string, unknown>): AuditFacts {
  const facts: AuditFacts = {};
  if (typeof detail.party === 'string') facts.party = detail.party;
  if (typeof detail.version === 'number') facts.version = detail.version;
  if (typeof detail.recordHash === 'string') facts.recordHash = detail.recordHash;
  if (typeof detail.reason === 'string') facts.reason = detail.reason;
  else if (typeof detail.why === 'string') facts.reason = detail.why;
  if (Array.isArray(detail.voidedSignatures)) facts.voided = detail.voidedSignatures.filter((p): p is string => typeof p === 'string');
  if (typeof detail.item === 'number') facts.item = detail.item;
  if (typeof detail.items === 'number') facts.items = detail.items;
  if (typeof detail.segments === 'number') facts.segments = detail.segments;
  if (typeof detail.via === 'string') facts.via = detail.via;
  if (typeof detail.status === 'string') facts.status = detail.status;
  return facts;
}
