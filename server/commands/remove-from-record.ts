// Removing an agenda item (with its minutes), a segment or an action point: the only way
// one leaves the record (a raw deletion over the socket is refused). Who may is decided by
// whose people wrote in it (the claims on its Yjs client ids): a delegation removes what
// its own party alone wrote; the secretariat removes anything. The command reads who wrote
// it and asks authorize() with them. A version is kept first, so the history holds what was
// removed, and the audit log says what it said.
import { audit } from '../audit';
import { clientsWithin, describeItem, findItem, removeItem, type ItemKind } from '../history/record-items';
import { authorOf, saveVersion } from '../history/versions';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';
import { askAuthorize } from './ask';
import { refusalDetail } from './lifecycle-audit';
import { refused, type CommandResult, type Participant } from './lifecycle-result';

export type RemoveResult = CommandResult<{ kind: ItemKind; id: string; versionId: string }>;

export async function removeFromRecord(services: Services, record: RecordRow, by: Participant, kind: ItemKind, id: string): Promise<RemoveResult> {
  let removed: unknown = null;
  let authors: string[] = [];
  const result = await services.rooms.withRoom(record, async (room): Promise<RemoveResult> => {
    // Locked since the route asked: answered as locked to whoever could remove on a draft.
    const notNow = askAuthorize(by, 'remove', room.record, { party: by.actor.party, authors: [by.actor.party] });
    if (notNow) return refused(notNow);
    const found = findItem(room.doc, kind, id);
    if (!found) return refused({ code: 'not-found', what: 'item' });
    const clients = [...clientsWithin(found, room.doc)];
    const claims = await services.storage.clientClaims(record.documentId, clients);
    // Content under a client id nobody claimed was written by the server (the meeting as set up): the secretariat's.
    authors = [...new Set([...claims.map((c) => c.party), ...(claims.length < clients.length ? ['(secretariat)'] : [])])];
    const notAllowed = askAuthorize(by, 'remove', room.record, { authors });
    if (notAllowed) return refused(notAllowed);
    removed = describeItem(found, room.doc);
    const version = await saveVersion(services, record.documentId, 'remove', authorOf(by), `${kind} ${id}`);
    const stored = await room.applyServerChange((doc) => removeItem(doc, findItem(doc, kind, id)!), authorOf(by));
    return stored ? { ok: true, value: { kind, id, versionId: version.id } } : refused({ code: 'wrong-state', action: 'remove', state: 'locked' });
  });
  await audit(services, record.meetingId, by.participantId, result.ok ? 'record.removed' : 'record.remove-refused', {
    kind,
    id,
    ...(result.ok ? { removed, versionId: result.value.versionId, authors } : { ...refusalDetail(result.refusal), authors }),
  });
  return result;
}
