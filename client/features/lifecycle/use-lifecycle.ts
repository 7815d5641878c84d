// How the workspace's screens read the lifecycle: the record's details (one store per
// meeting) and, for a head of delegation, the signing key kept in this browser.
import { useEffect } from 'react';
import { createStore, useStore } from '../../app/store';
import { signingKeyFor, type SigningKey, type SigningKeyState } from '../signing/signing-key';
import { useWorkspace } from '../workspace/workspace-context';
import { recordDetailsFor, statusKey, type DetailsState, type RecordDetailsStore } from './record-details';

export function useRecordDetails(): DetailsState & { store: RecordDetailsStore } {
  const { meeting } = useWorkspace();
  const store = recordDetailsFor(meeting.id);
  return { ...useStore(store), store };
}

/** The head's key here; null for anyone who is not a head of delegation. */
export function useSigningKey(): { key: SigningKey; state: SigningKeyState } | null {
  const { meeting, you } = useWorkspace();
  const key = you?.role === 'head' ? signingKeyFor(meeting.id, you.participantId, () => void recordDetailsFor(meeting.id).refresh()) : null;
  // A store is always subscribed to, so the hooks run in the same order for everyone.
  const state = useStore(key?.state ?? NO_KEY);
  return key ? { key, state } : null;
}

const NO_KEY = createStore<SigningKeyState>({ loaded: false, here: null, working: null, problem: null, enrolled: null });

/**
 * Mounted once in the workspace: reads the details again whenever the live status changes,
 * and lets a head's browser make and enrol its key on the first visit.
 */
export function useLifecycleSync(): void {
  const { connection, you } = useWorkspace();
  const status = useStore(connection.state).record;
  const { details, store } = useRecordDetails();
  const signing = useSigningKey();
  const key = statusKey(status);
  useEffect(() => {
    void store.refresh(key);
  }, [store, key]);

  const enrolled = details?.keys.find((k) => k.party === you?.party)?.fingerprint ?? null;
  const state = details?.state;
  const signingKey = signing?.key;
  useEffect(() => {
    if (signingKey && state) void signingKey.reconcile(enrolled, state);
  }, [signingKey, enrolled, state]);
}
