// A refusal as it leaves the server on the sync socket, for every path there: the upgrade's
// HTTP answer (before any byte of the record), and a refused message as the y-websocket
// protocol's permission-denied reason, which a stock provider shows as it is and Accord's
// client maps to words in the reader's language (shared/protocol.ts names them). The
// refusals are the server's one union (server/policies/refusal.ts); only their shape here is
// the socket's.
import { RefusalReason } from '../../shared/protocol';
import type { RecordState } from '../../shared/roles';
import type { SocketMessageRefusal, UpgradeRefusal } from '../policies/refusal';

const READ_ONLY: Record<RecordState, RefusalReason> = {
  draft: RefusalReason.readOnlyObserver,
  locked: RefusalReason.readOnlyLocked,
  signed: RefusalReason.readOnlySigned,
};

/** The reason a refused message is answered with. */
export function presentSocketRefusal(refusal: SocketMessageRefusal): RefusalReason {
  switch (refusal.code) {
    // The socket asks authorize() only whether its participant may write: a role that never
    // may is read-only as an observer is; one that may on a draft is told the record's state.
    case 'not-permitted':
    case 'not-your-party':
    case 'written-by-others':
    case 'not-a-participant':
    case 'unauthenticated':
    case 'needs-administrator-token':
    case 'no-such-meeting':
      return RefusalReason.readOnlyObserver;
    case 'wrong-state':
      return READ_ONLY[refusal.state];
    case 'server-only':
      return refusal.root === 'agreement' ? RefusalReason.agreementServerOnly : RefusalReason.recordServerOnly;
    case 'storage-unavailable':
      return RefusalReason.storageUnavailable;
    case 'missing-dependencies':
      return RefusalReason.missingDependencies;
    case 'client-not-yours':
      return RefusalReason.clientNotYours;
    case 'remove-use-command':
      return RefusalReason.removeUseCommand;
    case 'presence-not-yours':
      return RefusalReason.awarenessNotYours;
    case 'presence-too-large':
      return RefusalReason.awarenessTooLarge;
    default:
      return refusal satisfies never;
  }
}

/**
 * The upgrade's answer. Only a meeting's own participants open its record: anyone else is
 * not signed in to it (401); a participant reaching for another meeting's record, or none,
 * or with a session cookie from a page not Accord's own, is refused it (403).
 */
export function presentUpgradeRefusal(refusal: UpgradeRefusal): { status: 401 | 403; text: string } {
  switch (refusal.code) {
    case 'unauthenticated':
    case 'needs-administrator-token':
    case 'not-a-participant':
      return { status: 401, text: 'Unauthorized' };
    case 'no-such-meeting':
    case 'cross-origin':
    case 'not-permitted':
    case 'not-your-party':
    case 'written-by-others':
    case 'wrong-state':
      return { status: 403, text: 'Forbidden' };
    default:
      return refusal satisfies never;
  }
}
