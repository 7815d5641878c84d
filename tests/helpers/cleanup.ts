// Servers and stock clients tests start, destroyed and cleaned up when they are done.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { stockClient, type StockClient } from './clients';
import { startTestServer, type TestServer } from './server';

/**
 * One server for every test of the block: started before the first and handed to `use`,
 * stopped and its data removed after the last.
 */
export function serverForAll(use: (server: TestServer) => void): void {
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await startTestServer();
    use(server);
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });
}

/** Servers and stock clients a test starts, pushed here to be destroyed after each test. */
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

/** A fresh server for each test of the block, and the stock clients a test connects to it; all closed after the test. */
export function serverPerTest() {
  const clients: StockClient[] = [];
  const here = {
    server: null as unknown as TestServer,
    /** A stock client on the record, destroyed after the test. */
    connect(documentId: string, token: string): StockClient {
      const c = stockClient(here.server.wsUrl, documentId, token);
      clients.push(c);
      return c;
    },
  };
  beforeEach(async () => {
    here.server = await startTestServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await here.server.stop();
    here.server.cleanup();
  });
  return here;
}
