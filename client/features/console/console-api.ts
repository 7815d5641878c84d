// The console's calls to the server. The console cookie rides along by itself; a refusal
// comes back as an ApiFailure carrying the server's code (and, for a roster, its problems).
import type { ActionPointView } from '../../../shared/console/action-points';
import type { AccountInput, AccountRole } from '../../../shared/console/accounts';
import type { EditableFacts, FactsPatch } from '../../../shared/console/meeting-facts';
import type { NextMeetingRequest } from '../../../shared/console/next-meeting';
import type { Dashboard, RegisterRow } from '../../../shared/console/register';
import type { CaseRegisterRow } from '../../../shared/cases/case-register';
import type { CaseStage } from '../../../shared/cases/case';
import type { RosterProblem } from '../../../shared/console/roster';
import type { SheetRequest } from '../../../shared/console/invitation-sheet';
import type { MeetingInput } from '../../../shared/record/meeting-input';
import type { LocalizedText } from '../../../shared/record/schema';
import type { RecordState, Role } from '../../../shared/roles';
import type { AgendaItemView } from '../../../shared/console/agenda';
import type { DraftItem, DraftProblem } from '../../../shared/console/word-draft';
import type { Issue } from '../../../shared/issues';
import { ApiFailure, type Viewer } from '../../connection/api';

export { ApiFailure };

export interface Account {
  id: string;
  login: string;
  name: string;
  email: string | null;
  party: string;
  role: AccountRole;
  mustChangePassword: boolean;
  passwordSet: boolean;
  setupPendingUntil: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface ConsoleSession {
  account: Account | null;
  administrator: boolean;
  name: string;
}

export interface IssuedInvitation {
  participantId: string;
  role: Role;
  party: string;
  name: string;
  token: string;
  link: string;
}

export interface MeetingSummary {
  id: string;
  code: string;
  seriesId: string | null;
  series: LocalizedText;
  number: number;
  venue: LocalizedText;
  startDate: string;
  endDate: string;
  languages: string[];
  state: RecordState;
  version: number;
  participants: number;
}

export interface RosterEntry {
  id: string;
  party: string;
  role: Role;
  name: string;
  title: string;
  agency: string;
  joinedAt: string | null;
  revoked: boolean;
}

export interface ConsoleMeeting extends MeetingSummary {
  documentId: string;
  facts: EditableFacts;
  roster: RosterEntry[];
  actionPoints: ActionPointView[];
  officers: { accountId: string; name: string; login: string; grantedAt: string }[];
  agenda: AgendaItemView[];
  seriesMeetings: SeriesMeeting[];
}

/** A roster refused: every problem by line. */
export class RosterRefused extends ApiFailure {
  constructor(readonly problems: RosterProblem[]) {
    super(400, 'invalid_roster', 'The list was refused');
  }
}

/** A body refused with the problems named by field (facts, a person, an account). */
export class IssuesRefused extends ApiFailure {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly issues: Issue[],
  ) {
    super(status, code, message);
  }
}

/** A Word draft refused: every problem by paragraph. */
export class DraftRefused extends ApiFailure {
  constructor(readonly problems: DraftProblem[]) {
    super(400, 'invalid_draft', 'The draft was refused');
  }
}

export interface DraftPreview {
  items: DraftItem[];
  segments: number;
  notes: DraftProblem[];
  input?: { agenda: LocalizedText[]; minutes: { agendaItem: number; segments: LocalizedText[] }[] };
  stored?: boolean;
}

export type SeriesMeeting = { id: string; number: number; code: string; state: RecordState };

async function call<T>(method: string, path: string, body?: unknown, raw?: { bytes: Blob; type: string }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: raw ? { 'content-type': raw.type } : body === undefined ? {} : { 'content-type': 'application/json' },
      body: raw ? raw.bytes : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiFailure(0, 'unreachable', err instanceof Error ? err.message : String(err));
  }
  if (response.status === 204) return null as T;
  const payload = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; problems?: unknown[]; issues?: Issue[] } & Record<string, unknown>;
  } | null;
  if (!response.ok) {
    const error = payload?.error;
    if (error?.code === 'invalid_roster' && error.problems) throw new RosterRefused(error.problems as RosterProblem[]);
    if (error?.code === 'invalid_draft' && error.problems) throw new DraftRefused(error.problems as DraftProblem[]);
    if (error?.issues) throw new IssuesRefused(response.status, error.code ?? 'invalid', error.message ?? '', error.issues);
    throw new ApiFailure(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText, error ?? {});
  }
  return payload as T;
}

/** The type a roster upload is sent as: what its name says (a browser may call a .csv "text/plain"). */
const rosterType = (file: File) =>
  /\.xlsx$/i.test(file.name)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.csv$/i.test(file.name)
      ? 'text/csv'
      : 'application/octet-stream';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const meeting = (id: string) => `/api/console/meetings/${encodeURIComponent(id)}`;
const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export type CaseFilter = { series?: string; party?: string; agency?: string; stage?: string; all?: string; today?: string; lang?: string };
export type RegisterFilter = { series?: string; party?: string; agency?: string; status?: string; overdue?: string; today?: string; lang?: string };

export const consoleApi = {
  session: () => call<ConsoleSession>('GET', '/api/console/session'),
  signIn: (login: string, password: string) => call<{ account: Account; mustChangePassword: boolean }>('POST', '/api/console/session', { login, password }),
  signOut: () => call<null>('DELETE', '/api/console/session'),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<{ changed: true }>('POST', '/api/console/session/password', { currentPassword, newPassword }),
  setUp: (token: string, password: string) => call<{ account: Account }>('POST', '/api/console/session/setup', { token, password }),
  setupAccount: (token: string) => call<{ name: string; login: string }>('POST', '/api/console/session/setup/account', { token }),
  firstRunOpen: () => call<{ open: boolean }>('GET', '/api/console/first-run'),
  firstRun: (input: { code: string; name: string; login: string; party: string; password: string }) =>
    call<{ account: Account }>('POST', '/api/console/first-run', input),

  accounts: () => call<{ accounts: Account[] }>('GET', '/api/console/accounts'),
  createAccount: (input: Omit<AccountInput, 'role'> & { role?: AccountRole }) =>
    call<{ account: Account; setupLink: string | null }>('POST', '/api/console/accounts', input),
  setupLink: (id: string) => call<{ account: Account; setupLink: string }>('POST', `/api/console/accounts/${encodeURIComponent(id)}/setup-link`),
  disable: (id: string) => call<{ account: Account }>('POST', `/api/console/accounts/${encodeURIComponent(id)}/disable`),

  meetings: () => call<{ meetings: MeetingSummary[] }>('GET', '/api/console/meetings'),
  createMeeting: (input: MeetingInput) =>
    call<{ meetingId: string; documentId: string; seriesId: string; invitations: IssuedInvitation[] }>('POST', '/api/console/meetings', input),
  meeting: (id: string) => call<ConsoleMeeting>('GET', meeting(id)),
  editFacts: (id: string, patch: FactsPatch) => call<{ facts: EditableFacts; changed: string[] }>('PATCH', `${meeting(id)}/facts`, patch),
  addPerson: (id: string, person: { name: string; party: string; role: string; title: string; agency: string }) =>
    call<{ invitations: IssuedInvitation[] }>('POST', `${meeting(id)}/participants`, person),
  removePerson: (id: string, participantId: string) => call<unknown>('DELETE', `${meeting(id)}/participants/${encodeURIComponent(participantId)}`),
  importRoster: (id: string, file: File, dryRun: boolean) =>
    call<{ added?: number; invitations?: IssuedInvitation[]; participants?: unknown[] }>(
      'POST',
      `${meeting(id)}/roster${query({ dryRun: dryRun ? 'true' : undefined, name: file.name })}`,
      undefined,
      { bytes: file, type: rosterType(file) },
    ),
  openWorkspace: (id: string, party?: string) =>
    call<{ meetingId: string; documentId: string; you: Viewer; seated: boolean }>('POST', `${meeting(id)}/workspace`, party ? { party } : {}),
  addAgendaItem: (id: string, title: LocalizedText) => call<{ agenda: AgendaItemView[] }>('POST', `${meeting(id)}/agenda`, { title }),
  renameAgendaItem: (id: string, itemId: string, title: LocalizedText) =>
    call<{ agenda: AgendaItemView[] }>('PATCH', `${meeting(id)}/agenda/${encodeURIComponent(itemId)}`, { title }),
  moveAgendaItem: (id: string, itemId: string, to: number) =>
    call<{ agenda: AgendaItemView[] }>('POST', `${meeting(id)}/agenda/${encodeURIComponent(itemId)}/move`, { to }),
  removeAgendaItem: (id: string, itemId: string) => call<{ agenda: AgendaItemView[] }>('DELETE', `${meeting(id)}/agenda/${encodeURIComponent(itemId)}`),
  readWordDraft: (file: File, language: string, languages: string[]) =>
    call<DraftPreview>('POST', `/api/console/word-draft${query({ language, languages: languages.join(',') })}`, undefined, { bytes: file, type: DOCX_TYPE }),
  importWordDraft: (id: string, file: File, language: string, dryRun: boolean) =>
    call<DraftPreview>('POST', `${meeting(id)}/word-draft${query({ language, dryRun: dryRun ? 'true' : undefined })}`, undefined, {
      bytes: file,
      type: DOCX_TYPE,
    }),
  grant: (id: string, login: string) => call<unknown>('POST', `${meeting(id)}/officers`, { login }),
  next: (id: string, request: Partial<NextMeetingRequest> & { startDate: string; endDate: string }) =>
    call<{ meetingId: string; code: string; carried: number; invitations: IssuedInvitation[] }>('POST', `${meeting(id)}/next`, request),
  issueLink: (id: string, participantId: string) =>
    call<{ participantId: string; token: string; link: string }>(
      'POST',
      `/api/meetings/${encodeURIComponent(id)}/invitations/${encodeURIComponent(participantId)}/link`,
    ),
  revoke: (id: string, participantId: string) =>
    call<unknown>('POST', `/api/meetings/${encodeURIComponent(id)}/invitations/${encodeURIComponent(participantId)}/revoke`),
  /** Issues new links for everyone chosen and answers the printable page (HTML) that shows them. */
  issueSheet: async (id: string, choice: SheetRequest): Promise<string> => {
    let response: Response;
    try {
      response = await fetch(`${meeting(id)}/invitations/sheet`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(choice),
      });
    } catch (err) {
      throw new ApiFailure(0, 'unreachable', err instanceof Error ? err.message : String(err));
    }
    if (!response.ok) {
      const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      throw new ApiFailure(response.status, payload?.error?.code ?? 'http_error', payload?.error?.message ?? response.statusText);
    }
    return response.text();
  },

  register: (filter: RegisterFilter) => call<{ today: string; count: number; rows: RegisterRow[] }>('GET', `/api/console/register${query(filter)}`),
  registerFileUrl: (format: 'csv' | 'xlsx', filter: RegisterFilter) => `/api/console/register.${format}${query(filter)}`,
  caseRegister: (filter: CaseFilter) => call<{ today: string; count: number; rows: CaseRegisterRow[] }>('GET', `/api/console/cases/register${query(filter)}`),
  caseRegisterFileUrl: (format: 'csv' | 'xlsx', filter: CaseFilter) => `/api/console/cases/register.${format}${query(filter)}`,
  caseStages: (filter: { today?: string }) => call<{ today: string; stages: Record<CaseStage, number> }>('GET', `/api/console/cases/stages${query(filter)}`),
  dashboard: (filter: { series?: string; today?: string }) => call<Dashboard & { today: string }>('GET', `/api/console/dashboard${query(filter)}`),
};
