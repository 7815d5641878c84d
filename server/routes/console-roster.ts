// The roster of a draft meeting: add one person, remove one, or import a list (CSV or
// XLSX; columns name, party, role, title, agency) that goes in whole or not at all.
// Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from './validator';
import { z } from 'zod';
import { checkRoster, checkRosterEntries, rosterPerson } from '../../shared/console/roster';
import { addToRoster, removeFromRoster, rosterContext } from '../commands/console/roster';
import { readRosterFile, rosterFormat, UnreadableRoster } from '../console/roster-file';
import { presentIssued } from '../presenters/console/meeting';
import type { Services } from '../services';
import { doc } from './route-doc';
import { baseUrl, invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

const rosterQuery = z.object({ dryRun: z.enum(['true', 'false']).optional(), name: z.string().max(200).optional() });

const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

export function consoleRosterRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);

  return new Hono<ConsoleEnv>()
    .post(
      '/meetings/:id/participants',
      doc({ summary: 'Adds one person to a draft’s roster', tag: 'Console: roster' }),
      signedIn,
      validator('json', rosterPerson, invalidBody('invalid_participant')),
      async (c) => {
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
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ invitations: presentIssued(result.value, baseUrl(c, services.config)) }, 201);
      },
    )
    .delete(
      '/meetings/:id/participants/:participantId',
      doc({ summary: 'Takes a person off the roster; their invitation is withdrawn', tag: 'Console: roster' }),
      signedIn,
      async (c) => {
        const access = await consoleMeeting(c, services, 'editMeeting');
        if (access instanceof Response) return access;
        const result = await removeFromRoster(services, access.meeting, access.record, c.req.param('participantId'), access.user);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ removed: result.value }, 200);
      },
    )
    .post(
      '/meetings/:id/roster',
      doc({
        summary: 'Imports a roster file (CSV or XLSX), whole or not at all',
        tag: 'Console: roster',
        upload: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'multipart/form-data'],
      }),
      signedIn,
      bodyLimit({ maxSize: MAX_ROSTER_BYTES, onError: (c) => refuse(c, { code: 'too-large', what: 'roster', bytes: MAX_ROSTER_BYTES }) }),
      validator('query', rosterQuery, invalidBody('invalid_query')),
      async (c) => {
        const access = await consoleMeeting(c, services, 'editMeeting');
        if (access instanceof Response) return access;
        const upload = await uploadedFile(c);
        if (!upload) return refuse(c, { code: 'no-file' });
        const format = rosterFormat(upload.type, upload.name, upload.bytes);
        let rows: Awaited<ReturnType<typeof readRosterFile>>;
        try {
          rows = await readRosterFile(upload.bytes, format, services.config.rosterReadMs);
        } catch (err) {
          if (err instanceof UnreadableRoster) return refuse(c, { code: 'invalid-roster', problems: [err.problem] });
          throw err;
        }
        if (c.req.valid('query').dryRun === 'true') {
          const checked = await services.rooms.read(access.record, (doc) => checkRoster(rows, rosterContext(doc)));
          if (!checked.ok) return refuse(c, { code: 'invalid-roster', problems: checked.problems });
          return c.json({ dryRun: true, format, participants: checked.participants }, 200);
        }
        const result = await addToRoster(services, access.meeting, access.record, (ctx) => checkRoster(rows, ctx), access.user, format);
        if (!result.ok) return refuse(c, result.refusal);
        return c.json({ format, added: result.value.length, invitations: presentIssued(result.value, baseUrl(c, services.config)) }, 201);
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
