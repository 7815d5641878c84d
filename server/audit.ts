// Every state change, signature, invitation and export is written here, sealed with the
// server's audit key and noted by its witness; and the whole log is checked here, against
// its seals and against every head seen of it (record-format.md §9).
import type { AuditAction } from '../shared/audit-actions';
import type { Services } from './services';
import { auditSeal, checkAuditChain, type AuditAnchor, type AuditCheck } from './storage/audit-chain';
import type { AuditEntry } from './storage/storage';

type AuditServices = Pick<Services, 'storage' | 'now' | 'auditKey' | 'auditWitness'>;

export async function audit(
  services: AuditServices,
  meetingId: string,
  actor: string,
  action: AuditAction,
  detail: Record<string, unknown> = {},
): Promise<AuditEntry> {
  const entry = await services.storage.appendAudit({ meetingId, at: services.now().toISOString(), actor, action, detail }, auditSeal(services.auditKey));
  services.auditWitness.saw(meetingId, { length: entry.seq, hash: entry.hash });
  return entry;
}

/**
 * A log's entries and what checking them found. The heads written into its locked and
 * signed versions, and the longest this server's witness noted, anchor the chain.
 */
export async function checkedAudit(services: Omit<AuditServices, 'now'>, logId: string): Promise<{ entries: AuditEntry[]; check: AuditCheck }> {
  const entries = await services.storage.listAudit(logId);
  const anchors: AuditAnchor[] = [];
  for (const record of await services.storage.listRecords(logId)) {
    const lock = record.state === 'draft' ? undefined : await services.storage.getRecordLock(record.documentId);
    const head = lock ? (JSON.parse(lock.canonical) as { auditHead?: AuditAnchor['head'] }).auditHead : undefined;
    if (head) anchors.push({ version: record.version, head });
  }
  const witnessed = services.auditWitness.headOf(logId);
  if (witnessed) anchors.push({ version: null, head: witnessed });
  return { entries, check: checkAuditChain(entries, services.auditKey, anchors) };
}
