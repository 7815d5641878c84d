// Who may do what to a record, decided as pure functions so that the server (which
// enforces) and the client (which only hides buttons) read the same rules.

export const ROLES = ['secretariat', 'head', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const RECORD_STATES = ['draft', 'locked', 'signed'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

export const ACTIONS = [
  'read',
  'write',
  'markAgreement',
  'lock',
  'unlock',
  'sign',
  'enrolKey',
  'amend',
  'export',
  'readAudit',
  'manageInvitations',
  'readComments',
  'comment',
  'propose',
  'decideProposal',
  'readCases',
  'writeCases',
  'dismissFinding',
  'remove',
  'readHistory',
  'saveVersion',
  'restore',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  role: Role;
  /** The party the actor belongs to; observers carry their own pseudo-party code. */
  party: string;
}

export interface RecordFacts {
  state: RecordState;
}

/** The party an action is taken for, where the action speaks for a party. */
export interface ActionTarget {
  party?: string;
  /** The parties whose people wrote in what is acted on (to remove an agenda item, a segment, an action point). */
  authors?: readonly string[];
}

export function can(actor: Actor, action: Action, record: RecordFacts, target: ActionTarget = {}): boolean {
  const { role } = actor;
  const forOwnParty = target.party === undefined || target.party === actor.party;
  switch (action) {
    case 'read':
      return true;
    case 'write':
      return record.state === 'draft' && role !== 'observer';
    case 'markAgreement':
      return record.state === 'draft' && role === 'head' && forOwnParty;
    case 'lock':
      return record.state === 'draft' && role === 'secretariat';
    case 'unlock':
      return record.state === 'locked' && role === 'secretariat';
    case 'sign':
      return record.state === 'locked' && role === 'head' && forOwnParty;
    case 'enrolKey':
      // A head enrols the key they will sign with; once the record is signed there is
      // nothing left to sign until an amendment reopens it.
      return record.state !== 'signed' && role === 'head' && forOwnParty;
    case 'amend':
      return record.state === 'signed' && role === 'secretariat';
    case 'export':
      return role === 'secretariat' || role === 'head';
    case 'readAudit':
      return role === 'secretariat';
    case 'manageInvitations':
      return role === 'secretariat';
    case 'readComments':
      return true;
    // Comments live beside the record, not in it: they stay open after the lock.
    case 'comment':
      return role !== 'observer';
    case 'propose':
      return record.state === 'draft' && role !== 'observer';
    // `target.party`: the party whose language the proposed cell is in (none for a language no party speaks).
    case 'decideProposal':
      return record.state === 'draft' && (role === 'secretariat' || (role === 'head' && target.party !== undefined && target.party === actor.party));
    case 'readCases':
      // Cases concern victims: the parties' own people see them, observers never do.
      return role !== 'observer';
    case 'writeCases':
      return record.state === 'draft' && role !== 'observer';
    case 'dismissFinding':
      return record.state === 'draft' && role === 'secretariat';
    // A delegation removes only what its own people wrote and nobody else touched; what holds
    // another party's text (or text nobody is known to have written) is the secretariat's to remove.
    case 'remove':
      return (
        record.state === 'draft' &&
        (role === 'secretariat' ||
          ((role === 'head' || role === 'delegate') &&
            target.authors !== undefined &&
            target.authors.length > 0 &&
            target.authors.every((p) => p === actor.party)))
      );
    // The history shows the record as it stood: whoever may read the record may read it.
    case 'readHistory':
      return true;
    case 'saveVersion':
      return role !== 'observer';
    case 'restore':
      return record.state === 'draft' && role === 'secretariat';
    default:
      return assertNever(action);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
