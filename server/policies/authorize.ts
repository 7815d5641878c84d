// Who may do what, for every kind of caller, in one pure function: every route, every
// command whose answer hangs on the document, and the sync socket ask it, given the caller
// and the meeting already loaded. The meeting's own participants are judged by
// shared/roles.ts `can` (the reason named here); the console's actions by
// shared/console/policy.ts `consoleCan`. What the administrator and the officers may do on a
// meeting they manage is written here.
import { consoleCan, isConsoleMeetingAction } from '../../shared/console/policy';
import { can, RECORD_STATES, type Action, type ActionTarget, type Actor, type RecordState } from '../../shared/roles';
import type { Principal } from '../auth/principal';
import type { AccessRefusal, DeploymentAction, PolicyAction } from './refusal';

export interface MeetingTarget {
  meetingId: string;
  state: RecordState;
  /** An officer created the meeting or was given it (loaded by the caller; false for anyone else). */
  managedByOfficer: boolean;
  /** The party the action is taken for, where it speaks for one (a proposal's: the party whose language it is in). */
  party?: string;
  /** The parties whose people wrote what is acted on (removal). */
  authors?: readonly string[];
  /**
   * True while the route asks, before the command has read from the document the facts the
   * action hangs on (whose text is removed, whose language a proposal is in): the caller is
   * judged as if those were their own, so that one who never could is refused at the door;
   * the command asks again with the facts it read, and that answer is the one that decides.
   */
  factsToRead?: boolean;
}

/**
 * What the administrator and a managing officer may do on a meeting's own paths: they
 * are its secretariat, but speak for no party, so they read, manage invitations and keep
 * the cases and action points; they neither agree, sign, comment nor export.
 */
const SECRETARIAT_OFFICE: Partial<Record<Action, (state: RecordState) => boolean>> = {
  read: () => true,
  readAudit: () => true,
  manageInvitations: () => true,
  readHistory: () => true,
  readCases: () => true,
  writeCases: (state) => state === 'draft',
  write: (state) => state === 'draft',
};

const DEPLOYMENT_ACTIONS: readonly PolicyAction[] = ['manageAccounts', 'readDeploymentAudit', 'createMeetingByToken'] satisfies DeploymentAction[];
const isDeploymentAction = (action: PolicyAction): action is DeploymentAction => DEPLOYMENT_ACTIONS.includes(action);

/**
 * Null when the caller may; else why not. A meeting the caller is not part of is not there.
 * The deployment's own actions (accounts, its log) concern no meeting: asked with no target,
 * they are the administrator's (the token, or an account with the administrator role).
 * Making a meeting through the API is the token's alone: a console account makes one at the
 * console, where it is given to its maker.
 */
export function authorize(principal: Principal | null, action: PolicyAction, target: MeetingTarget | null): AccessRefusal | null {
  if (action === 'createMeetingByToken') return principal?.kind === 'admin' ? null : { code: 'needs-administrator-token' };
  if (!principal) return { code: 'unauthenticated' };
  if (isDeploymentAction(action)) {
    const administrator = principal.kind === 'admin' || (principal.kind === 'officer' && principal.account.role === 'administrator');
    if (consoleCan({ administrator }, action)) return null;
    return { code: 'not-permitted', action, role: principal.kind === 'participant' ? principal.actor.role : 'officer' };
  }
  if (!target) return { code: 'no-such-meeting' };
  switch (principal.kind) {
    case 'participant': {
      if (principal.invitation.meetingId !== target.meetingId) return { code: 'no-such-meeting' };
      if (action === 'connect') return null;
      if (isConsoleMeetingAction(action)) return { code: 'not-permitted', action, role: principal.actor.role };
      const own = { party: principal.actor.party, authors: [principal.actor.party] };
      return authorizeParticipant(principal.actor, action, target.state, target.factsToRead ? own : { party: target.party, authors: target.authors });
    }
    case 'admin':
    case 'officer': {
      // Only a meeting's own participants open its record: asked of any meeting, the answer is the same.
      if (action === 'connect') return { code: 'not-a-participant', action };
      if (principal.kind === 'officer' && !target.managedByOfficer) return { code: 'no-such-meeting' };
      if (isConsoleMeetingAction(action)) {
        const standing = { manages: true, state: target.state };
        return consoleCan({ administrator: true }, action, standing) ? null : { code: 'wrong-state', action, state: target.state };
      }
      const office = SECRETARIAT_OFFICE[action];
      if (!office) return { code: 'not-a-participant', action };
      return office(target.state) ? null : { code: 'wrong-state', action, state: target.state };
    }
    default:
      return principal satisfies never;
  }
}

/**
 * authorize() for a participant already admitted to the meeting: its own branch, and what
 * the sync socket asks of every write from a connection authorize() let in at the upgrade.
 * Why a participant may not, with the most useful reason first. The role: one who could
 * never take this action, in any state and on their own party's behalf, is told so (an
 * observer setting a status on a locked record is refused as an observer, 403). Then whose
 * it is: a head acting for another party, a delegation removing another party's text. Last
 * the record's state: one who could, were the record a draft, is told it is locked (409).
 */
export function authorizeParticipant(actor: Actor, action: Action, state: RecordState, target: ActionTarget): AccessRefusal | null {
  if (can(actor, action, { state }, target)) return null;
  const own = { party: actor.party, authors: [actor.party] };
  if (!RECORD_STATES.some((s) => can(actor, action, { state: s }, own))) return { code: 'not-permitted', action, role: actor.role };
  if (RECORD_STATES.some((s) => can(actor, action, { state: s }, target))) return { code: 'wrong-state', action, state };
  if (action === 'remove') return { code: 'written-by-others', authors: target.authors ?? [] };
  // A proposal in another party's language is that party's head's, or the secretariat's: to anyone else, not theirs to decide at all.
  if (action === 'decideProposal') return { code: 'not-permitted', action, role: actor.role };
  return { code: 'not-your-party', action, party: target.party ?? actor.party };
}
