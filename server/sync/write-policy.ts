// Which writes a record takes. The server decides, on every update: a read-only
// connection changes nothing; the roots that decide who agrees and signs are the
// server's alone; and nothing that depends on content the record lacks is kept.
import type * as Y from 'yjs';
import { RefusalReason } from '../../shared/protocol';
import { Root } from '../../shared/record/schema';
import { can, type Actor, type RecordState } from '../../shared/roles';
import type { RecordRow } from '../storage/storage';
import { touchedRoot } from './protected-roots';
import { wouldChange } from './update-effect';

const READ_ONLY_REASON: Record<RecordState, RefusalReason> = {
  draft: RefusalReason.readOnlyObserver,
  locked: RefusalReason.readOnlyLocked,
  signed: RefusalReason.readOnlySigned,
};

/**
 * Roots only the server writes: agreement marks, what decides who must agree and sign,
 * party proposals (made, accepted and rejected by server commands) and lapse notices.
 */
const SERVER_ONLY_ROOTS = [Root.agreement, Root.meta, Root.parties, Root.participants, Root.proposals, Root.lapses] as const;

/**
 * 'take': apply the update; 'ignore': it changes nothing (a read-only client's sync step 2,
 * say) and needs no answer; otherwise the reason it is refused.
 */
export function judgeWrite(doc: Y.Doc, actor: Actor, record: RecordRow, update: Uint8Array): 'take' | 'ignore' | RefusalReason {
  if (!can(actor, 'write', record)) return wouldChange(doc, update) ? READ_ONLY_REASON[record.state] : 'ignore';
  const touched = touchedRoot(doc, update, SERVER_ONLY_ROOTS);
  if (touched) return touched === Root.agreement ? RefusalReason.agreementServerOnly : RefusalReason.recordServerOnly;
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
