// Awareness (who is here, where their caret is) is relayed, not stored; it must never
// let one connection speak for another's client or carry a record's worth of content.
import * as decoding from 'lib0/decoding';
import { RefusalReason } from '../../shared/protocol';

export interface AwarenessLimits {
  /** Client ids one connection may speak for (a tab may renew its id). */
  maxClientIdsPerConnection: number;
  /** Bytes of one client's state as JSON. */
  maxStateBytes: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxClientIdsPerConnection: 4, maxStateBytes: 8 * 1024 };

export interface AwarenessClaim {
  /** Client ids the update speaks for. */
  clientIds: number[];
}

/**
 * Reads an awareness update and checks it against the connection's own client ids.
 * Throws on bytes that are not an awareness update; answers a refusal reason when the
 * update is well formed but not allowed.
 */
export function checkAwarenessUpdate(
  update: Uint8Array,
  ownedByConnection: ReadonlySet<number>,
  ownedByOthers: (clientId: number) => boolean,
  limits: AwarenessLimits,
): AwarenessClaim | { refused: RefusalReason } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clientIds: number[] = [];
  const claimed = new Set(ownedByConnection);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    const state = decoding.readVarString(decoder);
    if (state.length > limits.maxStateBytes) return { refused: RefusalReason.awarenessTooLarge };
    JSON.parse(state);
    if (!claimed.has(clientId)) {
      if (ownedByOthers(clientId) || claimed.size >= limits.maxClientIdsPerConnection)
        return { refused: RefusalReason.awarenessNotYours };
      claimed.add(clientId);
    }
    clientIds.push(clientId);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');
  return { clientIds };
}
