// Servers and stock clients a test starts, destroyed and cleaned up after each test.
import { afterEach } from 'vitest';
import { stockClient, type StockClient } from './clients';
import type { TestServer } from './server';

export function serversAndClients() {
  const servers: TestServer[] = [];
  const clients: StockClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) {
      await s.stop();
      s.cleanup();
    }
  });
  /** A stock client on the record, destroyed after the test. */
  const connect = (server: TestServer, documentId: string, token: string) => {
    const c = stockClient(server.wsUrl, documentId, token);
    clients.push(c);
    return c;
  };
  return { servers, clients, connect };
}
