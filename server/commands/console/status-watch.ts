// Who changed an action point's status in the workspace. A client's update is applied
// with its connection as the transaction's origin, so a watch on a record's document
// can name the participant whose edit moved a status, and keep the change in the history
// under their name, as it happens. The server attaches it to every document it builds
// for a record (server.ts, `onDocument`).
import type * as Y from 'yjs';
import { readActionPoints } from '../../../shared/console/action-points';
import { actionPoints, participants } from '../../../shared/record/schema';
import { log, errorMessage } from '../../log';
import type { Services } from '../../services';
import { noteStatuses } from './action-point-statuses';

/** What a transaction origin looks like when it is a participant's connection. */
interface ConnectionOrigin {
  identity: { participantId: string };
}

const isConnection = (origin: unknown): origin is ConnectionOrigin =>
  typeof origin === 'object' && origin !== null && typeof (origin as ConnectionOrigin).identity?.participantId === 'string';

const statuses = (doc: Y.Doc) => JSON.stringify(readActionPoints(doc).map((p) => [p.id, p.status]));

/** Watches one loaded record; answers how to stop. */
export function watchActionPointStatuses(services: Pick<Services, 'storage' | 'now'>, meetingId: string, doc: Y.Doc): () => void {
  let seen = statuses(doc);
  const afterTransaction = (transaction: Y.Transaction) => {
    if (!transaction.changedParentTypes.has(actionPoints(doc) as unknown as Y.AbstractType<Y.YEvent<any>>)) return;
    const now = statuses(doc);
    if (now === seen) return;
    seen = now;
    // Changes the server makes itself are noted by the command that makes them.
    if (!isConnection(transaction.origin)) return;
    const { participantId } = transaction.origin.identity;
    const name =
      participants(doc)
        .toArray()
        .find((p) => p.id === participantId)?.name ?? '';
    noteStatuses(services, meetingId, doc, { actor: participantId, name }).catch((err) =>
      log.warn('status-history.failed', { meetingId, error: errorMessage(err) }),
    );
  };
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}
