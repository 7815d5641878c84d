// What a command answers: the change made, or why nothing was changed, as one of the
// server's refusals (server/policies/refusal.ts).
import type { CommandRefusal } from '../policies/refusal';
import type { Actor } from '../../shared/roles';

export type { CommandRefusal };

export type CommandResult<T> = { ok: true; value: T } | { ok: false; refusal: CommandRefusal };

export const refused = <T>(refusal: CommandRefusal): CommandResult<T> => ({ ok: false, refusal });

/** The participant a command acts for. */
export interface Participant {
  actor: Actor;
  participantId: string;
  name: string;
}
