// A head's signing key in this browser: read from IndexedDB, made (Ed25519, private half
// not extractable) and enrolled for the party on the first visit, or made anew on request
// when another browser holds the enrolled one. One store per meeting and participant.
import { createStore } from '../../app/store';
import { ApiFailure } from '../../connection/api';
import { keepSigningKey, loadSigningKey, KeyStoreUnavailable, type KeptKey } from '../../connection/keys-store';
import { lifecycleApi } from '../../connection/lifecycle-api';
import { decodeBase64Url } from '../../../shared/signing/base64';
import { keyFingerprint } from '../../../shared/signing/fingerprint';
// Not ./keys: that one signs statements and carries their schema (zod), not for the first screen.
import { exportPublicKey, newSigningKey } from '../../../shared/signing/key-pair';
import type { RecordState } from '../../../shared/roles';
import { automaticStep, keySituation } from './key-situation';

export interface KeyHere {
  fingerprint: string;
  keys: CryptoKeyPair;
}

export interface SigningKeyState {
  loaded: boolean;
  here: KeyHere | null;
  working: 'making' | 'enrolling' | null;
  /** Why the last step failed: 'store-unavailable', 'no-ed25519', or the server's code. */
  problem: string | null;
  /** The last enrolment made from this browser: its fingerprint, and the key it replaced. */
  enrolled: { fingerprint: string; replaced: string | null } | null;
}

const fingerprintOf = (kept: KeptKey) => keyFingerprint(decodeBase64Url(kept.publicKey));

export class SigningKey {
  readonly state = createStore<SigningKeyState>({ loaded: false, here: null, working: null, problem: null, enrolled: null });
  private loading: Promise<void> | null = null;

  constructor(
    private readonly meetingId: string,
    private readonly participantId: string,
    /** Told after every enrolment, so the record's details (its keys) are read again. */
    private readonly onEnrolled: () => void,
  ) {}

  load(): Promise<void> {
    this.loading ??= loadSigningKey(this.meetingId, this.participantId).then(
      (kept) => this.patch({ loaded: true, here: kept ? { fingerprint: fingerprintOf(kept), keys: kept.keys } : null }),
      (err: unknown) => this.patch({ loaded: true, problem: problemOf(err) }),
    );
    return this.loading;
  }

  /** Takes the step the situation calls for by itself: a first key, or enrolling the one here. */
  async reconcile(enrolled: string | null, state: RecordState): Promise<void> {
    await this.load();
    const { here, working, problem } = this.state.get();
    if (working || problem === 'store-unavailable' || problem === 'no-ed25519') return;
    const step = automaticStep(keySituation(here?.fingerprint ?? null, enrolled, state));
    if (step === 'make-and-enrol') await this.makeNew({ replace: false });
    else if (step === 'enrol-here') await this.enrolHere();
  }

  /** Makes a key here and enrols it; with `replace`, it takes the place of any key kept or enrolled before. */
  async makeNew({ replace }: { replace: boolean }): Promise<void> {
    if (this.state.get().working) return;
    this.patch({ working: 'making', problem: null });
    try {
      const keys = await newSigningKey();
      const made: KeptKey = { keys, publicKey: await exportPublicKey(keys.publicKey), createdAt: new Date().toISOString() };
      const kept = await keepSigningKey(this.meetingId, this.participantId, made, { replace });
      this.patch({ here: { fingerprint: fingerprintOf(kept), keys: kept.keys } });
      await this.enrol(kept.keys.publicKey);
    } catch (err) {
      this.patch({ problem: problemOf(err) });
    } finally {
      this.patch({ working: null });
    }
  }

  /** Enrols the key kept here (again), e.g. after an enrolment that failed offline. */
  async enrolHere(): Promise<void> {
    const here = this.state.get().here;
    if (!here || this.state.get().working) return;
    this.patch({ working: 'enrolling', problem: null });
    try {
      await this.enrol(here.keys.publicKey);
    } catch (err) {
      this.patch({ problem: problemOf(err) });
    } finally {
      this.patch({ working: null });
    }
  }

  private async enrol(publicKey: CryptoKey): Promise<void> {
    this.patch({ working: 'enrolling' });
    const answer = await lifecycleApi.enrolKey(this.meetingId, await exportPublicKey(publicKey));
    this.patch({ enrolled: { fingerprint: answer.fingerprint, replaced: answer.replaced } });
    this.onEnrolled();
  }

  private patch(change: Partial<SigningKeyState>): void {
    this.state.update((s) => ({ ...s, ...change }));
  }
}

function problemOf(err: unknown): string {
  if (err instanceof KeyStoreUnavailable) return 'store-unavailable';
  if (err instanceof ApiFailure) return err.code;
  // WebCrypto without Ed25519 (an old browser) refuses to make the key.
  if (err instanceof DOMException && err.name === 'NotSupportedError') return 'no-ed25519';
  return 'unknown';
}

const keys = new Map<string, SigningKey>();

export function signingKeyFor(meetingId: string, participantId: string, onEnrolled: () => void): SigningKey {
  const id = `${meetingId}/${participantId}`;
  let key = keys.get(id);
  if (!key) {
    key = new SigningKey(meetingId, participantId, onEnrolled);
    keys.set(id, key);
  }
  return key;
}
