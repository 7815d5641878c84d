// What a room is given (by the registry, from the server's configuration), what it tells
// clients of the record's status, and the one way a task learns its room let go of it.
import type * as Y from 'yjs';
import type { RecordStatus, RefusalReason } from '../../shared/protocol';
import type { RecordRow, Storage } from '../storage/storage';
import type { Fanout } from '../scale/fanout';
import type { AwarenessLimits } from './awareness-check';
import type { Connection } from './connection';
import type { FloodLimits } from './flood-guard';
import type { Room } from './room';

export interface RoomOptions {
  storage: Storage;
  fanout: Fanout;
  floodLimits: FloodLimits;
  awarenessLimits: AwarenessLimits;
  /** Stored updates after which the record is compacted while open. */
  compactAfterUpdates: number;
  /** A record unchanged this long keeps only its encoded state (0: keeps its Y.Doc). */
  idleDocumentMs: number;
  /** How often records open here are compared with storage when other processes write too. */
  catchUpCheckMs: number;
  /** The record's row and signatures as stored now, for the status clients are told. */
  statusOf: (documentId: string) => Promise<RecordStatusFacts>;
  /** Called with every document built for a record, to watch it (the action points' status history). */
  onDocument?: (room: Room, doc: Y.Doc) => void;
  /** Told of every participant's edit once it is stored (automatic versions). */
  onStoredEdit?: (documentId: string) => void;
  /** The server's clock (tests give their own): when a lapse notice says a mark lapsed. */
  now?: () => Date;
  /** Writes a refusal to the meeting's audit log (once per connection and reason). */
  auditRefusal: (record: RecordRow, connection: Connection, reason: RefusalReason) => void;
}

export interface RecordStatusFacts {
  record: RecordRow;
  signatures: RecordStatus['signatures'];
  supersededBy: string | null;
}

/** The room let go of its record before a task queued on it could run: open it again. */
export class RoomClosed extends Error {
  constructor(documentId: string) {
    super(`record ${documentId} was let go of`);
  }
}
