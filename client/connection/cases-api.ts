// The case annex over HTTP: the only way it reaches a browser (it is never in the shared
// document). Refusals come back as ApiFailure, as for every other call.
import type { CaseInput } from '../../shared/cases/case';
import { call, params, server, type AnswerOf } from './http';

const meeting = server.api.meetings[':id'];

export type CaseAnnex = AnswerOf<typeof meeting.cases.$get>;

/** What the case form sends: the body of POST and PUT …/cases. */
export type CaseBody = Omit<CaseInput, 'repatriatedOn'> & { repatriatedOn: string | null };

const id = (meetingId: string) => ({ param: params({ id: meetingId }) });

export const casesApi = {
  annex: (meetingId: string) => call(() => meeting.cases.$get(id(meetingId))),
  add: (meetingId: string, body: CaseBody) => call(() => meeting.cases.$post({ ...id(meetingId), json: body })),
  update: (meetingId: string, caseId: string, body: CaseBody) =>
    call(() => meeting.cases[':caseId'].$put({ param: params({ id: meetingId, caseId }), json: body })),
  remove: (meetingId: string, caseId: string) => call(() => meeting.cases[':caseId'].$delete({ param: params({ id: meetingId, caseId }) })),
  agree: (meetingId: string, digest: string, agreed: boolean) => call(() => meeting.cases.agreement.$post({ ...id(meetingId), json: { digest, agreed } })),
  dismiss: (meetingId: string, key: string) => call(() => meeting.findings.dismissals.$post({ ...id(meetingId), json: { key } })),
};
