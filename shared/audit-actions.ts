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

/** What a meeting's own log holds: what was done to it, and what was tried and refused. */
export type MeetingAuditAction = (typeof MEETING_AUDIT_ACTIONS)[number] | `${AttemptedStep}.refused`;

/** Every meeting action by name, the refused steps spelled out: what the audit view must put into words. */
export const MEETING_AUDIT_ACTION_NAMES: readonly MeetingAuditAction[] = [
  ...MEETING_AUDIT_ACTIONS,
  ...ATTEMPTED_STEPS.map((step) => `${step}.refused` as const),
];

export type DeploymentAuditAction = (typeof DEPLOYMENT_AUDIT_ACTIONS)[number];

export type AuditAction = MeetingAuditAction | DeploymentAuditAction;

/**
 * Why something was refused, as a refused entry's `reason` names it: every refusal the
 * server's commands and routes answer (server/policies/refusal.ts, whose codes the server
 * checks are all here), a body that could not be read, and what the sync socket refuses.
 * The audit view puts each into words.
 */
export const AUDIT_REASONS = [
  // Who may: authorize().
  'unauthenticated',
  'needs-administrator-token',
  'no-such-meeting',
  'not-a-participant',
  'not-permitted',
  'not-your-party',
  'written-by-others',
  'wrong-state',
  // The lifecycle.
  'superseded',
  'not-agreed',
  'not-a-party',
  'already-signed',
  'stale-statement',
  'clock-skew',
  // What only a command can tell.
  'no-key-enrolled',
  'invalid-key',
  'key-in-use',
  'bad-signature',
  'signer-mismatch',
  'statement-mismatch',
  'no-such-version',
  'unknown-party',
  'not-locked',
  'invitation-revoked',
  'conflict',
  'unknown-target',
  'unknown-agenda-item',
  'unknown-segment',
  'unknown-thread',
  'unknown-mention',
  'mention-cannot-see',
  'unknown-language',
  'unknown-proposal',
  'not-found',
  'not-in-version',
  'still-there',
  'stale-annex',
  'not-working-language',
  'invalid-facts',
  'already-decided',
  'unchanged',
  // What a request carries.
  'invalid-body',
  'invalid-request',
  'too-large',
  'no-file',
  'no-bundle',
  'not-json',
  'cross-origin',
  'unsupported-type',
  // The console: its accounts and sign-in, and the meetings it sets up.
  'login-taken',
  'wrong-credentials',
  'too-many-sign-ins',
  'too-many-codes',
  'wrong-code',
  'wrong-password',
  'same-password',
  'invalid-setup-link',
  'no-longer-draft',
  'invalid-participant',
  'invalid-roster',
  'invalid-draft',
  'no-account',
  'party-not-in-meeting',
  'roster-fixed',
  'invalid-next-meeting',
  'next-meeting-exists',
  'unknown-account',
  'account-disabled',
  'password-change-required',
  'no-session',
  'invalid-invitation',
  // The roster's refused additions, named as they always were.
  'not_draft',
  'invalid',
  // The sync socket (shared/protocol.ts RefusalReason).
  'read-only:observer',
  'read-only:locked',
  'read-only:signed',
  'agreement:server-only',
  'record:server-only',
  'storage:unavailable',
  'update:missing-dependencies',
  'update:client-not-yours',
  'remove:use-command',
  'awareness:not-your-client',
  'awareness:too-large',
] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];
