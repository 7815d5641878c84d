// Removing an agenda item (with its minutes), a segment or an action point: the only way
// one leaves the record (a raw deletion over the socket is refused). Who may is decided by
// whose people wrote in it (the claims on its Yjs client ids): a delegation removes what
// its own party alone wrote; the secretariat removes anything. A version is kept first, so
// the history holds what was removed, and the audit log says what it said.
import { can } from '../../shared/roles';
import { audit } from '../audit';
import { clientsWithin, describeItem, findItem, removeItem, type ItemKind } from '../history/record-items';
import { authorOf, saveVersion } from '../history/versions';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';
import type { Participant } from './lifecycle-result';

export type RemoveRefusal = 'not_draft' | 'not_found' | 'not_your_party';

export type RemoveResult = { ok: true; kind: ItemKind; id: string; versionId: string } | { ok: false; why: RemoveRefusal };

export async function removeFromRecord(services: Services, record: RecordRow, by: Participant, kind: ItemKind, id: string): Promise<RemoveResult> {
  let removed: unknown = null;
  let authors: string[] = [];
  const result = await services.rooms.withRoom(record, async (room): Promise<RemoveResult> => {
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    const found = findItem(room.doc, kind, id);
    if (!found) return { ok: false, why: 'not_found' };
    const clients = [...clientsWithin(found, room.doc)];
    const claims = await services.storage.clientClaims(record.documentId, clients);
    // Content under a client id nobody claimed was written by the server (the meeting as set up): the secretariat's.
    authors = [...new Set([...claims.map((c) => c.party), ...(claims.length < clients.length ? ['(secretariat)'] : [])])];
    if (!can(by.actor, 'remove', room.record, { authors })) return { ok: false, why: 'not_your_party' };
    removed = describeItem(found, room.doc);
    const version = await saveVersion(services, record.documentId, 'remove', authorOf(by), `${kind} ${id}`);
    const stored = await room.applyServerChange((doc) => removeItem(doc, findItem(doc, kind, id)!), authorOf(by));
    return stored ? { ok: true, kind, id, versionId: version.id } : { ok: false, why: 'not_draft' };
  });
  await audit(services, record.meetingId, by.participantId, result.ok ? 'record.removed' : 'record.remove-refused', {
    kind,
    id,
    ...(result.ok ? { removed, versionId: result.versionId, authors } : { why: result.why, authors }),
  });
  return result;
}
