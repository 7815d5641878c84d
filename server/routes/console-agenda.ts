// A draft's agenda at the console: add an item, retitle it, move it, remove it (with its
// minutes). Each answers the agenda as it now stands. Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { agendaMove, agendaTitleChange, newAgendaItem } from '../../shared/console/agenda';
import { editAgenda, type AgendaChange, type AgendaEdit } from '../commands/console/agenda';
import type { Services } from '../services';
import type { Issue } from '../../shared/issues';
import { apiError } from './env';
import { invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';

export function consoleAgendaRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);

  async function edit(c: Context<ConsoleEnv>, change: (itemId: string) => AgendaChange, status: 200 | 201 = 200) {
    const access = await consoleMeeting(c, services, 'editMeeting');
    if (access instanceof Response) return access;
    const result: AgendaEdit = await editAgenda(services, access.meeting, access.record, change(c.req.param('itemId') ?? ''), access.user);
    if (result.ok) return c.json({ agenda: result.agenda }, status);
    if (result.why === 'not_draft') return c.json(apiError('not_draft', 'The record is no longer a draft: its agenda is fixed.'), 409);
    if (result.why === 'unknown_item') return c.json(apiError('not_found', 'This agenda item is no longer in the record.'), 404);
    const issues = result.languages.map(
      (l): Issue => ({ path: `title.${l}`, message: `${l} is not a working language of this meeting`, code: 'not-working-language', params: { language: l } }),
    );
    return c.json(apiError('invalid_agenda_item', 'The title was refused; nothing was changed.', issues), 400);
  }

  return new Hono<ConsoleEnv>()
    .post('/meetings/:id/agenda', signedIn, zValidator('json', newAgendaItem, invalidBody('invalid_agenda_item')), (c) =>
      edit(c, () => ({ kind: 'add', ...c.req.valid('json') }), 201),
    )
    .patch('/meetings/:id/agenda/:itemId', signedIn, zValidator('json', agendaTitleChange, invalidBody('invalid_agenda_item')), (c) =>
      edit(c, (itemId) => ({ kind: 'rename', itemId, title: c.req.valid('json').title })),
    )
    .post('/meetings/:id/agenda/:itemId/move', signedIn, zValidator('json', agendaMove, invalidBody('invalid_agenda_move')), (c) =>
      edit(c, (itemId) => ({ kind: 'move', itemId, to: c.req.valid('json').to })),
    )
    .delete('/meetings/:id/agenda/:itemId', signedIn, (c) => edit(c, (itemId) => ({ kind: 'remove', itemId })));
}
