// What a lifecycle command answers: the change made, or why nothing was changed. The
// refusals the pure lifecycle knows come from shared/lifecycle.ts; the rest are the ones
// only the server can tell (keys, signatures, a race with another request).
import type { LifecycleRefusal } from '../../shared/lifecycle';
import type { Actor } from '../../shared/roles';

export type CommandRefusal =
  | LifecycleRefusal
  | { code: 'no-key-enrolled'; party: string }
  | { code: 'invalid-key' }
  /** The key is enrolled for another party of the meeting. */
  | { code: 'key-in-use'; party: string }
  | { code: 'bad-signature'; party: string }
  | { code: 'signer-mismatch'; expected: { name: string; title: string } }
  | { code: 'statement-mismatch'; field: 'meetingId'; expected: string; found: string }
  | { code: 'no-such-version'; version: number }
  /** Another request changed the record first; nothing was stored. */
  | { code: 'conflict' };

export type CommandResult<T> = { ok: true; value: T } | { ok: false; refusal: CommandRefusal };

export const refused = <T>(refusal: CommandRefusal): CommandResult<T> => ({ ok: false, refusal });

/** The participant a command acts for. */
export interface Participant {
  actor: Actor;
  participantId: string;
  name: string;
}
