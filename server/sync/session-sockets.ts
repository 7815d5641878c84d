// The sockets each session opened (a browser's cookie, not a token in the address): when the
// session ends, by signing out or by expiring, so do they, in every process. A socket must
// not outlive the sign-in that let it in.
import { CloseCode } from '../../shared/protocol';
import type { Fanout } from '../scale/fanout';
import type { Connection } from './connection';

/** setTimeout's longest delay; a later expiry is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/** How long an ended session is remembered, for a socket whose upgrade was under way as it ended. */
const REMEMBER_ENDED_MS = 60_000;

export class SessionSockets {
  private readonly bySession = new Map<string, Set<Connection>>();
  private readonly expiries = new Map<Connection, NodeJS.Timeout>();
  private readonly ended = new Map<string, number>();

  constructor(private readonly fanout: Fanout) {
    fanout.onBroadcast((message) => {
      if (message.kind === 'session-closed') this.closeLocally(message.sessionHash);
    });
  }

  /** Notes a socket opened with session `sessionHash`, which ends at `expiresAt`. */
  add(connection: Connection, sessionHash: string, expiresAt: Date, now: Date): void {
    const endedAt = this.ended.get(sessionHash);
    if (endedAt !== undefined && now.getTime() - endedAt < REMEMBER_ENDED_MS) return connection.close(CloseCode.sessionEnded, 'signed out');
    const sockets = this.bySession.get(sessionHash) ?? new Set();
    sockets.add(connection);
    this.bySession.set(sessionHash, sockets);
    this.expireAt(connection, expiresAt.getTime() - now.getTime());
  }

  remove(connection: Connection, sessionHash: string): void {
    clearTimeout(this.expiries.get(connection));
    this.expiries.delete(connection);
    const sockets = this.bySession.get(sessionHash);
    sockets?.delete(connection);
    if (sockets?.size === 0) this.bySession.delete(sessionHash);
  }

  /** The session ended (signed out): its sockets close here and in every other process. */
  end(sessionHash: string, now: Date): void {
    this.ended.set(sessionHash, now.getTime());
    for (const [hash, at] of this.ended) if (now.getTime() - at >= REMEMBER_ENDED_MS) this.ended.delete(hash);
    this.closeLocally(sessionHash);
    this.fanout.publishBroadcast({ kind: 'session-closed', sessionHash });
  }

  private closeLocally(sessionHash: string): void {
    for (const connection of this.bySession.get(sessionHash) ?? []) connection.close(CloseCode.sessionEnded, 'the session ended');
  }

  private expireAt(connection: Connection, inMs: number): void {
    const timer = setTimeout(
      () => {
        if (inMs > LONGEST_TIMER_MS) return this.expireAt(connection, inMs - LONGEST_TIMER_MS);
        connection.close(CloseCode.sessionEnded, 'the session expired');
      },
      Math.max(0, Math.min(inMs, LONGEST_TIMER_MS)),
    );
    timer.unref();
    this.expiries.set(connection, timer);
  }
}
