// The secretariat edits a draft's agenda from the console: the server writes each change
// into the record, in its queue, as one transaction that every open workspace receives.
import type * as Y from 'yjs';
import { foreignLanguages, readAgenda, type AgendaItemView } from '../../../shared/console/agenda';
import { addAgendaItem, moveAgendaItem, removeAgendaItem, renameAgendaItem } from '../../../shared/record/segment-ops';
import type { LocalizedText } from '../../../shared/record/schema';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import { newId } from '../../auth/tokens';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';
import { refused, type CommandResult } from '../lifecycle-result';

export type AgendaEdit = CommandResult<AgendaItemView[]>;

export type AgendaChange =
  | { kind: 'add'; title: LocalizedText; index?: number }
  | { kind: 'rename'; itemId: string; title: LocalizedText }
  | { kind: 'move'; itemId: string; to: number }
  | { kind: 'remove'; itemId: string };

export async function editAgenda(services: Services, meeting: MeetingRow, record: RecordRow, change: AgendaChange, user: ConsoleUser): Promise<AgendaEdit> {
  let number = 0;
  const result = await services.rooms.withRoom(record, async (room): Promise<AgendaEdit> => {
    // Locked since the route asked: the room's record is the one that counts.
    if (room.record.state !== 'draft') return refused({ code: 'wrong-state', action: 'editMeeting', state: room.record.state });
    if ('title' in change) {
      const languages = foreignLanguages(room.doc, change.title);
      if (languages.length > 0) return refused({ code: 'not-working-language', languages });
    }
    const ids = readAgenda(room.doc).map((i) => i.id);
    if (change.kind !== 'add' && !ids.includes(change.itemId)) return refused({ code: 'not-found', what: 'agenda-item' });
    await room.applyServerChange((doc) => apply(doc, change));
    const agenda = readAgenda(room.doc);
    // The item's number as people read the agenda: where it stands now (where it stood, once removed).
    if (change.kind === 'remove') number = ids.indexOf(change.itemId) + 1;
    else if (change.kind === 'add') number = Math.min(change.index ?? agenda.length - 1, agenda.length - 1) + 1;
    else number = agenda.findIndex((i) => i.id === change.itemId) + 1;
    return { ok: true, value: agenda };
  });
  if (result.ok)
    await audit(services, meeting.id, user.actor, `agenda.item-${PAST[change.kind]}`, { item: number, ...('title' in change ? { title: change.title } : {}) });
  return result;
}

const PAST = { add: 'added', rename: 'renamed', move: 'moved', remove: 'removed' } as const;

function apply(doc: Y.Doc, change: AgendaChange): void {
  switch (change.kind) {
    case 'add':
      return addAgendaItem(doc, newId(), change.title, change.index);
    case 'rename':
      for (const [language, title] of Object.entries(change.title)) renameAgendaItem(doc, change.itemId, language, title);
      return;
    case 'move':
      return moveAgendaItem(doc, change.itemId, change.to);
    case 'remove':
      return removeAgendaItem(doc, change.itemId);
    default:
      return change satisfies never;
  }
}
