// The sync endpoint, /sync/<documentId>. Who may connect is asked of authorize() here,
// before the upgrade: a bad or missing credential gets an HTTP refusal (shaped by
// server/presenters/socket-refusal.ts) and no byte of the record.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol';
import { resolvePrincipal } from '../auth/principal';
import { authorize } from '../policies/authorize';
import { fromOwnPages } from '../policies/origin';
import type { UpgradeRefusal } from '../policies/refusal';
import { presentUpgradeRefusal } from '../presenters/socket-refusal';
import type { RecordRow, Storage } from '../storage/storage';
import { log, errorMessage } from '../log';
import { Connection } from './connection';
import type { RoomRegistry } from './rooms';
import type { SessionSockets } from './session-sockets';
import type { Room } from './room';
import { FloodGuard, type FloodLimits } from './flood-guard';

export interface SyncEndpointOptions {
  storage: Storage;
  floodLimits: FloodLimits;
  rooms: RoomRegistry;
  sessionSockets: SessionSockets;
  adminTokenHash: string;
  maxMessageBytes: number;
  /** What may wait to be sent to one socket before it is closed (4504). */
  maxUnsentBytes: number;
  now: () => Date;
  /** PUBLIC_URL, whose origin is Accord's own as the request's host is. */
  publicUrl?: string;
}

const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})$/;

export function attachSyncEndpoint(server: Server, options: SyncEndpointOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(request, socket, head).catch((err) => {
      log.error('sync.upgrade-failed', { error: errorMessage(err) });
      refuse(socket, 500, 'Internal Server Error');
    });
  });

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://accord.invalid');
    const documentId = SYNC_PATH.exec(url.pathname)?.[1];
    if (!documentId) return refuse(socket, 404, 'Not Found');
    const principal = await resolvePrincipal(
      options.storage,
      options.adminTokenHash,
      { cookie: request.headers.cookie, queryToken: url.searchParams.get('token') },
      options.now(),
    );
    // A session cookie is sent by the browser whatever page opened the socket; only the
    // app's own pages may use it (server/policies/origin.ts decides, as for the API).
    const source = { site: header(request, 'sec-fetch-site'), origin: header(request, 'origin'), host: header(request, 'host') };
    if (principal?.kind === 'participant' && principal.sessionHash && !fromOwnPages(source, options.publicUrl))
      return refuseWith(socket, { code: 'cross-origin' });
    const record = principal ? await options.storage.getRecord(documentId) : undefined;
    const target = record ? { meetingId: record.meetingId, state: record.state, managedByOfficer: false } : null;
    const refusal = authorize(principal, 'connect', target);
    if (refusal) return refuseWith(socket, refusal);
    // authorize() lets only a meeting's own participant connect, to a record that exists.
    if (principal?.kind !== 'participant' || !record) throw new Error('authorize() let through a connection it should have refused');

    const identity = {
      invitationId: principal.invitation.id,
      participantId: principal.invitation.participantId,
      name: principal.invitation.name,
      actor: principal.actor,
      sessionHash: principal.sessionHash,
    };
    // The record is read from storage while the client answers the upgrade with its step 1.
    const opening = options.rooms.open(record);
    opening.catch(() => undefined); // answered in join()
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      const connection = new Connection(ws, identity, socket, options.maxUnsentBytes);
      // Messages that arrive while the record is opened (or reopened, if it closed
      // meanwhile) wait here, in order: as many as a connection may send at once.
      let room: Room | null = null;
      let guard: FloodGuard | null = null;
      const early: Uint8Array[] = [];
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (!connection.open) return; // closing: what is still buffered is not read
        if (!isBinary) return connection.close(CloseCode.malformedMessage, 'binary messages only');
        const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        if (!room) {
          if (early.length >= options.floodLimits.connectionBurst) return connection.close(CloseCode.tooManyMessages, 'too many messages');
          return void early.push(message);
        }
        guard ??= new FloodGuard(options.floodLimits, room.floodBudget, Date.now());
        const verdict = guard.weigh(Date.now());
        if (verdict.action === 'cut') {
          log.warn('sync.flood-cut', { documentId, participant: identity.participantId });
          return connection.close(CloseCode.tooManyMessages, 'too many messages');
        }
        room.receive(connection, message);
        if (verdict.action === 'slow') {
          ws.pause();
          setTimeout(() => ws.resume(), verdict.ms).unref();
        }
      });
      ws.on('error', (err) => {
        log.warn('sync.socket-error', { documentId, participant: identity.participantId, error: errorMessage(err) });
      });
      const { sessionHash, sessionExpiresAt } = principal;
      if (sessionHash && sessionExpiresAt) options.sessionSockets.add(connection, sessionHash, new Date(sessionExpiresAt), options.now());
      ws.on('close', () => {
        if (sessionHash) options.sessionSockets.remove(connection, sessionHash);
        room?.leave(connection);
      });
      void join(connection, opening, record, early, (joined) => (room = joined));
      if (!principal.invitation.firstUsedAt) {
        // Only a fact for the console's list ("opened"): a disk too full to note it must not
        // refuse the join, nor leave a rejection nobody handles (that would end the process).
        const invitationId = principal.invitation.id;
        options.storage.markInvitationUsed(invitationId, options.now().toISOString()).catch((err) => {
          log.warn('invitation.first-use-not-noted', { invitationId, error: errorMessage(err) });
        });
      }
    });
  }

  /**
   * Joins the room once it is open (reopened, if it closed before the join). `joined` runs
   * in the same tick as the replay of what waited, so a message arriving later goes
   * straight to the room, after those, never lost.
   */
  async function join(connection: Connection, opening: Promise<Room>, record: RecordRow, early: Uint8Array[], joined: (room: Room) => void): Promise<void> {
    try {
      for (let open = opening; ; open = options.rooms.open(record)) {
        const room = await open;
        if (!connection.open) return;
        if (room.join(connection)) {
          joined(room);
          for (const message of early.splice(0)) room.receive(connection, message);
          return;
        }
      }
    } catch (err) {
      log.error('sync.join-failed', { documentId: record.documentId, error: errorMessage(err) });
      connection.close(CloseCode.recordReloaded, 'could not open the record');
    }
  }

  return wss;
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A refusal before the upgrade, shaped by the one socket presenter. */
function refuseWith(socket: Duplex, refusal: UpgradeRefusal): void {
  const { status, text } = presentUpgradeRefusal(refusal);
  refuse(socket, status, text);
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
