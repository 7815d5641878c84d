// What a command answers: the change made, or why nothing was changed, as one of the
// server's refusals (server/policies/refusal.ts).
import type { Refusal } from '../policies/refusal';
import type { Actor } from '../../shared/roles';
import type { Principal } from '../auth/principal';

/** A command asks authorize() where the answer hangs on what it read, so its refusal may be the caller's as well as its own. */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const refused = <T>(refusal: Refusal): CommandResult<T> => ({ ok: false, refusal });

/** The participant a command acts for. */
export interface Participant {
  actor: Actor;
  participantId: string;
  name: string;
  /** Who asks, as authorize() judges them: the command asks it again with what it read. */
  principal: Extract<Principal, { kind: 'participant' }>;
}
