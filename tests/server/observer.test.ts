import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting, startTestServer, tokenOf, type TestServer } from '../helpers/server';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { RefusalReason } from '../../shared/protocol';

describe('an observer follows the record but cannot write it', () => {
  let server: TestServer;
  const clients: StockClient[] = [];
  const connect = (documentId: string, token: string) => {
    const c = stockClient(server.wsUrl, documentId, token);
    clients.push(c);
    return c;
  };
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    server.cleanup();
  });

  it('is served the record, its writes reach no one and no later load, and it is told why', async () => {
    const meeting = await createMeeting(server);
    const observer = connect(meeting.documentId, tokenOf(meeting, 'observer'));
    const delegate = connect(meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await Promise.all([synced(observer), synced(delegate)]);
    expect(observer.doc.getArray('agenda').length).toBe(8);
    expect(observer.refusals).toEqual([]); // syncing alone is not a write

    observer.doc.getText('notes').insert(0, 'observer text');
    await waitFor(() => observer.refusals.length > 0, 5000, 'refusal');
    expect(observer.refusals).toContain(RefusalReason.readOnlyObserver);

    // The delegate's own edit arrives after the observer's: ordering proves the observer's never came.
    delegate.doc.getText('marker').insert(0, 'delegate');
    await waitFor(() => observer.doc.getText('marker').toString() === 'delegate', 5000, 'delegate edit at observer');
    expect(delegate.doc.getText('notes').toString()).toBe('');
    // What the observer typed stays in its own document, not thrown away.
    expect(observer.doc.getText('notes').toString()).toBe('observer text');

    const later = connect(meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await synced(later);
    expect(later.doc.getText('notes').toString()).toBe('');
    expect(later.doc.getText('marker').toString()).toBe('delegate');
  });
});
