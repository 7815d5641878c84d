// Every action the audit logs hold, by name: what the server writes (server/audit.ts takes
// nothing else) and what the client puts into words (client/features/audit). A new entry
// is named here first, so that a writer and a reader cannot spell it two ways.

/** Steps a person tries and may be refused: the refusal is written as `<step>.refused`. */
export const ATTEMPTED_STEPS = [
  'record.lock',
  'record.unlock',
  'record.sign',
  'record.amend',
  'key.enrol',
  'audit.read',
  'export.pdf',
  'export.docx',
  'export.bundle',
] as const;
export type AttemptedStep = (typeof ATTEMPTED_STEPS)[number];

/** Entries written under their own name: what was done, and refusals named apart. */
export const MEETING_AUDIT_ACTIONS = [
  'meeting.created',
  'session.opened',
  'access.refused',
  'agreement.marked',
  'agreement.marked-all',
  'agreement.refused',
  'invitation.link-issued',
  'invitation.revoked',
  'invitations.read-refused',
  'invitation.link-refused',
  'invitation.revoke-refused',
  'invitations.sheet-issued',
  'record.write-refused',
  'record.removed',
  'record.remove-refused',
  'record.restored',
  'record.restore-refused',
  'history.version-named',
  'history.version-refused',
  'key.enrolled',
  'key.replaced',
  'record.locked',
  'record.unlocked',
  'record.signed',
  'record.amended',
  'signature.voided',
  'export.pdf',
  'export.docx',
  'export.bundle',
  'meeting.facts-edited',
  'meeting.facts-edit-refused',
  'meeting.officer-granted',
  'roster.added',
  'roster.add-refused',
  'roster.removed',
  'series.next-meeting-created',
  'action-point.status-set',
  'action-point.status-refused',
  'agenda.item-added',
  'agenda.item-renamed',
  'agenda.item-moved',
  'agenda.item-removed',
  'minutes.imported',
  'case.added',
  'case.changed',
  'case.removed',
  'case.refused',
  'case.save-refused',
  'case-annex.agreed',
  'case-annex.withdrawn',
  'personal-data.dismissed',
  'comment.thread',
  'comment.reply',
  'comment.resolved',
  'comment.reopened',
  'comment.refused',
  'proposal.made',
  'proposal.accepted',
  'proposal.rejected',
  'proposal.withdrawn',
  'proposal.refused',
] as const;

/** The deployment's own log: accounts and the first run, which belong to no meeting. */
export const DEPLOYMENT_AUDIT_ACTIONS = [
  'account.created',
  'account.setup-link-issued',
  'account.setup-refused',
  'account.password-set',
  'account.password-change-refused',
  'account.disabled',
  'first-run.completed',
  'first-run.refused',
  'first-run.throttled',
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-in.throttled',
  'sign-out',
] as const;

/**
 * Names earlier servers wrote and no server writes now; logs are append-only, so readers
 * still meet them. `bundle.export`: the signed bundle's second endpoint, since folded into
 * `export.bundle`.
 */
export const FORMER_AUDIT_ACTIONS = ['bundle.export', 'bundle.export.refused'] as const;

export type AuditAction = (typeof MEETING_AUDIT_ACTIONS)[number] | (typeof DEPLOYMENT_AUDIT_ACTIONS)[number] | `${AttemptedStep}.refused`;

/** What a log may hold: what is written now, and what was once. */
export type LoggedAuditAction = AuditAction | (typeof FORMER_AUDIT_ACTIONS)[number];
