// A head's signing key stays in the browser that made it: the CryptoKeyPair itself is kept
// in IndexedDB (a CryptoKey is structured-cloneable, and its private half, made not
// extractable, can be used here but never read out), one per meeting and participant.
const DATABASE = 'accord-signing-keys';
const STORE = 'keys';

export interface KeptKey {
  keys: CryptoKeyPair;
  /** The raw public key, base64url, as it was enrolled. */
  publicKey: string;
  createdAt: string;
}

/** This browser cannot keep a key (storage refused, e.g. in some private windows). */
export class KeyStoreUnavailable extends Error {}

const slot = (meetingId: string, participantId: string) => `${meetingId}/${participantId}`;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let opening: IDBOpenDBRequest;
    try {
      opening = indexedDB.open(DATABASE, 1);
    } catch (err) {
      reject(new KeyStoreUnavailable(String(err)));
      return;
    }
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(new KeyStoreUnavailable(String(opening.error)));
  });
}

async function inStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore, done: (value: T) => void) => void): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      let result: T;
      work(transaction.objectStore(STORE), (value) => (result = value));
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(new KeyStoreUnavailable(String(transaction.error)));
      transaction.onabort = () => reject(new KeyStoreUnavailable(String(transaction.error)));
    });
  } finally {
    db.close();
  }
}

export function loadSigningKey(meetingId: string, participantId: string): Promise<KeptKey | null> {
  return inStore<KeptKey | null>('readonly', (store, done) => {
    const reading = store.get(slot(meetingId, participantId));
    reading.onsuccess = () => done((reading.result as KeptKey | undefined) ?? null);
  });
}

/**
 * Keeps a key. Without `replace`, a key already kept wins (another tab of this browser made
 * one first), and that one is answered, so one browser never enrols two keys by accident.
 */
export function keepSigningKey(meetingId: string, participantId: string, key: KeptKey, { replace = false } = {}): Promise<KeptKey> {
  const id = slot(meetingId, participantId);
  return inStore<KeptKey>('readwrite', (store, done) => {
    const reading = store.get(id);
    reading.onsuccess = () => {
      const existing = reading.result as KeptKey | undefined;
      if (existing && !replace) return done(existing);
      store.put(key, id);
      done(key);
    };
  });
}
