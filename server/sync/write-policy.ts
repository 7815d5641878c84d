// Which writes a record takes. The server decides, on every update: a read-only
// connection changes nothing (authorize() says who may write); the roots that decide who agrees and signs are the
// server's alone; and nothing that depends on content the record lacks is kept.
import type * as Y from 'yjs';
import { Root } from '../../shared/record/schema';
import type { Actor } from '../../shared/roles';
import { authorizeParticipant } from '../policies/authorize';
import type { SocketMessageRefusal } from '../policies/refusal';
import type { RecordRow } from '../storage/storage';
import { touchedRoot } from './protected-roots';
import { wouldChange } from './update-effect';

/**
 * Roots only the server writes: agreement marks, what decides who must agree and sign,
 * party proposals (made, accepted and rejected by server commands) and lapse notices.
 */
const SERVER_ONLY_ROOTS = [Root.agreement, Root.meta, Root.parties, Root.participants, Root.proposals, Root.lapses] as const;

/**
 * 'take': apply the update; 'ignore': it changes nothing (a read-only client's sync step 2,
 * say) and needs no answer; otherwise the reason it is refused.
 */
export function judgeWrite(doc: Y.Doc, actor: Actor, record: RecordRow, update: Uint8Array): 'take' | 'ignore' | SocketMessageRefusal {
  const notAllowed = authorizeParticipant(actor, 'write', record.state, {});
  if (notAllowed) return wouldChange(doc, update) ? notAllowed : 'ignore';
  const touched = touchedRoot(doc, update, SERVER_ONLY_ROOTS);
  if (touched) return { code: 'server-only', root: touched === Root.agreement ? 'agreement' : 'record' };
  return 'take';
}

/**
 * Every client syncs through a server that stores before it relays, so an honest update
 * never depends on something the record lacks. Parts that do are not kept: held back,
 * Yjs would carry them into snapshots and integrate them later on some other load. The
 * sender is told; its own copy is untouched and is offered again when it resyncs.
 * Answers whether anything was dropped.
 */
export function dropPending(doc: Y.Doc): boolean {
  if (doc.store.pendingStructs === null && doc.store.pendingDs === null) return false;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  return true;
}
