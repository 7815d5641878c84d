// Awareness (who is here, where their caret is) is relayed, not stored; it must never
// let one connection speak for another's client or carry a record's worth of content.
//
// The stock y-websocket provider echoes every awareness change it receives back to the
// server, other clients' included. An echo (a state no newer than the one the server
// already has) is dropped quietly; a newer state for a client another connection holds is
// refused.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { SocketRefusal } from '../policies/refusal';

/** Fatal on bytes that are not UTF-8: such a state is malformed, not a string to guess at. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface AwarenessLimits {
  /** Client ids one connection may speak for (a tab may renew its id). */
  maxClientIdsPerConnection: number;
  /** Bytes of one client's state as JSON, in UTF-8 (as sent: a Thai character is three). */
  maxStateBytes: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxClientIdsPerConnection: 4, maxStateBytes: 8 * 1024 };

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

export interface AwarenessView {
  /** Client ids this connection already speaks for. */
  own: ReadonlySet<number>;
  ownedByOther(clientId: number): boolean;
  /** The clock the server holds for a client id, if any. */
  knownClock(clientId: number): number | undefined;
}

export type AwarenessVerdict = { refused: SocketRefusal } | { accepted: AwarenessEntry[]; echoes: number };

/** Throws on bytes that are not an awareness update. */
export function checkAwarenessUpdate(update: Uint8Array, view: AwarenessView, limits: AwarenessLimits): AwarenessVerdict {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const claimed = new Set(view.own);
  const accepted: AwarenessEntry[] = [];
  let echoes = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.byteLength > limits.maxStateBytes) return { refused: { code: 'presence-too-large' } };
    const entry = { clientId, clock, state: utf8.decode(bytes) };
    JSON.parse(entry.state);
    if (!claimed.has(entry.clientId)) {
      const known = view.knownClock(entry.clientId);
      if (known !== undefined && entry.clock <= known) {
        echoes++;
        continue;
      }
      if (view.ownedByOther(entry.clientId) || claimed.size >= limits.maxClientIdsPerConnection) return { refused: { code: 'presence-not-yours' } };
      claimed.add(entry.clientId);
    }
    accepted.push(entry);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');
  return { accepted, echoes };
}

/** Who a connection is, as its session says: what every awareness state it sends will say. */
export interface PresenceIdentity {
  participantId: string;
  name: string;
  party: string;
  role: string;
}

/**
 * The state with its `user` naming the connection's own participant, whatever the client
 * wrote there (its other fields, such as a caret colour, are kept). A state that is not an
 * object is taken as an empty one; a removal (null) stays a removal. Answers the same text
 * when the client already said who it is.
 */
export function stampIdentity(state: string, identity: PresenceIdentity): string {
  const value: unknown = JSON.parse(state);
  if (value === null) return state;
  const fields = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const user = fields.user && typeof fields.user === 'object' && !Array.isArray(fields.user) ? (fields.user as Record<string, unknown>) : {};
  const stamped = JSON.stringify({ ...fields, user: { ...user, ...identity } });
  return stamped === state ? state : stamped;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
