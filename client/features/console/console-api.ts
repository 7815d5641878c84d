// The console's calls to the server. The console cookie rides along by itself; a refusal
// comes back as an ApiFailure carrying the server's code (and, for a roster, its problems).
import type { AccountInput, AccountRole } from '../../../shared/console/accounts';
import type { FactsPatch } from '../../../shared/console/meeting-facts';
import type { NextMeetingRequest } from '../../../shared/console/next-meeting';
import type { RosterProblem } from '../../../shared/console/roster';
import type { SheetRequest } from '../../../shared/console/invitation-sheet';
import type { MeetingInput } from '../../../shared/record/meeting-input';
import type { LocalizedText } from '../../../shared/record/schema';
import type { DraftProblem } from '../../../shared/console/word-draft';
import type { Issue } from '../../../shared/issues';
import type { InferRequestType } from 'hono/client';
import { ApiFailure, call, params, callForText, server, type AnswerOf, type Refused } from '../../connection/http';

export { ApiFailure };

const console_ = server.api.console;
const meeting = console_.meetings[':id'];

export type ConsoleSession = AnswerOf<typeof console_.session.$get>;
export type Account = AnswerOf<typeof console_.accounts.$get>['accounts'][number];
export type MeetingSummary = AnswerOf<typeof console_.meetings.$get>['meetings'][number];
export type ConsoleMeeting = AnswerOf<typeof meeting.$get>;
export type RosterEntry = ConsoleMeeting['roster'][number];
export type IssuedInvitation = AnswerOf<typeof meeting.participants.$post>['invitations'][number];

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

/** A refusal as the console shows it: a roster's or a draft's problems, a body's issues by field, else its code. */
function refused({ status, statusText, error }: Refused): ApiFailure {
  const code = typeof error.code === 'string' ? error.code : 'http_error';
  const message = typeof error.message === 'string' ? error.message : statusText;
  if (code === 'invalid_roster' && Array.isArray(error.problems)) return new RosterRefused(error.problems as RosterProblem[]);
  if (code === 'invalid_draft' && Array.isArray(error.problems)) return new DraftRefused(error.problems as DraftProblem[]);
  if (Array.isArray(error.issues)) return new IssuesRefused(status, code === 'http_error' ? 'invalid' : code, message, error.issues as Issue[]);
  return new ApiFailure(status, code, message, error);
}

/** The type a roster upload is sent as: what its name says (a browser may call a .csv "text/plain"). */
const rosterType = (file: File) =>
  /\.xlsx$/i.test(file.name)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.csv$/i.test(file.name)
      ? 'text/csv'
      : 'application/octet-stream';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The case register's filters, as the server's query schema takes them. */
export type CaseFilter = NonNullable<InferRequestType<typeof console_.cases.register.$get>['query']>;
/** The action register's filters, as the server's query schema takes them. */
export type RegisterFilter = NonNullable<InferRequestType<typeof console_.register.$get>['query']>;

const id = (meetingId: string) => ({ param: params({ id: meetingId }) });
/** A query with the empty filters left out. */
const query = <T extends Record<string, string | undefined>>(params: T) =>
  Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => !!e[1])) as T;
/** A file sent as the whole body, as the server reads it. */
const upload = (bytes: Blob, type: string) => ({ init: { body: bytes, headers: { 'content-type': type } } });

export const consoleApi = {
  session: () => call(() => console_.session.$get(), refused),
  signIn: (login: string, password: string) => call(() => console_.session.$post({ json: { login, password } }), refused),
  signOut: () => call(() => console_.session.$delete(), refused),
  changePassword: (currentPassword: string, newPassword: string) =>
    call(() => console_.session.password.$post({ json: { currentPassword, newPassword } }), refused),
  setUp: (token: string, password: string) => call(() => console_.session.setup.$post({ json: { token, password } }), refused),
  setupAccount: (token: string) => call(() => console_.session.setup.account.$post({ json: { token } }), refused),
  firstRunOpen: () => call(() => console_['first-run'].$get(), refused),
  firstRun: (input: { code: string; name: string; login: string; party: string; password: string }) =>
    call(() => console_['first-run'].$post({ json: input }), refused),

  accounts: () => call(() => console_.accounts.$get(), refused),
  createAccount: (input: Omit<AccountInput, 'role'> & { role?: AccountRole }) => call(() => console_.accounts.$post({ json: input }), refused),
  setupLink: (accountId: string) => call(() => console_.accounts[':accountId']['setup-link'].$post({ param: params({ accountId }) }), refused),
  disable: (accountId: string) => call(() => console_.accounts[':accountId'].disable.$post({ param: params({ accountId }) }), refused),

  meetings: () => call(() => console_.meetings.$get(), refused),
  createMeeting: (input: MeetingInput) => call(() => console_.meetings.$post({ json: input }), refused),
  meeting: (meetingId: string) => call(() => meeting.$get(id(meetingId)), refused),
  editFacts: (meetingId: string, patch: FactsPatch) => call(() => meeting.facts.$patch({ ...id(meetingId), json: patch }), refused),
  addPerson: (meetingId: string, person: { name: string; party: string; role: string; title: string; agency: string }) =>
    call(() => meeting.participants.$post({ ...id(meetingId), json: person }), refused),
  removePerson: (meetingId: string, participantId: string) =>
    call(() => meeting.participants[':participantId'].$delete({ param: params({ id: meetingId, participantId }) }), refused),
  importRoster: (meetingId: string, file: File, dryRun: boolean) =>
    call(
      () => meeting.roster.$post({ ...id(meetingId), query: query({ dryRun: dryRun ? 'true' : undefined, name: file.name }) }, upload(file, rosterType(file))),
      refused,
    ),
  openWorkspace: (meetingId: string, party?: string) => call(() => meeting.workspace.$post({ ...id(meetingId), json: party ? { party } : {} }), refused),
  addAgendaItem: (meetingId: string, title: LocalizedText) => call(() => meeting.agenda.$post({ ...id(meetingId), json: { title } }), refused),
  renameAgendaItem: (meetingId: string, itemId: string, title: LocalizedText) =>
    call(() => meeting.agenda[':itemId'].$patch({ param: params({ id: meetingId, itemId }), json: { title } }), refused),
  moveAgendaItem: (meetingId: string, itemId: string, to: number) =>
    call(() => meeting.agenda[':itemId'].move.$post({ param: params({ id: meetingId, itemId }), json: { to } }), refused),
  removeAgendaItem: (meetingId: string, itemId: string) => call(() => meeting.agenda[':itemId'].$delete({ param: params({ id: meetingId, itemId }) }), refused),
  readWordDraft: (file: File, language: string, languages: string[]) =>
    call(() => console_['word-draft'].$post({ query: { language, languages: languages.join(',') } }, upload(file, DOCX_TYPE)), refused),
  importWordDraft: (meetingId: string, file: File, language: string, dryRun: boolean) =>
    call(
      () =>
        meeting['word-draft'].$post({ ...id(meetingId), query: query({ language, dryRun: dryRun ? ('true' as const) : undefined }) }, upload(file, DOCX_TYPE)),
      refused,
    ),
  grant: (meetingId: string, login: string) => call(() => meeting.officers.$post({ ...id(meetingId), json: { login } }), refused),
  next: (meetingId: string, request: Partial<NextMeetingRequest> & { startDate: string; endDate: string }) =>
    call(() => meeting.next.$post({ ...id(meetingId), json: request }), refused),
  issueLink: (meetingId: string, participantId: string) =>
    call(() => server.api.meetings[':id'].invitations[':participantId'].link.$post({ param: params({ id: meetingId, participantId }) }), refused),
  revoke: (meetingId: string, participantId: string) =>
    call(() => server.api.meetings[':id'].invitations[':participantId'].revoke.$post({ param: params({ id: meetingId, participantId }) }), refused),
  /** Issues new links for everyone chosen and answers the printable page (HTML) that shows them. */
  issueSheet: (meetingId: string, choice: SheetRequest) => callForText(() => meeting.invitations.sheet.$post({ ...id(meetingId), json: choice })),

  register: (filter: RegisterFilter) => call(() => console_.register.$get({ query: query(filter) }), refused),
  registerFileUrl: (format: 'csv' | 'xlsx', filter: RegisterFilter) => console_[`register.${format}`].$path({ query: query(filter) }),
  caseRegister: (filter: CaseFilter) => call(() => console_.cases.register.$get({ query: query(filter) }), refused),
  caseRegisterFileUrl: (format: 'csv' | 'xlsx', filter: CaseFilter) => console_.cases[`register.${format}`].$path({ query: query(filter) }),
  caseStages: (filter: { today?: string }) => call(() => console_.cases.stages.$get({ query: query(filter) }), refused),
  dashboard: (filter: { series?: string; today?: string }) => call(() => console_.dashboard.$get({ query: query(filter) }), refused),
};
