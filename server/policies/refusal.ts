// Every reason the server says no, as one union: a caller who may not act (from
// authorize()), a lifecycle step the pure lifecycle refuses, what only a command can tell
// (keys, signatures, a race, a look-up that finds nothing), the console's own, and a
// request refused for what it carries. Codes are kebab-case here and in the audit log
// (each is one of shared/audit-actions.ts AUDIT_REASONS); the presenter
// (server/presenters/refusal.ts) turns them into the API's snake_case codes.
import type { LifecycleRefusal } from '../../shared/lifecycle';
import type { Action, RecordState, Role } from '../../shared/roles';
import type { ConsoleAction, ConsoleMeetingAction } from '../../shared/console/policy';
import type { FactsProblem } from '../../shared/console/meeting-facts';
import type { RosterProblem } from '../../shared/console/roster';
import type { DraftProblem } from '../../shared/console/word-draft';
import type { Issue } from '../../shared/issues';

/**
 * What is asked of the deployment, not of one meeting: the console's accounts and its own
 * log, and making a meeting with the administrator's token (POST /api/meetings).
 */
export type DeploymentAction = Extract<ConsoleAction, 'manageAccounts' | 'readDeploymentAudit'> | 'createMeetingByToken';

/** What a caller may ask of a meeting: the record's own actions, the socket, the console's; and of the deployment. */
export type PolicyAction = Action | 'connect' | ConsoleMeetingAction | DeploymentAction;

/** Why authorize() says no. */
export type AccessRefusal =
  /** Nobody signed in (to the console, where `console` says so). */
  | { code: 'unauthenticated'; console?: true }
  /** Only the administrator's token makes a meeting through the API: no session, no account. */
  | { code: 'needs-administrator-token' }
  /** No such meeting, or one this caller is not part of: answered alike, so nothing leaks. */
  | { code: 'no-such-meeting' }
  /** The administrator or an officer asking for what only a meeting's participant does. */
  | { code: 'not-a-participant'; action: PolicyAction }
  | { code: 'not-permitted'; action: PolicyAction; role: Role | 'officer' }
  | { code: 'not-your-party'; action: PolicyAction; party: string }
  /** A delegation removing what holds another party's text (or text the meeting was set up with): the secretariat's to remove. */
  | { code: 'written-by-others'; authors: readonly string[] }
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
  /** An original asked of no party of the meeting: these are its parties. */
  | { code: 'unknown-party'; parties: readonly string[] }
  /** A draft has no signed bundle. */
  | { code: 'not-locked' }
  /** A withdrawn invitation gets no new link. */
  | { code: 'invitation-revoked' }
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
  /** Nothing of that id where the caller looked: answered 404 `not_found`, saying what was looked for. */
  | { code: 'not-found'; what: Missing }
  /** The version named does not hold the item to restore. */
  | { code: 'not-in-version'; itemId: string }
  /** The item to restore is in the record (or a segment's agenda item is not). */
  | { code: 'still-there'; itemId: string }
  /** The case annex changed since the head read it. */
  | { code: 'stale-annex' }
  /** An agenda title in a language that is not a working one of the meeting. */
  | { code: 'not-working-language'; languages: string[] }
  /** The meeting's facts, merged with the change, break the rules of a meeting. */
  | { code: 'invalid-facts'; problems: FactsProblem[] }
  | { code: 'already-decided'; proposalId: string }
  /** A proposal of the wording the cell already has. */
  | { code: 'unchanged' };

/** Why a request was refused for what it carries, before anything in it was acted on. */
export type RequestRefusal =
  /** A body, query or path parameter the route's schema refused: answered with the route's own code (`invalid_meeting`…) and every problem. */
  | { code: 'invalid-request'; answerCode: string; issues: Issue[] }
  /** A body over its ceiling (`bytes`), or a file over its own: not read. */
  | { code: 'too-large'; what: 'body' | 'roster' | 'word-draft'; bytes: number }
  /** A roster import with no file in it. */
  | { code: 'no-file' }
  /** A file to verify that carries no signed bundle (a draft's, or one taken out). */
  | { code: 'no-bundle' }
  /** A file to verify that is neither JSON nor an original. */
  | { code: 'not-json' }
  /** A request with the user's cookie from a page not Accord's own: to read (`reading`), or to change something. */
  | { code: 'cross-origin'; reading: boolean }
  /** A change sent as neither JSON nor one of the route's documented uploads (a form can send no other). */
  | { code: 'unsupported-type' };

/** Why a console command changed nothing: its accounts and sign-in, and the meetings it sets up. */
export type ConsoleRefusal =
  | { code: 'login-taken' }
  | { code: 'wrong-credentials' }
  /** Sign-ins are weighed before the password is: too many failed, from this login or this address. */
  | { code: 'too-many-sign-ins'; retryAfterSeconds: number }
  /** The set-up code printed at start, guessed at too often. */
  | { code: 'too-many-codes'; retryAfterSeconds: number }
  /** Not the set-up code printed at the last start, or one used already. */
  | { code: 'wrong-code' }
  | { code: 'wrong-password' }
  /** The password given to start with, chosen again. */
  | { code: 'same-password' }
  /** A setup link not valid now: used, expired, or of a disabled account. */
  | { code: 'invalid-setup-link' }
  /** What the console changes in a draft (its roster, its agenda and minutes) is fixed once it is locked. */
  | { code: 'no-longer-draft'; fixed: 'roster' | 'agenda-and-minutes' }
  /** One person from the form, refused field by field. */
  | { code: 'invalid-participant'; problems: RosterProblem[] }
  /** A list, refused line by line: nobody on it was added. */
  | { code: 'invalid-roster'; problems: RosterProblem[] }
  | { code: 'invalid-draft'; problems: DraftProblem[] }
  /** The administrator's token has no place on a roster, so it cannot take a seat. */
  | { code: 'no-account' }
  /** The officer's party (or the one chosen) is not a party of the meeting. */
  | { code: 'party-not-in-meeting'; parties: string[] }
  /** An officer joining a locked record as its secretariat: its roster is fixed. */
  | { code: 'roster-fixed' }
  | { code: 'invalid-next-meeting'; problems: FactsProblem[] }
  /** Meeting `number` of the series was made already (at the same moment, perhaps). */
  | { code: 'next-meeting-exists'; number: number; meetingId: string | null }
  /** No enabled account signs in with the login given. */
  | { code: 'unknown-account' }
  | { code: 'account-disabled' }
  /** The password given to start with is for the first sign-in only. */
  | { code: 'password-change-required' }
  /** The caller asks who they are, and is nobody yet: as a participant (the workspace) or as an officer (the console). */
  | { code: 'no-session'; of: 'participant' | 'officer' }
  /** An invitation link not valid now: unknown, or withdrawn. */
  | { code: 'invalid-invitation' };

export type Refusal = AccessRefusal | CommandRefusal | ConsoleRefusal | RequestRefusal;

/** What only the sync socket refuses, beside authorize()'s answers: a change no client makes, or one the record cannot take now. */
export type SocketRefusal =
  /** Agreement marks, or the facts, parties, roster, proposals and lapses: written by the server's commands only. */
  | { code: 'server-only'; root: 'agreement' | 'record' }
  | { code: 'storage-unavailable' }
  /** Part of an update depended on content the record does not have; that part was dropped. */
  | { code: 'missing-dependencies' }
  /** The update writes under a Yjs client id another participant has claimed. */
  | { code: 'client-not-yours' }
  /** A raw removal of an agenda item, segment or action point: removal is a command of its own. */
  | { code: 'remove-use-command' }
  | { code: 'presence-not-yours' }
  | { code: 'presence-too-large' };

/** Why the socket refused a message: the caller may not write (authorize()), or the socket's own reasons. */
export type SocketMessageRefusal = AccessRefusal | SocketRefusal;

/** Why the upgrade to a socket was refused: authorize()'s answer, or a session cookie sent from a page not Accord's own. */
export type UpgradeRefusal = AccessRefusal | { code: 'cross-origin' };

/** What a `not-found` refusal looked for. */
export type Missing = 'version' | 'item' | 'case' | 'finding' | 'action-point' | 'agenda-item' | 'participant' | 'account' | 'removable-kind' | 'address';
