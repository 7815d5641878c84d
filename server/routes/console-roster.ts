// The roster of a draft meeting: add one person, remove one, or import a list (CSV or
// XLSX; columns name, party, role, title, agency) that goes in whole or not at all.
// Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { zValidator } from '@hono/zod-validator';
import { checkRoster, checkRosterEntries, rosterPerson, type RosterProblem } from '../../shared/console/roster';
import { addToRoster, removeFromRoster, rosterContext } from '../commands/console/roster';
import { readRosterFile, rosterFormat, UnreadableRoster } from '../console/roster-file';
import { presentIssued } from '../presenters/console/meeting';
import type { Services } from '../services';
import type { Issue } from '../../shared/issues';
import { apiError } from './env';
import { baseUrl, invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';

const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

const NOT_DRAFT = 'The record is no longer a draft: its roster is fixed.';

export function consoleRosterRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);

  const refuseRows = (c: Context, problems: RosterProblem[]) =>
    c.json(
      { error: { code: 'invalid_roster', message: 'The list was refused; nobody was added. Correct the lines named and import it again.', problems } },
      400,
    );

  return new Hono<ConsoleEnv>()
    .post('/meetings/:id/participants', signedIn, zValidator('json', rosterPerson, invalidBody('invalid_participant')), async (c) => {
      const access = await consoleMeeting(c, services, 'editMeeting');
      if (access instanceof Response) return access;
      const person = c.req.valid('json');
      const result = await addToRoster(
        services,
        access.meeting,
        access.record,
        (ctx) => checkRosterEntries([{ line: 1, cells: person }], ctx),
        access.user,
        'form',
      );
      if (result.ok) return c.json({ invitations: presentIssued(result.invitations, baseUrl(c, services.config)) }, 201);
      if (result.why === 'not_draft') return c.json(apiError('not_draft', NOT_DRAFT), 409);
      const issues = result.problems.map((p): Issue => ({ path: p.column ?? '', message: p.message, code: `roster.${p.code}` }));
      return c.json(apiError('invalid_participant', 'This person was not added.', issues), 400);
    })
    .delete('/meetings/:id/participants/:participantId', signedIn, async (c) => {
      const access = await consoleMeeting(c, services, 'editMeeting');
      if (access instanceof Response) return access;
      const result = await removeFromRoster(services, access.meeting, access.record, c.req.param('participantId'), access.user);
      if (result.ok) return c.json({ removed: result.participant }, 200);
      if (result.why === 'not_draft') return c.json(apiError('not_draft', NOT_DRAFT), 409);
      return c.json(apiError('not_found', 'There is no such participant in this meeting.'), 404);
    })
    .post(
      '/meetings/:id/roster',
      signedIn,
      bodyLimit({ maxSize: MAX_ROSTER_BYTES, onError: (c) => c.json(apiError('too_large', 'The file is over 2 MB; a roster is smaller.'), 413) }),
      async (c) => {
        const access = await consoleMeeting(c, services, 'editMeeting');
        if (access instanceof Response) return access;
        const upload = await uploadedFile(c);
        if (!upload) return c.json(apiError('no_file', 'Send the roster as the request body (text/csv or .xlsx), or as the form field "file".'), 400);
        const format = rosterFormat(upload.type, upload.name, upload.bytes);
        let rows: Awaited<ReturnType<typeof readRosterFile>>;
        try {
          rows = await readRosterFile(upload.bytes, format, services.config.rosterReadMs);
        } catch (err) {
          if (err instanceof UnreadableRoster) return refuseRows(c, [err.problem]);
          throw err;
        }
        if (c.req.query('dryRun') === 'true') {
          const checked = await services.rooms.read(access.record, (doc) => checkRoster(rows, rosterContext(doc)));
          return checked.ok ? c.json({ dryRun: true, format, participants: checked.participants }, 200) : refuseRows(c, checked.problems);
        }
        const result = await addToRoster(services, access.meeting, access.record, (ctx) => checkRoster(rows, ctx), access.user, format);
        if (result.ok)
          return c.json({ format, added: result.invitations.length, invitations: presentIssued(result.invitations, baseUrl(c, services.config)) }, 201);
        if (result.why === 'not_draft') return c.json(apiError('not_draft', NOT_DRAFT), 409);
        return refuseRows(c, result.problems);
      },
    );
}

/** The file: the whole body, or the form field "file" of a multipart upload. */
async function uploadedFile(c: Context): Promise<{ bytes: Uint8Array; type: string | undefined; name: string | undefined } | null> {
  const type = c.req.header('content-type');
  if (type?.startsWith('multipart/form-data')) {
    // A form that is not one (no boundary, a broken part) holds no file.
    const form = await c.req.parseBody().catch(() => null);
    const file = form?.file;
    if (!(file instanceof File)) return null;
    return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file.name };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return bytes.length > 0 ? { bytes, type, name: c.req.query('name') } : null;
}
