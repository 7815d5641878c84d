// Gathers what the case register shows: the meetings a console user may see (optionally one
// series), each one's case annex as stored now, and the cases' stage history.
import type { CaseChange, CaseRegisterMeeting } from '../../../shared/cases/case-register';
import { readMeetingFacts } from '../../../shared/record/schema';
import type { Services } from '../../services';
import type { VisibleMeeting } from '../console/register';

export async function loadCaseRegister(services: Services, visible: VisibleMeeting[]): Promise<{ meetings: CaseRegisterMeeting[]; changes: CaseChange[] }> {
  const meetings: CaseRegisterMeeting[] = [];
  for (const { meeting, record, seriesId } of visible) {
    const facts = await services.rooms.read(record, (doc) => readMeetingFacts(doc));
    meetings.push({
      meetingId: meeting.id,
      seriesId,
      number: facts.number,
      code: facts.code,
      series: facts.series ?? {},
      state: record.state,
      cases: await services.storage.listCases(record.documentId),
    });
  }
  const changes = await services.storage.listCaseChanges(meetings.map((m) => m.meetingId));
  return { meetings, changes: changes.map(({ seq: _seq, documentId: _documentId, ...change }) => change) };
}
