// Which participant owns each Yjs client id of a record. The first participant whose
// accepted update writes under a client id claims it (storage keeps the claim with the
// update, in the same transaction); an update from anyone else that writes new content
// under that id is refused, so a crafted client cannot make text appear as another's.
// Held per room as a cache of storage, read when the room loads; a client id that reached
// this process from another one is looked up in storage before anyone here writes under it.
// The cache answers first, to refuse early; storage has the last word: two processes may
// each let a first write under one new client id through before either is stored, and the
// append stored second is refused (ClientNotYours), whereupon the room reloads.
import * as Y from 'yjs';
import type { Storage } from '../storage/storage';
import { clientsOf } from './edit-facts';
import type { DecodedUpdate } from './structural-deletions';

export class ClientClaims {
  private readonly owners = new Map<number, string>();
  /** Client ids other processes stored content under: their owner is asked of storage. */
  private readonly claimedElsewhere = new Set<number>();

  constructor(
    private readonly storage: Storage,
    private readonly documentId: string,
  ) {}

  async load(): Promise<void> {
    for (const claim of await this.storage.listClientClaims(this.documentId)) this.owners.set(claim.clientId, claim.participantId);
  }

  /**
   * Whether `participantId` may write what `update` adds to `doc`: every client id it
   * writes new content under is unclaimed or already theirs. Answers those client ids
   * (null when refused) and claims nothing: what is kept of the update is claimed once
   * applied (`kept`), as storage claims it. Synchronous unless a client id must be looked
   * up in storage, so an update's way to storage keeps its turn.
   */
  allows(doc: Y.Doc, update: DecodedUpdate, participantId: string): number[] | null | Promise<number[] | null> {
    const written = newContentClients(doc, update);
    // Content under a client id nobody claimed is the server's own (or older than attribution): nobody may add to it.
    const unowned = (client: number) => !this.owners.has(client) && Y.getState(doc.store, client) > 0;
    const unresolved = written.filter((client) => this.claimedElsewhere.has(client));
    if (unresolved.length === 0) return this.decide(written, participantId, unowned);
    return this.storage.clientClaims(this.documentId, unresolved).then((claims) => {
      for (const claim of claims) this.owners.set(claim.clientId, claim.participantId);
      for (const client of unresolved) this.claimedElsewhere.delete(client);
      return this.decide(written, participantId, unowned);
    });
  }

  private decide(written: number[], participantId: string, unowned: (client: number) => boolean): number[] | null {
    return written.some((client) => unowned(client) || (this.owners.get(client) ?? participantId) !== participantId) ? null : written;
  }

  /**
   * After the update `allows` let through is applied: the client ids it wrote under that
   * `doc` now holds content of are claimed for the writer, as storage claims them with it.
   * Only what was kept: a part held back for missing dependencies and dropped
   * (write-policy.ts) claims nothing, or its client id would be refused to its rightful
   * writer until the record reloads. Read from the document, not by decoding the update again.
   */
  kept(doc: Y.Doc, written: number[], participantId: string): void {
    for (const client of written) if (!this.owners.has(client) && Y.getState(doc.store, client) > 0) this.owners.set(client, participantId);
  }

  /** Updates another process stored: their client ids are claimed, by someone storage knows. */
  storedElsewhere(updates: Uint8Array[]): void {
    for (const update of updates) for (const client of clientsOf(update)) if (!this.owners.has(client)) this.claimedElsewhere.add(client);
  }

  /** A client id the server writes under on someone's behalf (a restore), claimed for them. */
  claim(client: number, participantId: string): void {
    this.owners.set(client, participantId);
  }
}

/** The client ids under which `update` adds content `doc` does not have yet. */
function newContentClients(doc: Y.Doc, update: DecodedUpdate): number[] {
  const clients = new Set<number>();
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    if (clock + struct.length > Y.getState(doc.store, client)) clients.add(client);
  }
  return [...clients];
}
