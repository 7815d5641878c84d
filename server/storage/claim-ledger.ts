// Storage's judgement of who may write under a Yjs client id, shared by both adapters: the
// first participant whose stored update writes under it owns it (record_clients), and an
// append by anyone else that writes under it is refused. An adapter keeps one ledger per
// record for the batch it is storing, inside the transaction that stores it and under the
// record's lock, and asks it about each append in the order they were asked for: what an
// earlier append of the batch claims counts as stored for the ones after it.
import type { EditAuthor } from './history-rows';

/** Refused, with the client ids another participant owns; or accepted, with the ids it claims first. */
export type ClaimVerdict = { refused: number[] } | { claims: number[] };

export class ClaimLedger {
  /** Owners known so far: read from storage, or claimed by an accepted append of this batch. */
  private readonly owners = new Map<number, string | undefined>();

  /** `storedOwner`: who storage says owns a client id, read in the batch's transaction. */
  constructor(private readonly storedOwner: (client: number) => string | undefined) {}

  /**
   * Judges one append writing under `clients` (distinct), sent by `by`. An accepted append's
   * first claims are noted here; the caller stores them with it. The server's own change
   * (no `by`) claims nothing and is let through.
   */
  judge(clients: readonly number[], by: EditAuthor | null): ClaimVerdict {
    if (!by) return { claims: [] };
    const refused = clients.filter((client) => {
      const owner = this.ownerOf(client);
      return owner !== undefined && owner !== by.participantId;
    });
    if (refused.length > 0) return { refused };
    const claims = clients.filter((client) => this.ownerOf(client) === undefined);
    for (const client of claims) this.owners.set(client, by.participantId);
    return { claims };
  }

  private ownerOf(client: number): string | undefined {
    if (!this.owners.has(client)) this.owners.set(client, this.storedOwner(client));
    return this.owners.get(client);
  }
}

/** The distinct client ids a list of updates' facts write under. */
export const clientsOfAll = (facts: readonly { clients: readonly number[] }[]): number[] => [...new Set(facts.flatMap((f) => f.clients))];
