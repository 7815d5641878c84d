// A case added to, changed in or taken out of a draft's annex. Storage checks the record is
// still a draft in the transaction that stores it; the change of stage goes into the case's
// history under the author's name, and the step into the meeting's audit log by reference
// only (never a next step's text, which might hold what the detector is there to catch).
import { caseFrom, type CaseEntry, type CaseInput } from '../../../shared/cases/case';
import { audit } from '../../audit';
import { newId } from '../../auth/tokens';
import type { Services } from '../../services';
import type { CaseChangeRow, ChangeAuthor, MeetingRow, RecordRow } from '../../storage/storage';
import { refusalDetail } from '../lifecycle-audit';
import { refused, type CommandResult } from '../lifecycle-result';

export type CaseSaved = CommandResult<{ entry: CaseEntry; change: CaseChangeRow | null }>;

export async function saveCase(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  caseId: string | null,
  input: CaseInput,
  by: ChangeAuthor,
): Promise<CaseSaved> {
  const stored = caseId === null ? undefined : (await services.storage.listCases(record.documentId)).find((c) => c.id === caseId);
  if (caseId !== null && !stored) return refused({ code: 'not-found', what: 'case' });
  const id = stored?.id ?? newId();
  const entry = caseFrom(id, input, stored?.thread ?? { meetingId: meeting.id, caseId: id }, stored?.carriedFrom ?? null);
  const at = services.now().toISOString();
  const written = await services.storage.saveCase(meeting.id, record.documentId, entry, by, at);
  const detail = { caseId: id, references: entry.sides.map((s) => s.reference), stage: entry.stage };
  if (!written.ok) {
    const refusal = { code: 'wrong-state', action: 'writeCases', state: written.state } as const;
    await audit(services, meeting.id, by.actor, 'case.save-refused', { ...detail, ...refusalDetail(refusal) });
    return refused(refusal);
  }
  await audit(services, meeting.id, by.actor, stored ? 'case.changed' : 'case.added', detail);
  return { ok: true, value: { entry, change: written.value } };
}

export async function removeCase(services: Services, meeting: MeetingRow, record: RecordRow, caseId: string, by: ChangeAuthor): Promise<CommandResult<string>> {
  const written = await services.storage.removeCase(record.documentId, caseId);
  if (!written.ok) return refused({ code: 'wrong-state', action: 'writeCases', state: written.state });
  if (!written.value) return refused({ code: 'not-found', what: 'case' });
  await audit(services, meeting.id, by.actor, 'case.removed', { caseId });
  return { ok: true, value: caseId };
}
