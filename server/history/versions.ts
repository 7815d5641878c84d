// Versions of a record: its full state at a moment, kept in record_versions. Made by hand
// with a name, at every lifecycle step, before a removal, and automatically while people
// edit (every ACCORD_VERSION_EVERY_SECONDS, counted from the last stored version: storage
// says when a version is due, not a timer or a flag in memory).
import * as Y from 'yjs';
import { newId } from '../auth/tokens';
import { log, errorMessage } from '../log';
import { partsOf, type EditAuthor, type Storage, type VersionKind, type VersionRow } from '../storage/storage';

export interface VersionServices {
  storage: Storage;
  now: () => Date;
}

/** The record as stored now, as one update, and the last sequence number it holds. */
async function storedState(storage: Storage, documentId: string): Promise<{ state: Uint8Array; seq: number }> {
  const stored = await storage.loadRecord(documentId);
  const parts = partsOf(stored);
  return { state: parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), seq: stored.lastSeq };
}

/** Keeps the record as stored now as a version. */
export async function saveVersion(
  services: VersionServices,
  documentId: string,
  kind: VersionKind,
  by: EditAuthor | null,
  name: string | null = null,
): Promise<VersionRow> {
  const { state, seq } = await storedState(services.storage, documentId);
  const version = { id: newId(), documentId, seq, kind, name, at: services.now().toISOString(), by };
  await services.storage.addVersion({ ...version, state });
  return version;
}

/** Saves a lifecycle version without letting its failure undo the step it records. */
export async function saveLifecycleVersion(services: VersionServices, documentId: string, kind: VersionKind, by: EditAuthor | null): Promise<void> {
  try {
    await saveVersion(services, documentId, kind, by);
  } catch (err) {
    log.error('history.version-failed', { documentId, kind, error: errorMessage(err) });
  }
}

/**
 * Automatic versions: told of every stored edit, makes one when the record's last version
 * is older than `everyMs`. Only the due time read from storage is remembered, and one
 * check runs per record at a time.
 */
export class AutoVersions {
  private readonly dueAt = new Map<string, number>();
  private readonly checking = new Set<string>();

  constructor(
    private readonly services: VersionServices,
    private readonly everyMs: number,
  ) {}

  edited(documentId: string): void {
    if (this.everyMs <= 0 || this.checking.has(documentId)) return;
    const now = this.services.now().getTime();
    if ((this.dueAt.get(documentId) ?? 0) > now) return;
    this.checking.add(documentId);
    void this.check(documentId, now).finally(() => this.checking.delete(documentId));
  }

  private async check(documentId: string, now: number): Promise<void> {
    try {
      const last = await this.services.storage.lastVersionAt(documentId);
      const due = last === null ? now : Date.parse(last) + this.everyMs;
      if (due <= now) {
        await saveVersion(this.services, documentId, 'auto', null);
        this.dueAt.set(documentId, now + this.everyMs);
      } else {
        this.dueAt.set(documentId, due);
      }
    } catch (err) {
      log.warn('history.auto-version-failed', { documentId, error: errorMessage(err) });
    }
  }
}

/** A command's participant as the author of what it changes. */
export const authorOf = (by: { participantId: string; name: string; actor: { party: string } }): EditAuthor => ({
  participantId: by.participantId,
  party: by.actor.party,
  name: by.name,
});
