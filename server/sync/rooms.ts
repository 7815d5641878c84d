// The records open in this process. A record is loaded on its first connection and let
// go when its last connection has left and its writes are done.
import * as Y from 'yjs';
import { partsOf, type RecordRow } from '../storage/storage';
import { CloseCode } from '../../shared/protocol';
import { Room, type RoomOptions } from './room';
import { applyStored } from './record-document';

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Records being let go of; a new load waits for the last compaction to land. */
  private readonly closing = new Map<string, Promise<void>>();

  constructor(private readonly options: RoomOptions) {
    options.fanout.onBroadcast((message) => {
      if (message.kind === 'invitation-closed') this.closeLocally(message.invitationId, message.code as CloseCode, message.reason);
    });
  }

  async open(record: RecordRow): Promise<Room> {
    for (;;) {
      const existing = this.rooms.get(record.documentId);
      if (!existing) break;
      const room = await existing;
      if (!room.isClosed) return room;
      if (this.rooms.get(record.documentId) === existing) this.rooms.delete(record.documentId);
    }
    const loading = (async () => {
      await this.closing.get(record.documentId);
      const room = await Room.load(record.documentId, this.options);
      room.onClosed = (closed, done) => this.forget(closed, done);
      return room;
    })();
    this.rooms.set(record.documentId, loading);
    loading.catch(() => this.rooms.delete(record.documentId));
    return loading;
  }

  /**
   * Runs `task` on the record with no message handled meanwhile, loading it if nobody has
   * it open (and letting it go again afterwards).
   */
  async withRoom<T>(record: RecordRow, task: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.open(record);
    try {
      return await room.exclusive(() => task(room));
    } finally {
      void room.releaseIfUnused();
    }
  }

  /** Tells a record's clients, in every process, that its status changed (an amendment). */
  async refreshStatus(documentId: string): Promise<void> {
    const room = await this.peek(documentId);
    if (room) await room.exclusive(() => room.refreshStatus());
  }

  /** The room if it is open now, without loading it. */
  async peek(documentId: string): Promise<Room | undefined> {
    const room = await this.rooms.get(documentId);
    return room && !room.isClosed ? room : undefined;
  }

  /** The current content of a record: the open room's, or a fresh read of what is stored. */
  async snapshot(record: RecordRow): Promise<Y.Doc> {
    const room = await this.peek(record.documentId);
    if (room) return room.doc;
    const stored = await this.options.storage.loadRecord(record.documentId);
    const doc = new Y.Doc();
    applyStored(doc, partsOf(stored));
    return doc;
  }

  /** Ends every socket opened with this invitation, in every record and every process. */
  closeConnectionsOf(invitationId: string, code: CloseCode, reason: string): void {
    this.closeLocally(invitationId, code, reason);
    this.options.fanout.publishBroadcast({ kind: 'invitation-closed', invitationId, code, reason });
  }

  private closeLocally(invitationId: string, code: CloseCode, reason: string): void {
    for (const entry of this.rooms.values()) {
      void entry.then((room) => {
        for (const connection of room.connections)
          if (connection.identity.invitationId === invitationId) connection.close(code, reason);
      }, () => undefined);
    }
  }

  get openCount(): number {
    return this.rooms.size;
  }

  async shutdown(): Promise<void> {
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    await Promise.all(
      rooms.map((r) => (r.status === 'fulfilled' ? r.value.shutdown(CloseCode.serviceRestart, 'server restarting') : undefined)),
    );
    await Promise.all(this.closing.values());
  }

  private forget(room: Room, done: Promise<void>): void {
    const id = room.documentId;
    const entry = this.rooms.get(id);
    void entry?.then((current) => {
      if (current === room && this.rooms.get(id) === entry) this.rooms.delete(id);
    });
    const settled = done.catch(() => undefined);
    this.closing.set(id, settled);
    void settled.then(() => {
      if (this.closing.get(id) === settled) this.closing.delete(id);
    });
  }
}
