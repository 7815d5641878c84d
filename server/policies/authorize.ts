// Who may do what, for every kind of caller, in one pure function: every route and the
// sync socket ask it, given the caller and the meeting already loaded. The meeting's own
// participants are judged by shared/roles.ts `can` (through `whyNot`, which names the
// reason); the console's actions by shared/console/policy.ts `consoleCan`. What the
// administrator and the officers may do on a meeting they manage is written here.
import { whyNot } from '../../shared/lifecycle';
import { consoleCan, isConsoleMeetingAction } from '../../shared/console/policy';
import type { Action, RecordState } from '../../shared/roles';
import type { Principal } from '../auth/principal';
import type { AccessRefusal, PolicyAction } from './refusal';

export interface MeetingTarget {
  meetingId: string;
  state: RecordState;
  /** An officer created the meeting or was given it (loaded by the caller; false for anyone else). */
  managedByOfficer: boolean;
  /** The party the action is taken for, where it speaks for one. */
  party?: string;
  /** The parties whose people wrote what is acted on (removal). */
  authors?: readonly string[];
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

/** Null when the caller may; else why not. A meeting the caller is not part of is not there. */
export function authorize(principal: Principal | null, action: PolicyAction, target: MeetingTarget | null): AccessRefusal | null {
  if (!principal) return { code: 'unauthenticated' };
  if (!target) return { code: 'no-such-meeting' };
  switch (principal.kind) {
    case 'participant': {
      if (principal.invitation.meetingId !== target.meetingId) return { code: 'no-such-meeting' };
      if (action === 'connect') return null;
      if (isConsoleMeetingAction(action)) return { code: 'not-permitted', action, role: principal.actor.role };
      return whyNot(principal.actor, action, target.state, { party: target.party, authors: target.authors });
    }
    case 'admin':
    case 'officer': {
      if (principal.kind === 'officer' && !target.managedByOfficer) return { code: 'no-such-meeting' };
      if (isConsoleMeetingAction(action)) {
        const standing = { manages: true, state: target.state };
        return consoleCan({ administrator: true }, action, standing) ? null : { code: 'wrong-state', action, state: target.state };
      }
      const office = action === 'connect' ? undefined : SECRETARIAT_OFFICE[action];
      if (!office) return { code: 'not-a-participant', action };
      return office(target.state) ? null : { code: 'wrong-state', action, state: target.state };
    }
    default:
      return principal satisfies never;
  }
}
