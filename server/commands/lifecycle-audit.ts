// Every lifecycle step is written to the meeting's audit log, refusals too: a refusal is
// `<action>.refused` with its reason, so the log shows who tried what and when.
import { audit } from '../audit';
import type { Services } from '../services';
import type { AttemptedStep, AuditReason, MeetingAuditAction } from '../../shared/audit-actions';
import type { Refusal } from '../policies/refusal';
import type { CommandResult } from './lifecycle-result';

/** What a refused entry may name as its reason: one of the server's refusals, or a body that could not be read. */
export type AuditedRefusal = Refusal | { code: 'invalid-body' };

export async function auditRefusal(
  services: Services,
  meetingId: string,
  actor: string,
  action: AttemptedStep,
  refusal: AuditedRefusal,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await audit(services, meetingId, actor, `${action}.refused`, { ...detail, ...refusalDetail(refusal) });
}

/** Audits a command's outcome: `done` on success, `<action>.refused` otherwise. */
export async function auditOutcome<T>(
  services: Services,
  meetingId: string,
  actor: string,
  action: AttemptedStep,
  result: CommandResult<T>,
  done: (value: T) => [MeetingAuditAction, Record<string, unknown>],
): Promise<void> {
  if (result.ok) {
    const [event, detail] = done(result.value);
    await audit(services, meetingId, actor, event, detail);
  } else {
    await auditRefusal(services, meetingId, actor, action, result.refusal);
  }
}

// A refusal's reason, kept short: a lock refused for want of agreement names how many
// targets block it, not every one of them.
export function refusalDetail(refusal: AuditedRefusal): { reason: AuditReason } & Record<string, unknown> {
  // Every refusal's code is a reason the audit view puts into words (shared/audit-actions.ts):
  // a refusal added to server/policies/refusal.ts and not named there does not build.
  const reason: AuditReason = refusal.code;
  if (refusal.code === 'not-agreed') return { reason, blockers: refusal.blockers.length };
  return { reason, ...Object.fromEntries(Object.entries(refusal).filter(([k]) => k !== 'code')) };
}
