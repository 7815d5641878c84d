// The case annex over HTTP: the only way it reaches a browser (it is never in the shared
// document). Refusals come back as ApiFailure, as for every other call.
import type { CaseEntry, CaseInput } from '../../shared/cases/case';
import type { PlacedFinding } from '../../shared/record/personal-data-blockers';
import type { RecordState } from '../../shared/roles';
import { call, meetingPath } from './api';

export interface CaseAnnex {
  documentId: string;
  version: number;
  state: RecordState;
  cases: CaseEntry[];
  digest: string;
  agreement: Record<string, boolean>;
  findings: (PlacedFinding & { dismissed: boolean })[];
}

/** What the case form sends: the body of POST and PUT …/cases. */
export type CaseBody = Omit<CaseInput, 'repatriatedOn'> & { repatriatedOn: string | null };

export const casesApi = {
  annex: (meetingId: string) => call<CaseAnnex>('GET', `${meetingPath(meetingId)}/cases`),
  add: (meetingId: string, body: CaseBody) => call<{ case: CaseEntry }>('POST', `${meetingPath(meetingId)}/cases`, body),
  update: (meetingId: string, caseId: string, body: CaseBody) =>
    call<{ case: CaseEntry }>('PUT', `${meetingPath(meetingId)}/cases/${encodeURIComponent(caseId)}`, body),
  remove: (meetingId: string, caseId: string) => call<{ removed: string }>('DELETE', `${meetingPath(meetingId)}/cases/${encodeURIComponent(caseId)}`),
  agree: (meetingId: string, digest: string, agreed: boolean) =>
    call<{ party: string; agreed: boolean }>('POST', `${meetingPath(meetingId)}/cases/agreement`, { digest, agreed }),
  dismiss: (meetingId: string, key: string) => call<{ key: string }>('POST', `${meetingPath(meetingId)}/findings/dismissals`, { key }),
};
