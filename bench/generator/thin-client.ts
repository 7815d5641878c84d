// A protocol client without a Y.Doc: it joins like a real client (sync step 1 out, an
// empty step 2 back), then only reads far enough into each message to name it.
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import {
  Framing,
  MSG_AUTH,
  MSG_AWARENESS,
  MSG_SYNC,
  MSG_SYNC_REPLY,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  awarenessKey,
  isAccord,
  isHocuspocus,
  updateKey,
  type ServerKind,
} from '../lib/wire';
import type { Tracker } from './tracker';
import type { Arrival } from './whole-record';

export function socketUrl(kind: ServerKind, port: number, docName: string, token: string): string {
  if (isAccord(kind)) return `ws://127.0.0.1:${port}/sync/${docName}?token=${encodeURIComponent(token)}`;
  return `ws://127.0.0.1:${port}/${docName}`;
}

export class ThinClient {
  readonly framing: Framing;
  ws: WebSocket | null = null;
  /** performance.now() when the socket was created, and when the first step 2 arrived. */
  startedAt = 0;
  syncedAt = 0;
  /** Update messages received, and their bytes on the wire. */
  updates = 0;
  updateBytes = 0;
  step2Bytes = 0;
  step2s = 0;
  /** Refusals the server sent this client, by reason (Accord's `update:client-not-yours`, say). */
  readonly refusals = new Map<string, number>();
  closeCode: number | null = null;
  /** Set before connecting to keep the document the server first sent (`joinedWith`). */
  keepsJoinState = false;
  /** The server's first step 2, if `keepsJoinState`: what the record held when this client joined. */
  joinedWith: Uint8Array | null = null;
  /** Set to [] before connecting to keep every sync step 2 and update received, with when (whole-record.ts). */
  arrivals: Arrival[] | null = null;
  private onStep2: (() => void)[] = [];

  constructor(
    readonly id: number,
    readonly room: number,
    readonly kind: ServerKind,
    private readonly port: number,
    docName: string,
    private readonly token: string,
    private readonly tracker: Tracker | null,
  ) {
    this.framing = new Framing(kind === 'relay' ? 'ywebsocket' : kind, docName);
  }

  /** Resolves once the server has sent the document (the relay: once open). */
  connect(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      this.startedAt = performance.now();
      const ws = new WebSocket(socketUrl(this.kind, this.port, this.framing.docName, this.token), { perMessageDeflate: false });
      this.ws = ws;
      ws.binaryType = 'nodebuffer';
      const timer = setTimeout(() => reject(new Error(`client ${this.id} not synced after ${timeoutMs} ms`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      ws.once('open', () => {
        for (const m of this.framing.hello(this.token)) ws.send(m);
        if (this.kind === 'relay') {
          this.syncedAt = performance.now();
          return done();
        }
        ws.send(this.framing.syncStep1());
      });
      this.onStep2.push(done);
      ws.on('message', (data: Buffer) => this.receive(data));
      ws.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      ws.once('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        reject(new Error(`refused with HTTP ${res.statusCode}`));
      });
      ws.once('close', (code) => {
        this.closeCode = code;
        clearTimeout(timer);
        reject(new Error(`closed with ${code} before sync`));
      });
    });
  }

  /**
   * Asks for the document again; resolves on the answer, i.e. once all sent before is handled.
   * `stateVector`: what the client holds, so that the answer is only what it lacks.
   */
  roundTrip(timeoutMs = 30_000, stateVector?: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${this.id}: no answer after ${timeoutMs} ms`)), timeoutMs);
      this.onStep2.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.send(this.framing.syncStep1(stateVector));
    });
  }

  send(message: Uint8Array): void {
    this.ws?.send(message);
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws?.removeAllListeners('close');
    this.ws?.on('error', () => {});
    this.ws?.close();
  }

  private receive(data: Buffer): void {
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const d = this.framing.open(message);
    const type = decoding.readVarUint(d);
    if (type === MSG_SYNC || type === MSG_SYNC_REPLY) {
      const step = decoding.readVarUint(d);
      if (step === SYNC_UPDATE) {
        const update = decoding.readVarUint8Array(d);
        this.arrivals?.push({ at: performance.now(), update });
        this.updates++;
        this.updateBytes += message.byteLength;
        if (this.tracker?.merged) this.tracker.arriveMerged(this.room, update, this.id);
        else this.tracker?.arrive(this.room, updateKey(update), this.id, message.byteLength);
      } else if (step === SYNC_STEP1) {
        this.send(this.framing.syncStep2());
      } else if (step === SYNC_STEP2) {
        this.step2s++;
        if (this.arrivals) this.arrivals.push({ at: performance.now(), update: decoding.readVarUint8Array(decoding.clone(d)) });
        if (this.syncedAt === 0) {
          this.syncedAt = performance.now();
          this.step2Bytes = message.byteLength;
          if (this.keepsJoinState) this.joinedWith = decoding.readVarUint8Array(d).slice();
        }
        const waiting = this.onStep2;
        this.onStep2 = [];
        for (const w of waiting) w();
      }
    } else if (type === MSG_AWARENESS) {
      const update = decoding.readVarUint8Array(d);
      if (this.tracker?.merged) this.tracker.arriveAwarenessMerged(this.room, update, this.id);
      else this.tracker?.arrive(this.room, awarenessKey(update), this.id, message.byteLength);
    } else if (type === MSG_AUTH) {
      // y-protocols' auth message (Accord, y-websocket): permission-denied is 0, then the reason.
      // Hocuspocus: token 0, permission-denied 1 (then the reason), authenticated 2.
      const kind = decoding.readVarUint(d);
      if (kind === (isHocuspocus(this.kind) ? 1 : 0)) {
        const reason = decoding.hasContent(d) ? decoding.readVarString(d) : 'permission-denied';
        this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
      }
    }
  }
}
