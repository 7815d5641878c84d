// One participant's socket on one record: what it may do, which awareness client ids it
// speaks for, and how it is told no.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Actor } from '../../shared/roles';
import { CloseCode, type RefusalReason } from '../../shared/protocol';
import { sendAtTurnEnd } from '../turn-end';
import { log } from '../log';
import { permissionDenied } from './wire';
import { messageOf, type Frame } from './frame';

/**
 * What may wait to be sent to one client before it is cut off (4504, and a stock client
 * reconnects and syncs again): beyond this, a client that reads slowly, or not at all,
 * would make the server hold everything the others write.
 */
export const DEFAULT_MAX_UNSENT_BYTES = 4 * 1024 * 1024;

const sizeOf = (message: Uint8Array | Frame) =>
  message instanceof Uint8Array ? message.byteLength : message.wire.reduce((total, piece) => total + piece.byteLength, 0);

export interface ConnectionIdentity {
  invitationId: string;
  participantId: string;
  /** As the roster names them: what their awareness state says, whatever the client wrote. */
  name: string;
  actor: Actor;
  /** The session the socket was opened with (a cookie), or null for a token in the address. */
  sessionHash: string | null;
}

/**
 * Sockets written to in this turn of the event loop. Each is corked on its first frame and
 * uncorked once, after every message of the turn has been handled and what it stored has
 * been committed, so that a broadcast that follows another (an update, then the caret that
 * moved with it) leaves in one writev instead of one per frame.
 */
const corked = new Set<Duplex>();
let flushQueued = false;

function flushCorked(): void {
  flushQueued = false;
  for (const socket of corked) socket.uncork();
  corked.clear();
}

export class Connection {
  readonly clientIds = new Set<number>();
  /** Accord's own client subscribes to lifecycle status; stock clients never see it. */
  wantsStatus = false;

  /** The largest message written since the client last had nothing waiting (a whole record, on joining). */
  private largestWaiting = 0;

  constructor(
    readonly socket: WebSocket,
    readonly identity: ConnectionIdentity,
    /** The TCP socket under `socket` (the one the upgrade came on). */
    private readonly raw: Duplex | null = null,
    private readonly maxUnsentBytes = DEFAULT_MAX_UNSENT_BYTES,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Bytes written to this client that it has not taken yet (beyond what the kernel holds). */
  get unsentBytes(): number {
    return this.raw ? this.raw.writableLength : this.socket.bufferedAmount;
  }

  /**
   * Sends one message. A frame made once for many sockets is written to the TCP socket as
   * it is: ws sends nothing of its own in between (no compression is negotiated, and every
   * send is written at once), so the frames stay whole and in order.
   */
  send(message: Uint8Array | Frame): void {
    if (!this.open) return;
    // Bounded by the ceiling plus one message: a whole record sent on joining may be larger
    // than the ceiling, and the client is given the time to take it.
    const unsent = this.unsentBytes;
    if (unsent === 0) this.largestWaiting = 0;
    if (unsent > this.maxUnsentBytes + this.largestWaiting) return this.fellBehind(unsent);
    this.largestWaiting = Math.max(this.largestWaiting, sizeOf(message));
    const raw = this.raw;
    if (raw && !corked.has(raw)) {
      raw.cork();
      corked.add(raw);
      if (!flushQueued) {
        flushQueued = true;
        sendAtTurnEnd(flushCorked);
      }
    }
    if (message instanceof Uint8Array) this.socket.send(message);
    else if (raw) for (const piece of message.wire) raw.write(piece);
    else this.socket.send(messageOf(message));
  }

  /**
   * Calls `then` once everything sent so far has left for the client: after this turn's
   * uncork, and once the kernel has taken whatever did not fit at once (a long record).
   */
  afterSent(then: () => void): void {
    sendAtTurnEnd(() => {
      const raw = this.raw;
      if (!raw || raw.writableLength === 0 || !this.open) then();
      else raw.once('drain', then);
    });
  }

  private readonly refusedBefore = new Set<RefusalReason>();

  /**
   * Tells the client that something it sent was refused, and why. Answers true the first
   * time this connection meets this refusal, so the caller audits it once, not per keystroke.
   */
  refuse(reason: RefusalReason): boolean {
    this.send(permissionDenied(reason));
    if (this.refusedBefore.has(reason)) return false;
    this.refusedBefore.add(reason);
    return true;
  }

  /**
   * Nothing more is sent; the close follows what is already waiting, for a client that reads
   * slowly to learn why (ws ends the socket 30 s later if the client never reads it).
   */
  private fellBehind(unsent: number): void {
    log.warn('sync.fell-behind', { participant: this.identity.participantId, unsent, limit: this.maxUnsentBytes });
    this.close(CloseCode.fellBehind, 'too far behind: reconnect');
  }

  close(code: CloseCode, reason: string): void {
    if (this.socket.readyState === this.socket.CLOSED || this.socket.readyState === this.socket.CLOSING) return;
    this.socket.close(code, reason);
  }
}
