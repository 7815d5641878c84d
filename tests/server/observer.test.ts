import { describe, expect, it } from 'vitest';
import { createMeeting, tokenOf } from '../helpers/server';
import { serverPerTest } from '../helpers/cleanup';
import { synced, waitFor } from '../helpers/clients';
import { RefusalReason } from '../../shared/protocol';

describe('an observer follows the record but cannot write it', () => {
  const h = serverPerTest();
  const connect = h.connect;

  it('is served the record, its writes reach no one and no later load, and it is told why', async () => {
    const meeting = await createMeeting(h.server);
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
