// The records open in this process. A record is loaded on its first connection or command
// and let go when its last connection has left and its writes are done. When other
// processes write to the same records, the registry is what keeps this process from
// falling behind unseen: it compares every open record with storage on a short timer and
// whenever the fan-out comes back, and tells clients while the fan-out is down.
import * as Y from 'yjs';
import { partsOf, type RecordRow } from '../storage/storage';
import { CloseCode } from '../../shared/protocol';
import { log, errorMessage } from '../log';
import { Room, RoomClosed, type RoomOptions } from './room';
import { applyStored } from './record-document';

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Records being let go of; a new load waits for the last compaction to land. */
  private readonly closing = new Map<string, Promise<void>>();
  private readonly checker: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(private readonly options: RoomOptions) {
    const { fanout } = options;
    fanout.onBroadcast((message) => {
      if (message.kind === 'invitation-closed') this.closeLocally(message.invitationId, message.code as CloseCode, message.reason);
    });
    fanout.onHealth((healthy) => {
      log[healthy ? 'info' : 'warn'](healthy ? 'fanout.restored' : 'fanout.lost', { openRecords: this.rooms.size });
      this.eachRoom((room) => room.setDelivery(healthy));
      // Whatever was published while the link was down never arrives: storage has it.
      if (healthy) void this.catchUpWithStorage();
    });
    if (fanout.shared && options.catchUpCheckMs > 0) {
      this.checker = setInterval(() => void this.catchUpWithStorage(), options.catchUpCheckMs);
      this.checker.unref();
    }
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
    loading.catch(() => {
      if (this.rooms.get(record.documentId) === loading) this.rooms.delete(record.documentId);
    });
    return loading;
  }

  /**
   * Runs `task` on the record with no message handled meanwhile, loading it if nobody has
   * it open (and letting it go again afterwards). A room let go of before the task ran is
   * opened again: a task never runs on a record that is not loaded.
   */
  async withRoom<T>(record: RecordRow, task: (room: Room) => T | Promise<T>): Promise<T> {
    for (;;) {
      const room = await this.open(record);
      try {
        return await room.exclusive(() => task(room));
      } catch (err) {
        if (!(err instanceof RoomClosed)) throw err;
      } finally {
        void room.releaseIfUnused();
      }
    }
  }

  /** Tells a record's clients, in every process, that its status changed (an amendment). */
  async refreshStatus(documentId: string): Promise<void> {
    const room = await this.peek(documentId);
    if (room)
      await room
        .exclusive(() => room.refreshStatus())
        .catch((err) => {
          if (!(err instanceof RoomClosed)) throw err;
        });
  }

  /** The room if it is open now, without loading it. */
  async peek(documentId: string): Promise<Room | undefined> {
    const room = await this.rooms.get(documentId)?.catch(() => undefined);
    return room && !room.isClosed ? room : undefined;
  }

  /**
   * Reads the record's current content: in its room's queue if it is open here (so what is
   * read is stored), else from storage into a copy that is let go of afterwards.
   */
  async read<T>(record: RecordRow, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    const room = await this.peek(record.documentId);
    if (room) {
      try {
        return await room.exclusive(() => read(room.doc));
      } catch (err) {
        if (!(err instanceof RoomClosed)) throw err;
      }
    }
    const doc = new Y.Doc();
    try {
      applyStored(doc, partsOf(await this.options.storage.loadRecord(record.documentId)));
      return await read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Ends every socket opened with this invitation, in every record and every process. */
  closeConnectionsOf(invitationId: string, code: CloseCode, reason: string): void {
    this.closeLocally(invitationId, code, reason);
    this.options.fanout.publishBroadcast({ kind: 'invitation-closed', invitationId, code, reason });
  }

  get openCount(): number {
    return this.rooms.size;
  }

  async shutdown(): Promise<void> {
    if (this.checker) clearInterval(this.checker);
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.shutdown(CloseCode.serviceRestart, 'server restarting') : undefined)));
    await Promise.all(this.closing.values());
  }

  /**
   * Compares every open record with storage: one that is behind what other processes
   * stored catches up, one whose state changed re-reads it. Cheap (one query for all open
   * records), and what makes a missed fan-out message a delay, never a loss.
   */
  async catchUpWithStorage(): Promise<void> {
    if (this.checking || this.rooms.size === 0) return;
    this.checking = true;
    try {
      const heads = await this.options.storage.recordHeads([...this.rooms.keys()]);
      this.eachRoom((room) => {
        const head = heads.get(room.documentId);
        if (head) room.checkAgainst(head);
      });
    } catch (err) {
      log.warn('sync.catch-up-check-failed', { error: errorMessage(err) });
    } finally {
      this.checking = false;
    }
  }

  private eachRoom(act: (room: Room) => void): void {
    for (const entry of this.rooms.values()) {
      void entry.then(
        (room) => {
          if (!room.isClosed) act(room);
        },
        () => undefined,
      );
    }
  }

  private closeLocally(invitationId: string, code: CloseCode, reason: string): void {
    this.eachRoom((room) => {
      for (const connection of room.connections) if (connection.identity.invitationId === invitationId) connection.close(code, reason);
    });
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
