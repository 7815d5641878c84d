// The reference y-websocket server (@y/websocket-server 0.1.1, the Yjs 13 line): its own
// setupWSConnection behind a plain http server, as its bin script does. Without
// YPERSISTENCE it keeps documents in memory only.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { failOverIpc, serveOverIpc } from './ipc';

async function main(): Promise<void> {
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('okay');
  });
  wss.on('connection', setupWSConnection);
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serveOverIpc((server.address() as AddressInfo).port, async () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
}

main().catch(failOverIpc);
