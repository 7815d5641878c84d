// What the secretariat's console lets whom do, as pure functions: the server enforces
// them, the console only hides what would be refused. A meeting's lifecycle steps (lock,
// unlock, sign, amend) are not here: they stay with the meeting's own participants.
import type { RecordState } from '../roles';
import { assertNever } from '../roles';

export const CONSOLE_ACTIONS = ['manageAccounts', 'readDeploymentAudit', 'createMeeting', 'seeMeeting', 'editMeeting', 'grantMeeting'] as const;
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

/** The console's actions on one meeting (the rest concern the deployment). */
export const CONSOLE_MEETING_ACTIONS = ['seeMeeting', 'editMeeting', 'grantMeeting'] as const satisfies readonly ConsoleAction[];
export type ConsoleMeetingAction = (typeof CONSOLE_MEETING_ACTIONS)[number];

export const isConsoleMeetingAction = (action: string): action is ConsoleMeetingAction => (CONSOLE_MEETING_ACTIONS as readonly string[]).includes(action);

export interface ConsoleActor {
  /** The administrator token, or an account with the administrator role. */
  administrator: boolean;
}

export interface MeetingStanding {
  /** The officer created the meeting, or was given it. */
  manages: boolean;
  state: RecordState;
}

export function consoleCan(actor: ConsoleActor, action: ConsoleAction, meeting?: MeetingStanding): boolean {
  const ownsMeeting = actor.administrator || (meeting?.manages ?? false);
  switch (action) {
    case 'manageAccounts':
    case 'readDeploymentAudit':
      return actor.administrator;
    case 'createMeeting':
      return true;
    case 'seeMeeting':
    case 'grantMeeting':
      return meeting !== undefined && ownsMeeting;
    case 'editMeeting':
      // The facts and the roster decide who must agree and sign: they are set before the lock.
      return meeting !== undefined && ownsMeeting && meeting.state === 'draft';
    default:
      return assertNever(action);
  }
}
