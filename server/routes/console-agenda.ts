// A draft's agenda at the console: add an item, retitle it, move it, remove it (with its
// minutes). Each answers the agenda as it now stands. Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { validator } from './validator';
import { agendaMove, agendaTitleChange, newAgendaItem } from '../../shared/console/agenda';
import { editAgenda, type AgendaChange, type AgendaEdit } from '../commands/console/agenda';
import type { Services } from '../services';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

export function consoleAgendaRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);

  async function edit(c: Context<ConsoleEnv>, change: (itemId: string) => AgendaChange, status: 200 | 201 = 200) {
    const access = await consoleMeeting(c, services, 'editMeeting');
    if (access instanceof Response) return access;
    const result: AgendaEdit = await editAgenda(services, access.meeting, access.record, change(c.req.param('itemId') ?? ''), access.user);
    if (!result.ok) return refuse(c, result.refusal);
    return c.json({ agenda: result.value }, status);
  }

  return new Hono<ConsoleEnv>()
    .post(
      '/meetings/:id/agenda',
      doc({ summary: 'Adds an agenda item', tag: 'Console: meetings' }),
      signedIn,
      validator('json', newAgendaItem, invalidBody('invalid_agenda_item')),
      (c) => edit(c, () => ({ kind: 'add', ...c.req.valid('json') }), 201),
    )
    .patch(
      '/meetings/:id/agenda/:itemId',
      doc({ summary: 'Retitles an agenda item', tag: 'Console: meetings' }),
      signedIn,
      validator('json', agendaTitleChange, invalidBody('invalid_agenda_item')),
      (c) => edit(c, (itemId) => ({ kind: 'rename', itemId, title: c.req.valid('json').title })),
    )
    .post(
      '/meetings/:id/agenda/:itemId/move',
      doc({ summary: 'Moves an agenda item', tag: 'Console: meetings' }),
      signedIn,
      validator('json', agendaMove, invalidBody('invalid_agenda_move')),
      (c) => edit(c, (itemId) => ({ kind: 'move', itemId, to: c.req.valid('json').to })),
    )
    .delete('/meetings/:id/agenda/:itemId', doc({ summary: 'Removes an agenda item with its minutes', tag: 'Console: meetings' }), signedIn, (c) =>
      edit(c, (itemId) => ({ kind: 'remove', itemId })),
    );
}
