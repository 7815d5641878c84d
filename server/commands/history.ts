// The record's history for its readers: the versions (by time and author), one version's
// content, a comparison of two, a version named by hand, and the restoring of an agenda
// item, segment or action point a version holds and the record no longer does, written as
// a new edit of the one who restores it (history is never rewritten).
import * as Y from 'yjs';
import { audit } from '../audit';
import { compareStates, type Comparison } from '../history/compare';
import { describeItem, findItem, restoreItem, type ItemKind } from '../history/record-items';
import { versionContent, type VersionContent } from '../history/version-content';
import { authorOf, saveVersion } from '../history/versions';
import type { Services } from '../services';
import type { EditAuthor, RecordRow, VersionRow } from '../storage/storage';
import { askAuthorize } from './ask';
import { refusalDetail } from './lifecycle-audit';
import { refused, type CommandResult, type Participant } from './lifecycle-result';

export interface VersionSummary extends VersionRow {
  /** Who edited the record between the version before and this one. */
  editors: (EditAuthor & { edits: number })[];
}

export async function listHistory(services: Services, record: RecordRow): Promise<VersionSummary[]> {
  const versions = await services.storage.listVersions(record.documentId);
  let previousSeq = 0;
  const summaries: VersionSummary[] = [];
  for (const version of versions) {
    // Versions are listed by time; what was edited since the one before is counted by the database.
    const editors = version.seq > previousSeq ? await services.storage.listEditors(record.documentId, previousSeq, version.seq) : [];
    previousSeq = Math.max(previousSeq, version.seq);
    summaries.push({ ...version, editors });
  }
  return summaries;
}

export async function readVersion(services: Services, record: RecordRow, versionId: string): Promise<{ version: VersionRow; content: VersionContent } | null> {
  const found = await services.storage.versionState(record.documentId, versionId);
  return found ? { version: found.version, content: versionContent(found.state) } : null;
}

/** `to` may be 'current': the record as stored now. */
export async function compareVersions(
  services: Services,
  record: RecordRow,
  fromId: string,
  toId: string,
): Promise<(Comparison & { from: VersionRow; to: VersionRow | null }) | null> {
  const { storage } = services;
  const from = await storage.versionState(record.documentId, fromId);
  const to = toId === 'current' ? null : await storage.versionState(record.documentId, toId);
  if (!from || (toId !== 'current' && !to)) return null;
  // The record now: from the open room's document when someone has it open, else from storage.
  const later = to ?? { version: null, state: await services.rooms.read(record, (doc) => Y.encodeStateAsUpdate(doc)) };
  const laterSeq = to ? to.version.seq : Number.MAX_SAFE_INTEGER;
  // Compared from the earlier to the later, whichever order they were asked in.
  const [a, b, aSeq, bSeq] =
    from.version.seq <= laterSeq ? [from.state, later.state, from.version.seq, laterSeq] : [later.state, from.state, laterSeq, from.version.seq];
  const [claims, edits] = await Promise.all([storage.listClientClaims(record.documentId), storage.listEdits(record.documentId, aSeq, bSeq, true)]);
  return { from: from.version, to: to?.version ?? null, ...compareStates(a, b, claims, edits) };
}

/** Keeps the record as stored now as a version named by hand. Who may is the route's question (it hangs on nothing in the document). */
export async function nameVersion(services: Services, record: RecordRow, by: Participant, name: string): Promise<CommandResult<VersionRow>> {
  const version = await services.rooms.withRoom(record, () => saveVersion(services, record.documentId, 'named', authorOf(by), name));
  await audit(services, record.meetingId, by.participantId, 'history.version-named', { versionId: version.id, name });
  return { ok: true, value: version };
}

export async function restoreFromVersion(
  services: Services,
  record: RecordRow,
  by: Participant,
  versionId: string,
  kind: ItemKind,
  itemId: string,
): Promise<CommandResult<{ kind: ItemKind; id: string }>> {
  const result = await services.rooms.withRoom(record, async (room): Promise<CommandResult<{ kind: ItemKind; id: string; text: unknown }>> => {
    // Locked since the route asked: the room's record is the one that counts.
    const notAllowed = askAuthorize(by, 'restore', room.record);
    if (notAllowed) return refused(notAllowed);
    const stored = await services.storage.versionState(record.documentId, versionId);
    if (!stored) return refused({ code: 'not-found', what: 'version' });
    const version = new Y.Doc();
    Y.applyUpdate(version, stored.state);
    try {
      const found = findItem(version, kind, itemId);
      if (!found) return refused({ code: 'not-in-version', itemId });
      if (findItem(room.doc, kind, itemId)) return refused({ code: 'still-there', itemId });
      let restored = false;
      const written = await room.applyServerChange((doc) => {
        restored = restoreItem(doc, version, found);
      }, authorOf(by));
      if (!written) return refused({ code: 'wrong-state', action: 'restore', state: 'locked' });
      if (!restored) return refused({ code: 'still-there', itemId });
      return { ok: true, value: { kind, id: itemId, text: describeItem(found, version) } };
    } finally {
      version.destroy();
    }
  });
  await audit(services, record.meetingId, by.participantId, result.ok ? 'record.restored' : 'record.restore-refused', {
    kind,
    id: itemId,
    versionId,
    ...(result.ok ? { restored: result.value.text } : refusalDetail(result.refusal)),
  });
  if (!result.ok) return result;
  await saveVersion(services, record.documentId, 'restore', authorOf(by), `${kind} ${itemId}`);
  return { ok: true, value: { kind, id: itemId } };
}
