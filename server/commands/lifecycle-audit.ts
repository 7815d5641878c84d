// Every lifecycle step is written to the meeting's audit log, refusals too: a refusal is
// `<action>.refused` with its reason, so the log shows who tried what and when.
import { audit } from '../audit';
import type { Services } from '../services';
import type { AttemptedStep, AuditAction } from '../../shared/audit-actions';
import type { Refusal } from '../policies/refusal';
import type { CommandResult } from './lifecycle-result';

export async function auditRefusal(
  services: Services,
  meetingId: string,
  actor: string,
  action: AttemptedStep,
  refusal: Refusal | { code: string },
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
  done: (value: T) => [AuditAction, Record<string, unknown>],
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
export function refusalDetail(refusal: Refusal | { code: string }): Record<string, unknown> {
  if (refusal.code === 'not-agreed' && 'blockers' in refusal) return { reason: refusal.code, blockers: refusal.blockers.length };
  return { reason: refusal.code, ...Object.fromEntries(Object.entries(refusal).filter(([k]) => k !== 'code')) };
}
