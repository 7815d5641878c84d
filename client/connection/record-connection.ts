// The one connection between this browser and the record: the Y.Doc, its copy in IndexedDB
// (so edits survive a reload while offline), the sync socket, who else is here, the
// record's lifecycle status, and the writes the server refused. Components read all of it
// through stores; nothing here knows about React.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { MessageType, RECORD_STATUS_MESSAGE, type RecordStatus } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import { createStore } from '../app/store';
import { openLocalCopy } from './local-copy';
import { applyRemoteUpdatesPerFrame, type RemoteUpdates } from './remote-updates';
import { sendOwnUpdatesAfterPaint, type OwnUpdates } from './own-updates';

/** What the connection badge shows. */
export type LinkState = 'syncing' | 'connected' | 'offline' | 'closed';

export interface Refusal {
  /** The reason the server gave (shared/protocol RefusalReason). */
  reason: string;
  /** How many writes were refused for this reason since it was last dismissed. */
  count: number;
  at: number;
}

export interface ConnectionState {
  link: LinkState;
  /** The browser's own copy of the record has been read. */
  localCopyLoaded: boolean;
  /** Edits made here while the server could not hear them; sent on reconnect. */
  unsentEdits: boolean;
  record: RecordStatus | null;
  refusals: Refusal[];
  /** The close code when the server ended the connection for good (e.g. access revoked). */
  closeCode: number | null;
}

/** The awareness field `user`: labels carets and fills the "online now" list. */
export interface PresenceUser {
  participantId: string;
  name: string;
  party: string;
  role: Role;
  color: string;
}

export class RecordConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly localCopy: IndexeddbPersistence;
  private readonly closeLocalCopy: () => Promise<void>;
  readonly state = createStore<ConnectionState>({
    link: 'syncing',
    localCopyLoaded: false,
    unsentEdits: false,
    record: null,
    refusals: [],
    closeCode: null,
  });
  /** Everyone connected to this record now, this browser included, by awareness client id. */
  readonly presence = createStore<ReadonlyMap<number, PresenceUser>>(new Map());
  private readonly cleanups: (() => void)[] = [];
  private readonly remoteUpdates: RemoteUpdates;
  private readonly ownUpdates: OwnUpdates;

  private destroyed = false;

  constructor(
    readonly documentId: string,
    origin = window.location.origin,
    /** The record's state fetched over HTTP (compressed): the socket opens once it is applied. */
    firstState: Promise<Uint8Array | null> | null = null,
  ) {
    const local = openLocalCopy(documentId, this.doc, (origin) => origin === this.provider);
    this.localCopy = local.localCopy;
    this.closeLocalCopy = local.close;
    if (unsentMarker.read(documentId)) this.patch({ unsentEdits: true });
    void this.localCopy.whenSynced.then(() => this.patch({ localCopyLoaded: true }));

    const online = navigator.onLine;
    this.provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}/sync`, documentId, this.doc, { connect: online && !firstState });
    this.remoteUpdates = applyRemoteUpdatesPerFrame(this.provider);
    this.ownUpdates = sendOwnUpdatesAfterPaint(this.provider);
    if (!online) this.patch({ link: 'offline' });
    else if (firstState) void firstState.then((state) => this.connectAfter(state));
    this.listenToServer();
    this.listenToNetwork();
    this.trackUnsentEdits();
    this.trackPresence();
  }

  /** Says who this browser is, for carets and the participants annex. */
  announce(user: PresenceUser): void {
    this.provider.awareness.setLocalStateField('user', user);
  }

  dismissRefusal(reason: string): void {
    this.patch({ refusals: this.state.get().refusals.filter((r) => r.reason !== reason) });
  }

  destroy(): void {
    this.destroyed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    // What others typed in the last frame is dropped with the doc: the server holds it.
    this.remoteUpdates.stop();
    // What was typed in the last frame goes to the server before the socket closes.
    this.ownUpdates.stop();
    this.provider.destroy();
    void this.closeLocalCopy();
    this.doc.destroy();
  }

  /**
   * Applies the state fetched over HTTP as the server's own words, and syncs what is left: the
   * socket is opened first, so that its handshake goes on while the record is drawn, and its
   * sync step 1, sent once it is open (a later task), names all the state applied here.
   */
  private connectAfter(state: Uint8Array | null): void {
    if (this.destroyed) return;
    if (navigator.onLine && this.state.get().link !== 'closed') this.provider.connect();
    try {
      if (state) Y.applyUpdate(this.doc, state, this.provider);
    } catch {
      // Bytes that are not the record's: the socket sends it whole.
    }
  }

  private patch(change: Partial<ConnectionState>): void {
    this.state.update((current) => ({ ...current, ...change }));
    if (change.unsentEdits !== undefined) unsentMarker.write(this.documentId, change.unsentEdits);
  }

  private listenToServer(): void {
    const { provider } = this;
    // A refused write stays in this document and in IndexedDB; the workspace explains it.
    provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.refused(reason));
    };
    provider.messageHandlers[RECORD_STATUS_MESSAGE] = (_encoder, decoder) => {
      this.patch({ record: JSON.parse(decoding.readVarString(decoder)) as RecordStatus });
    };
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') {
        // Ask, on every new socket, to be told the record's lifecycle status.
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, RECORD_STATUS_MESSAGE);
        provider.ws?.send(encoding.toUint8Array(encoder));
        this.patch({ link: 'syncing', closeCode: null });
      } else if (status === 'disconnected') {
        this.patch({ link: 'offline' });
      } else {
        // A first attempt is syncing; a retry after failures means the server is out of reach.
        this.patch({ link: provider.wsUnsuccessfulReconnects === 0 && navigator.onLine ? 'syncing' : 'offline' });
      }
    };
    const onSync = (synced: boolean) => {
      if (synced) this.patch({ link: 'connected', unsentEdits: false });
    };
    const onClosed = ({ code }: { code: number }) => this.patch({ link: 'closed', closeCode: code });
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    this.cleanups.push(() => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
    });
  }

  // A socket that was open when the network went away can linger unnoticed for many
  // seconds; the browser's own word that it is offline is taken at once.
  private listenToNetwork(): void {
    const offline = () => {
      this.provider.disconnect();
      this.patch({ link: 'offline' });
    };
    const online = () => {
      if (this.state.get().link !== 'closed') this.provider.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.cleanups.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
  }

  private trackUnsentEdits(): void {
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.localCopy) return;
      if (!this.provider.synced && !this.state.get().unsentEdits) this.patch({ unsentEdits: true });
    };
    this.doc.on('update', onUpdate);
    this.cleanups.push(() => this.doc.off('update', onUpdate));
  }

  private trackPresence(): void {
    const { awareness } = this.provider;
    const read = () => {
      const users = new Map<number, PresenceUser>();
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: PresenceUser }).user;
        if (user && typeof user.participantId === 'string') users.set(clientId, user);
      });
      // Carets moving change the awareness many times a second while people type; who is
      // here changes seldom, and only then is the list of those present redrawn.
      if (!samePresence(this.presence.get(), users)) this.presence.set(users);
    };
    awareness.on('change', read);
    this.cleanups.push(() => awareness.off('change', read));
  }

  private refused(reason: string): void {
    const now = Date.now();
    const refusals = this.state.get().refusals;
    const known = refusals.find((r) => r.reason === reason);
    this.patch({
      refusals: known ? refusals.map((r) => (r === known ? { ...r, count: r.count + 1, at: now } : r)) : [...refusals, { reason, count: 1, at: now }],
    });
  }
}

function samePresence(a: ReadonlyMap<number, PresenceUser>, b: ReadonlyMap<number, PresenceUser>): boolean {
  if (a.size !== b.size) return false;
  for (const [clientId, user] of b) {
    const known = a.get(clientId);
    if (
      !known ||
      known.participantId !== user.participantId ||
      known.name !== user.name ||
      known.party !== user.party ||
      known.role !== user.role ||
      known.color !== user.color
    )
      return false;
  }
  return true;
}

// Whether this browser holds edits the server has not had, kept across a reload: the
// edits themselves are in IndexedDB, and the reader is told they are still waiting.
const unsentMarker = {
  key: (documentId: string) => `accord.unsent.${documentId}`,
  read(documentId: string): boolean {
    try {
      return window.localStorage.getItem(this.key(documentId)) === '1';
    } catch {
      return false;
    }
  },
  write(documentId: string, unsent: boolean): void {
    try {
      if (unsent) window.localStorage.setItem(this.key(documentId), '1');
      else window.localStorage.removeItem(this.key(documentId));
    } catch {
      // Without storage the notice lasts until the page is reloaded; the edits are kept all the same.
    }
  },
};
