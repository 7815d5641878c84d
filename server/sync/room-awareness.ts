// Presence in one record: the awareness states of its clients, which connection speaks
// for which client id, and the checks a state must pass before it is relayed.
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { SocketRefusal } from '../policies/refusal';
import { checkAwarenessUpdate, encodeAwarenessEntries, stampIdentity, type AwarenessLimits } from './awareness-check';
import type { Connection } from './connection';
import { awarenessMessage, awarenessUpdateMessage } from './wire';

export type AwarenessOutcome =
  | { refused: SocketRefusal }
  /** `relay` is the message to pass on (null: nothing new), `update` what to publish. */
  | { relay: Uint8Array | null; update: Uint8Array | null };

export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Connection>();

  constructor(
    doc: Y.Doc,
    private readonly limits: AwarenessLimits,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
  }

  /** Everything known now, for a client that just joined or asked. */
  everything(): Uint8Array | null {
    const states = [...this.awareness.getStates().keys()];
    return states.length > 0 ? awarenessMessage(this.awareness, states) : null;
  }

  fromClient(connection: Connection, update: Uint8Array, message: Uint8Array): AwarenessOutcome {
    const verdict = checkAwarenessUpdate(
      update,
      {
        own: connection.clientIds,
        ownedByOther: (id) => {
          const owner = this.owners.get(id);
          return owner !== undefined && owner !== connection;
        },
        knownClock: (id) => this.awareness.meta.get(id)?.clock,
      },
      this.limits,
    );
    if ('refused' in verdict) return verdict;
    if (verdict.accepted.length === 0) return { relay: null, update: null };
    for (const { clientId } of verdict.accepted) {
      connection.clientIds.add(clientId);
      this.owners.set(clientId, connection);
    }
    // Nobody appears as someone else: each state names the connection's own participant.
    const { participantId, name, actor } = connection.identity;
    const identity = { participantId, name, party: actor.party, role: actor.role };
    const entries = verdict.accepted.map((entry) => ({ ...entry, state: stampIdentity(entry.state, identity) }));
    const asSent = verdict.echoes === 0 && entries.every((entry, i) => entry.state === verdict.accepted[i]!.state);
    // Relay the bytes as they came unless echoes had to be taken out or a state restamped.
    const accepted = asSent ? update : encodeAwarenessEntries(entries);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, connection);
    return { relay: asSent ? message : awarenessUpdateMessage(accepted), update: accepted };
  }

  /** A state relayed by another process. */
  fromElsewhere(update: Uint8Array): Uint8Array {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, 'elsewhere');
    return awarenessUpdateMessage(update);
  }

  /** The connection left: its clients are gone. Answers the removal to relay, if any. */
  leave(connection: Connection): { relay: Uint8Array; update: Uint8Array } | null {
    for (const id of connection.clientIds) this.owners.delete(id);
    const present = [...connection.clientIds].filter((id) => this.awareness.states.has(id));
    if (present.length === 0) return null;
    awarenessProtocol.removeAwarenessStates(this.awareness, present, connection);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, present);
    return { relay: awarenessUpdateMessage(update), update };
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
