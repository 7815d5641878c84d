// A Word draft imported into a draft meeting: read, checked whole against the record's
// working languages, and either shown (a preview) or appended to the agenda and minutes in
// one change. With any problem, nothing is written.
import { layDraft, readDraft, type DraftBlock, type DraftItem, type DraftProblem } from '../../../shared/console/word-draft';
import { readMeetingFacts } from '../../../shared/record/schema';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import { newId } from '../../auth/tokens';
import { readWordDraft, UnreadableDraft } from '../../console/word-file';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';
import { refused, type CommandResult } from '../lifecycle-result';

/** What the draft holds, and whether it was written (not, for a preview). */
export type DraftImport = CommandResult<{ items: DraftItem[]; segments: number; notes: DraftProblem[]; stored: boolean }>;

/** The file's blocks, or the one problem that it cannot be read. */
export async function draftBlocks(bytes: Uint8Array): Promise<DraftBlock[] | DraftProblem[]> {
  try {
    return await readWordDraft(bytes);
  } catch (err) {
    if (err instanceof UnreadableDraft) return [{ paragraph: 0, code: 'unreadable' }];
    throw err;
  }
}

const isProblems = (read: DraftBlock[] | DraftProblem[]): read is DraftProblem[] => read.length === 1 && 'code' in read[0]!;

export async function importDraft(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  bytes: Uint8Array,
  language: string,
  user: ConsoleUser,
  dryRun: boolean,
): Promise<DraftImport> {
  const blocks = await draftBlocks(bytes);
  if (isProblems(blocks)) return refused({ code: 'invalid-draft', problems: blocks });
  const result = await services.rooms.withRoom(record, async (room): Promise<DraftImport> => {
    if (room.record.state !== 'draft') return refused({ code: 'no-longer-draft', fixed: 'agenda-and-minutes' });
    const reading = readDraft(blocks, { language, languages: readMeetingFacts(room.doc).languages });
    if (!reading.ok) return refused({ code: 'invalid-draft', problems: reading.problems });
    if (!dryRun) await room.applyServerChange((doc) => layDraft(doc, reading.items, newId));
    return { ok: true, value: { items: reading.items, segments: reading.segments, notes: reading.notes, stored: !dryRun } };
  });
  if (result.ok && result.value.stored)
    await audit(services, meeting.id, user.actor, 'minutes.imported', { items: result.value.items.length, segments: result.value.segments, language });
  return result;
}

export { isProblems };
