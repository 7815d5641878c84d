// Every state change, signature, invitation and export is written here.
import type { Services } from './services';
import { auditHash } from './storage/audit-chain';
import type { AuditEntry } from './storage/storage';

export function audit(
  services: Pick<Services, 'storage' | 'now'>,
  meetingId: string,
  actor: string,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<AuditEntry> {
  return services.storage.appendAudit({ meetingId, at: services.now().toISOString(), actor, action, detail }, auditHash);
}
