// The floor: a raw ws relay that sends every message on to every other socket on the same
// path, reading nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { failOverIpc, serveOverIpc } from './ipc';

async function main(): Promise<void> {
  const rooms = new Map<string, Set<WebSocket>>();
  const server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws, request) => {
    const name = request.url ?? '/';
    let room = rooms.get(name);
    if (!room) rooms.set(name, (room = new Set()));
    const peers = room;
    peers.add(ws);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      for (const peer of peers) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
    });
    ws.on('close', () => {
      peers.delete(ws);
      if (peers.size === 0) rooms.delete(name);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serveOverIpc((server.address() as AddressInfo).port, async () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    await new Promise((resolve) => server.close(resolve));
  });
}

main().catch(failOverIpc);
