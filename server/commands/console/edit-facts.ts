// The secretariat edits the facts of a meeting while its record is a draft. The server
// writes them (clients may not write the record's facts or parties), in the record's
// queue, after checking the whole against the rules of a new meeting.
import { checkFacts, editableFacts, mergeFacts, writeFacts, type EditableFacts, type FactsPatch } from '../../../shared/console/meeting-facts';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';
import { refusalDetail } from '../lifecycle-audit';
import { refused, type CommandResult } from '../lifecycle-result';

export type FactsEdit = CommandResult<{ facts: EditableFacts; changed: string[] }>;

export async function editFacts(services: Services, meeting: MeetingRow, record: RecordRow, patch: FactsPatch, user: ConsoleUser): Promise<FactsEdit> {
  const result = await services.rooms.withRoom(record, async (room): Promise<FactsEdit> => {
    // Locked since the route asked: the room's record is the one that counts.
    if (room.record.state !== 'draft') return refused({ code: 'wrong-state', action: 'editMeeting', state: room.record.state });
    const before = editableFacts(room.doc);
    const facts = mergeFacts(before, patch);
    const problems = checkFacts(room.doc, facts);
    if (problems.length > 0) return refused({ code: 'invalid-facts', problems });
    const changed = Object.keys(patch).filter((k) => JSON.stringify(before[k as keyof EditableFacts]) !== JSON.stringify(facts[k as keyof EditableFacts]));
    if (changed.length > 0 && !(await room.applyServerChange((doc) => writeFacts(doc, facts))))
      return refused({ code: 'wrong-state', action: 'editMeeting', state: 'locked' });
    return { ok: true, value: { facts, changed } };
  });
  if (result.ok && result.value.changed.includes('code')) await services.storage.setMeetingCode(meeting.id, result.value.facts.code);
  await audit(
    services,
    meeting.id,
    user.actor,
    result.ok ? 'meeting.facts-edited' : 'meeting.facts-edit-refused',
    result.ok ? { changed: result.value.changed } : refusalDetail(result.refusal),
  );
  return result;
}
