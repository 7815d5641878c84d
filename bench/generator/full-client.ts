// Full clients, holding a Y.Doc, that check a room ends with the expected text: the stock
// y-websocket WebsocketProvider for the servers that speak y-websocket, and for Hocuspocus
// (whose provider is not a dependency) the same sync steps behind its document-name framing.
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import { Framing, MSG_SYNC, MSG_SYNC_REPLY, isAccord, isHocuspocus, type ServerKind } from '../lib/wire';
import { socketUrl } from './thin-client';

export interface FullClient {
  doc: Y.Doc;
  /** Permission-denied messages received (counted, not printed). */
  refusals: string[];
  /** Resolves once the server's document has been applied. */
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const end = performance.now() + timeoutMs;
    const poll = () => {
      if (check()) return resolve();
      if (performance.now() > end) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 5);
    };
    poll();
  });
}

export function fullClient(kind: ServerKind, port: number, docName: string, token: string): FullClient {
  if (isHocuspocus(kind)) return hocuspocusClient(kind, port, docName, token);
  if (kind === 'relay') throw new Error('the relay keeps no document: no full client');
  const doc = new Y.Doc();
  const serverUrl = isAccord(kind) ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`;
  const provider = new WebsocketProvider(serverUrl, docName, doc, {
    params: isAccord(kind) ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const refusals: string[] = [];
  // The stock provider only prints permission-denied; count the reasons instead.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => refusals.push(reason));
  };
  return {
    doc,
    refusals,
    synced: (timeoutMs = 30_000) => waitUntil(() => provider.synced, timeoutMs, `${kind} provider sync`),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function hocuspocusClient(kind: ServerKind, port: number, docName: string, token: string): FullClient {
  const doc = new Y.Doc();
  const framing = new Framing(kind, docName);
  const ws = new WebSocket(socketUrl(kind, port, docName, token), { perMessageDeflate: false });
  ws.binaryType = 'nodebuffer';
  let synced = false;
  ws.on('open', () => {
    for (const m of framing.hello(token)) ws.send(m);
    ws.send(framing.syncStep1(Y.encodeStateVector(doc)));
  });
  ws.on('message', (data: Buffer) => {
    const d = framing.open(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const type = decoding.readVarUint(d);
    if (type !== MSG_SYNC && type !== MSG_SYNC_REPLY) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MSG_SYNC);
    const step = syncProtocol.readSyncMessage(d, e, doc, 'server');
    if (step === syncProtocol.messageYjsSyncStep2) synced = true;
    if (encoding.length(e) > 1) {
      const reply = encoding.createEncoder();
      encoding.writeVarString(reply, docName);
      encoding.writeUint8Array(reply, encoding.toUint8Array(e));
      ws.send(encoding.toUint8Array(reply));
    }
  });
  ws.on('error', () => {});
  return {
    doc,
    refusals: [],
    synced: (timeoutMs = 30_000) => waitUntil(() => synced, timeoutMs, `${kind} sync`),
    destroy() {
      ws.close();
      doc.destroy();
    },
  };
}
