// The HTTP calls the workspace makes. The session cookie rides along by itself; a refusal
// comes back as an ApiFailure carrying the server's code, so the screen can say it in the
// reader's language.
import type { MeetingFacts, Participant, Party } from '../../shared/record/schema';
import type { RecordState, Role } from '../../shared/roles';

export interface Viewer {
  participantId: string;
  name: string;
  role: Role;
  party: string;
}

export interface Meeting {
  id: string;
  code: string;
  documentId: string;
  version: number;
  state: RecordState;
  recordHash: string | null;
  facts: MeetingFacts;
  parties: Party[];
  participants: Participant[];
  you: Viewer | null;
}

export interface Invitation {
  participantId: string;
  name: string;
  role: Role;
  party: string;
  joinedAt: string | null;
  revoked: boolean;
}

export interface IssuedLink {
  participantId: string;
  token: string;
  link: string;
}

export interface AgreementAnswer {
  targetId: string;
  party: string;
  agreed: boolean;
}

/** A refused or failed call: `status` 0 means the server could not be reached. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What else the refusal names: the meeting that exists, the parties to choose from… */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiFailure(0, 'unreachable', err instanceof Error ? err.message : String(err));
  }
  const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) throw new ApiFailure(response.status, payload?.error?.code ?? 'http_error', payload?.error?.message ?? response.statusText);
  return payload as T;
}

export const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const api = {
  /** Trades the invitation token for the session cookie. */
  join: (token: string) => call<{ meetingId: string; documentId: string; you: Viewer }>('POST', '/api/session', { token }),
  session: () => call<{ meetingId: string; documentId: string; you: Viewer }>('GET', '/api/session'),
  meeting: (meetingId: string) => call<Meeting>('GET', meetingPath(meetingId)),
  markAgreement: (meetingId: string, targetId: string, agreed: boolean) =>
    call<AgreementAnswer>('POST', `${meetingPath(meetingId)}/agreement`, { targetId, agreed }),
  invitations: (meetingId: string) => call<{ invitations: Invitation[] }>('GET', `${meetingPath(meetingId)}/invitations`),
  issueLink: (meetingId: string, participantId: string) =>
    call<IssuedLink>('POST', `${meetingPath(meetingId)}/invitations/${encodeURIComponent(participantId)}/link`),
};
