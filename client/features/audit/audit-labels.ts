// An audit entry in the reader's words. Every action the server writes has a sentence; a
// refused one (`<action>.refused`) says what was tried and why, its reason in words too;
// anything newer than this client is shown by its name.
import type { AttemptedStep, AuditReason, FORMER_AUDIT_ACTIONS, MEETING_AUDIT_ACTIONS } from '../../../shared/audit-actions';
import type { MessageKey } from '../../i18n/i18n';

type Named = (typeof MEETING_AUDIT_ACTIONS)[number] | (typeof FORMER_AUDIT_ACTIONS)[number];

// Keyed by the shared names (shared/audit-actions.ts): an action the server writes with no
// label here, or a label for one no server writes, does not build.
const DONE: Record<Exclude<Named, 'bundle.export.refused'>, MessageKey> = {
  'meeting.created': 'audit.meetingCreated',
  'session.opened': 'audit.sessionOpened',
  'access.refused': 'audit.accessRefused',
  'agreement.marked': 'audit.agreementMarked',
  'agreement.marked-all': 'audit.agreementMarkedAll',
  'agreement.refused': 'audit.agreementRefused',
  'invitation.link-issued': 'audit.linkIssued',
  'invitation.revoked': 'audit.invitationRevoked',
  'invitations.read-refused': 'audit.invitationsRefused',
  'invitation.link-refused': 'audit.invitationsRefused',
  'invitation.revoke-refused': 'audit.invitationsRefused',
  'invitations.sheet-issued': 'audit.sheetIssued',
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
  'case.added': 'audit.caseAdded',
  'case.changed': 'audit.caseChanged',
  'case.removed': 'audit.caseRemoved',
  'case.refused': 'audit.caseRefused',
  'case.save-refused': 'audit.caseRefused',
  'case-annex.agreed': 'audit.annexAgreed',
  'case-annex.withdrawn': 'audit.annexWithdrawn',
  'personal-data.dismissed': 'audit.findingDismissed',
  'comment.thread': 'audit.commentThread',
  'comment.reply': 'audit.commentReply',
  'comment.resolved': 'audit.commentResolved',
  'comment.reopened': 'audit.commentReopened',
  'comment.refused': 'audit.commentRefused',
  'proposal.made': 'audit.proposalMade',
  'proposal.accepted': 'audit.proposalAccepted',
  'proposal.rejected': 'audit.proposalRejected',
  'proposal.withdrawn': 'audit.proposalWithdrawn',
  'proposal.refused': 'audit.proposalRefused',
};

const ATTEMPTED: Record<AttemptedStep | 'bundle.export', MessageKey> = {
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

/** Why something was refused, as the server names it (shared/audit-actions.ts AUDIT_REASONS): each in words. */
const REASONS: Record<AuditReason, MessageKey> = {
  unauthenticated: 'audit.reason.notSignedIn',
  'needs-administrator-token': 'audit.reason.adminToken',
  'no-such-meeting': 'audit.reason.otherMeeting',
  'not-a-participant': 'audit.reason.notParticipant',
  'not-permitted': 'audit.reason.notPermitted',
  'not-your-party': 'audit.reason.notYourParty',
  'written-by-others': 'audit.reason.notYourParty',
  'wrong-state': 'audit.reason.wrongState',
  superseded: 'audit.reason.superseded',
  'not-agreed': 'audit.reason.notAgreed',
  'not-a-party': 'audit.reason.notParty',
  'already-signed': 'audit.reason.alreadySigned',
  'stale-statement': 'audit.reason.stale',
  'clock-skew': 'audit.reason.clock',
  'no-key-enrolled': 'audit.reason.noKey',
  'invalid-key': 'audit.reason.invalidKey',
  'key-in-use': 'audit.reason.keyInUse',
  'bad-signature': 'audit.reason.badSignature',
  'signer-mismatch': 'audit.reason.signer',
  'statement-mismatch': 'audit.reason.statement',
  'no-such-version': 'audit.reason.noVersion',
  'unknown-party': 'audit.reason.unknownParty',
  'not-locked': 'audit.reason.notLocked',
  'invitation-revoked': 'audit.reason.revoked',
  conflict: 'audit.reason.conflict',
  'unknown-target': 'audit.reason.notFound',
  'unknown-agenda-item': 'audit.reason.notFound',
  'unknown-segment': 'audit.reason.notFound',
  'unknown-thread': 'audit.reason.notFound',
  'unknown-mention': 'audit.reason.mention',
  'mention-cannot-see': 'audit.reason.mention',
  'unknown-language': 'audit.reason.language',
  'unknown-proposal': 'audit.reason.notFound',
  'not-found': 'audit.reason.notFound',
  'not-in-version': 'audit.reason.notFound',
  'still-there': 'audit.reason.stillThere',
  'stale-annex': 'audit.reason.stale',
  'not-working-language': 'audit.reason.language',
  'invalid-facts': 'audit.reason.invalid',
  'already-decided': 'audit.reason.alreadyDecided',
  unchanged: 'audit.reason.unchanged',
  'invalid-body': 'audit.reason.invalidBody',
  'invalid-request': 'audit.reason.invalidBody',
  'too-large': 'audit.reason.tooLarge',
  'no-file': 'audit.reason.invalidBody',
  'no-bundle': 'audit.reason.invalidBody',
  'not-json': 'audit.reason.invalidBody',
  'cross-origin': 'audit.reason.crossOrigin',
  'unsupported-type': 'audit.reason.invalidBody',
  'login-taken': 'audit.reason.account',
  'wrong-credentials': 'audit.reason.signIn',
  'too-many-sign-ins': 'audit.reason.throttled',
  'too-many-codes': 'audit.reason.throttled',
  'wrong-code': 'audit.reason.signIn',
  'wrong-password': 'audit.reason.signIn',
  'same-password': 'audit.reason.signIn',
  'invalid-setup-link': 'audit.reason.signIn',
  'no-longer-draft': 'audit.reason.notDraft',
  'invalid-participant': 'audit.reason.invalid',
  'invalid-roster': 'audit.reason.invalid',
  'invalid-draft': 'audit.reason.invalid',
  'no-account': 'audit.reason.account',
  'party-not-in-meeting': 'audit.reason.notParty',
  'roster-fixed': 'audit.reason.notDraft',
  'invalid-next-meeting': 'audit.reason.invalid',
  'next-meeting-exists': 'audit.reason.nextExists',
  'unknown-account': 'audit.reason.account',
  'account-disabled': 'audit.reason.account',
  'password-change-required': 'audit.reason.signIn',
  'no-session': 'audit.reason.notSignedIn',
  'invalid-invitation': 'audit.reason.signIn',
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
  const done = Object.hasOwn(DONE, action) ? DONE[action as keyof typeof DONE] : undefined;
  if (done) return { kind: 'done', key: done };
  if (action.endsWith('.refused')) {
    const tried = action.slice(0, -'.refused'.length);
    return { kind: 'refused', what: Object.hasOwn(ATTEMPTED, tried) ? ATTEMPTED[tried as AttemptedStep] : null, action: tried };
  }
  return { kind: 'unknown', action };
}

/** A refusal's reason in words; null for a reason this client does not know (shown as it is). */
export const reasonKey = (reason: string): MessageKey | null => (Object.hasOwn(REASONS, reason) ? REASONS[reason as AuditReason] : null);

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
