// The secretariat edits the facts of a meeting while its record is a draft. The server
// writes them (clients may not write the record's facts or parties), in the record's
// queue, after checking the whole against the rules of a new meeting.
import {
  checkFacts,
  editableFacts,
  mergeFacts,
  writeFacts,
  type EditableFacts,
  type FactsPatch,
  type FactsProblem,
} from '../../../shared/console/meeting-facts';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';

export type FactsEdit =
  | { ok: true; facts: EditableFacts; changed: string[] }
  | { ok: false; why: 'not_draft' }
  | { ok: false; why: 'invalid'; problems: FactsProblem[] };

export async function editFacts(services: Services, meeting: MeetingRow, record: RecordRow, patch: FactsPatch, user: ConsoleUser): Promise<FactsEdit> {
  const result = await services.rooms.withRoom(record, async (room): Promise<FactsEdit> => {
    if (room.record.state !== 'draft') return { ok: false, why: 'not_draft' };
    const before = editableFacts(room.doc);
    const facts = mergeFacts(before, patch);
    const problems = checkFacts(room.doc, facts);
    if (problems.length > 0) return { ok: false, why: 'invalid', problems };
    const changed = Object.keys(patch).filter((k) => JSON.stringify(before[k as keyof EditableFacts]) !== JSON.stringify(facts[k as keyof EditableFacts]));
    if (changed.length > 0 && !(await room.applyServerChange((doc) => writeFacts(doc, facts)))) return { ok: false, why: 'not_draft' };
    return { ok: true, facts, changed };
  });
  if (result.ok && result.changed.includes('code')) await services.storage.setMeetingCode(meeting.id, result.facts.code);
  await audit(
    services,
    meeting.id,
    user.actor,
    result.ok ? 'meeting.facts-edited' : 'meeting.facts-edit-refused',
    result.ok ? { changed: result.changed } : { why: result.why },
  );
  return result;
}
