// Stock Yjs clients (y-websocket's WebsocketProvider, on Node's `ws`), as any integrator
// would write them, and raw sockets for sending bytes no honest client would.
import { vi } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as authProtocol from 'y-protocols/auth';

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Reasons of every permission-denied message received. */
  refusals: string[];
  destroy(): void;
}

export function stockClient(wsUrl: string, documentId: string, token: string, doc = new Y.Doc(), options: { maxBackoffTime?: number } = {}): StockClient {
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    params: { token },
    ...options,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const client: StockClient = {
    doc,
    provider,
    refusals: [],
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  // The stock provider only warns on permission-denied; a test records the reasons, as
  // an integrator would, through the provider's own per-instance handler table.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => client.refusals.push(reason));
  };
  return client;
}

/** Waits, with vitest's vi.waitFor, until `check` holds; fails naming `what` after `timeoutMs`. */
export const waitFor = (check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> =>
  vi.waitFor(
    () => {
      if (!check()) throw new Error(`timed out waiting for ${what}`);
    },
    { timeout: timeoutMs, interval: 10 },
  );

export const synced = (client: StockClient, timeoutMs = 5000) => waitFor(() => client.provider.synced, timeoutMs, 'sync');

let marks = 0;
/**
 * Resolves once the server has dealt with everything `from` sent before the call, and every
 * message it sent `to` before then has arrived: `from` says something new in its awareness,
 * which the server relays, in order, after all of it. For tests that show something did NOT
 * happen: they wait for this later, positive event instead of sleeping.
 */
export async function processed(from: StockClient, to: StockClient, timeoutMs = 5000): Promise<void> {
  const mark = `${from.doc.clientID}-${++marks}`;
  from.provider.awareness.setLocalStateField('processed', mark);
  await waitFor(() => to.provider.awareness.getStates().get(from.doc.clientID)?.processed === mark, timeoutMs, 'a later message relayed');
}

/** Opens a raw socket; resolves with it once open, or rejects with the HTTP status refused. */
export function rawSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.binaryType = 'nodebuffer';
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Resolves with the close code when the socket closes. */
export const closed = (ws: WebSocket) =>
  new Promise<number>((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(1006);
    ws.once('close', (code) => resolve(code));
  });
