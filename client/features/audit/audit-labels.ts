// An audit entry's action in the reader's words. Known actions have a sentence each; a
// refused one (`<action>.refused`) says what was tried; anything newer is shown by its name.
import type { MessageKey } from '../../i18n/i18n';

const DONE: Record<string, MessageKey> = {
  'meeting.created': 'audit.meetingCreated',
  'session.opened': 'audit.sessionOpened',
  'agreement.marked': 'audit.agreementMarked',
  'agreement.refused': 'audit.agreementRefused',
  'invitation.link-issued': 'audit.linkIssued',
  'invitation.revoked': 'audit.invitationRevoked',
  'invitations.read-refused': 'audit.invitationsRefused',
  'invitation.link-refused': 'audit.invitationsRefused',
  'invitation.revoke-refused': 'audit.invitationsRefused',
  'access.refused': 'audit.accessRefused',
  'record.write-refused': 'audit.writeRefused',
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
};

const ATTEMPTED: Record<string, MessageKey> = {
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

export type AuditLabel =
  | { kind: 'done'; key: MessageKey }
  | { kind: 'refused'; what: MessageKey | null; action: string }
  | { kind: 'unknown'; action: string };

export function auditLabel(action: string): AuditLabel {
  const done = DONE[action];
  if (done) return { kind: 'done', key: done };
  if (action.endsWith('.refused')) {
    const tried = action.slice(0, -'.refused'.length);
    return { kind: 'refused', what: ATTEMPTED[tried] ?? null, action: tried };
  }
  return { kind: 'unknown', action };
}

/** The facts of an entry worth a glance: party, version, record, and the reason given. */
export interface AuditFacts {
  party?: string;
  version?: number;
  recordHash?: string;
  /** For a refusal, the server's reason code; for an unlock or amendment, the words typed. */
  reason?: string;
  voided?: string[];
}

export function auditFacts(detail: Record<string, unknown>): AuditFacts {
  const facts: AuditFacts = {};
  if (typeof detail.party === 'string') facts.party = detail.party;
  if (typeof detail.version === 'number') facts.version = detail.version;
  if (typeof detail.recordHash === 'string') facts.recordHash = detail.recordHash;
  if (typeof detail.reason === 'string') facts.reason = detail.reason;
  if (Array.isArray(detail.voidedSignatures)) facts.voided = detail.voidedSignatures.filter((p): p is string => typeof p === 'string');
  return facts;
}
