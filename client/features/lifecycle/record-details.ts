// The record's lifecycle details (GET /record: the canonical record once locked, every
// signature, voided ones too, the enrolled keys), fetched again whenever the status the
// socket pushes changes. One store per meeting, outside React.
import type { RecordStatus } from '../../../shared/protocol';
import { createStore, type Store } from '../../app/store';
import { ApiFailure } from '../../connection/api';
import { lifecycleApi, type RecordDetails } from '../../connection/lifecycle-api';

export interface DetailsState {
  details: RecordDetails | null;
  /** The server's refusal code, or 'unreachable'; the last details stay shown. */
  error: string | null;
}

export interface RecordDetailsStore extends Store<DetailsState> {
  /** Fetches again if `statusKey` differs from the last one asked for (or always, with none). */
  refresh(statusKey?: string): Promise<void>;
}

/** What, in a status, means the details have changed. */
export function statusKey(status: RecordStatus | null): string {
  if (!status) return 'initial';
  const signatures = status.signatures.map((s) => `${s.party}@${s.signedAt}`).join(',');
  return [status.documentId, status.version, status.state, status.recordHash ?? '', signatures, status.supersededBy ?? ''].join('|');
}

const stores = new Map<string, RecordDetailsStore>();

export function recordDetailsFor(meetingId: string): RecordDetailsStore {
  let store = stores.get(meetingId);
  if (!store) {
    store = createDetailsStore(meetingId);
    stores.set(meetingId, store);
  }
  return store;
}

function createDetailsStore(meetingId: string): RecordDetailsStore {
  const base = createStore<DetailsState>({ details: null, error: null });
  let lastKey: string | null = null;
  let asked = 0;
  return {
    ...base,
    async refresh(key) {
      if (key !== undefined && key === lastKey) return;
      if (key !== undefined) lastKey = key;
      // Only the newest answer is kept: an older one may arrive after it.
      const ticket = ++asked;
      try {
        const details = await lifecycleApi.record(meetingId);
        if (ticket === asked) base.set({ details, error: null });
      } catch (err) {
        if (ticket === asked) base.update((s) => ({ ...s, error: err instanceof ApiFailure ? err.code : 'unknown' }));
      }
    },
  };
}
