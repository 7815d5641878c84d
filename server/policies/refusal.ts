// Every reason the server says no, as one union: a caller who may not act (from
// authorize()), a lifecycle step the pure lifecycle refuses, and what only a command can
// tell (keys, signatures, a race). Codes are kebab-case here and in the audit log; the
// presenter (server/presenters/refusal.ts) turns them into the API's snake_case codes.
import type { LifecycleRefusal } from '../../shared/lifecycle';
import type { Action, RecordState, Role } from '../../shared/roles';
import type { ConsoleMeetingAction } from '../../shared/console/policy';

/** What a caller may ask of a meeting: the record's own actions, the socket, the console's. */
export type PolicyAction = Action | 'connect' | ConsoleMeetingAction;

/** Why authorize() says no. */
export type AccessRefusal =
  /** Nobody signed in. */
  | { code: 'unauthenticated' }
  /** No such meeting, or one this caller is not part of: answered alike, so nothing leaks. */
  | { code: 'no-such-meeting' }
  /** The administrator or an officer asking for what only a meeting's participant does. */
  | { code: 'not-a-participant'; action: PolicyAction }
  | { code: 'not-permitted'; action: PolicyAction; role: Role | 'officer' }
  | { code: 'not-your-party'; action: PolicyAction; party: string }
  | { code: 'wrong-state'; action: PolicyAction; state: RecordState };

/** Why a command changed nothing. */
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
  | { code: 'conflict' }
  /** No segment or action point of that id in the record. */
  | { code: 'unknown-target'; targetId: string }
  | { code: 'unknown-agenda-item'; itemId: string }
  | { code: 'unknown-segment'; segmentId: string }
  /** No comment thread of that id, or one this participant may not see. */
  | { code: 'unknown-thread'; threadId: string }
  | { code: 'unknown-mention'; participantId: string }
  /** Someone mentioned could not read the comment (it is for a delegation only). */
  | { code: 'mention-cannot-see'; participantId: string }
  | { code: 'unknown-language'; language: string }
  | { code: 'unknown-proposal'; proposalId: string }
  | { code: 'already-decided'; proposalId: string }
  /** A proposal of the wording the cell already has. */
  | { code: 'unchanged' };

export type Refusal = AccessRefusal | CommandRefusal;
