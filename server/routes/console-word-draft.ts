// Word drafts at the console: read one for a meeting about to be made (a preview, and the
// agenda and minutes to create it with), or import one into a draft meeting (a preview
// with ?dryRun=true). The .docx is the request body. Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from './validator';
import { z } from 'zod';
import { draftAsInput, readDraft } from '../../shared/console/word-draft';
import { languageTag } from '../../shared/record/meeting-input';
import { draftBlocks, importDraft, isProblems } from '../commands/console/import-draft';
import type { Services } from '../services';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';
import { refuse } from './meeting-access';

const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

const draftQuery = z.object({
  language: languageTag,
  /** For a meeting not made yet: its working languages, comma-separated. */
  languages: z.string().max(200).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
});

export function consoleWordDraftRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);
  const limit = bodyLimit({
    maxSize: MAX_DRAFT_BYTES,
    onError: (c) => refuse(c, { code: 'too-large', what: 'word-draft', bytes: MAX_DRAFT_BYTES }),
  });
  const query = validator('query', draftQuery, invalidBody('invalid_query'));
  const body = async (c: Context) => new Uint8Array(await c.req.arrayBuffer());

  return new Hono<ConsoleEnv>()
    .post(
      '/word-draft',
      doc({
        summary: 'Reads a Word draft for a meeting about to be made',
        tag: 'Console: meetings',
        upload: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      }),
      signedIn,
      limit,
      query,
      async (c) => {
        const { language, languages } = c.req.valid('query');
        const blocks = await draftBlocks(await body(c));
        if (isProblems(blocks)) return refuse(c, { code: 'invalid-draft', problems: blocks });
        const reading = readDraft(blocks, { language, languages: (languages ?? language).split(',').map((l) => l.trim()) });
        if (!reading.ok) return refuse(c, { code: 'invalid-draft', problems: reading.problems });
        return c.json({ items: reading.items, segments: reading.segments, notes: reading.notes, input: draftAsInput(reading.items) }, 200);
      },
    )
    .post(
      '/meetings/:id/word-draft',
      doc({
        summary: 'Imports a Word draft into a draft meeting',
        tag: 'Console: meetings',
        upload: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      }),
      signedIn,
      limit,
      query,
      async (c) => {
        const access = await consoleMeeting(c, services, 'editMeeting');
        if (access instanceof Response) return access;
        const { language, dryRun } = c.req.valid('query');
        const result = await importDraft(services, access.meeting, access.record, await body(c), language, access.user, dryRun === 'true');
        if (!result.ok) return refuse(c, result.refusal);
        const { items, segments, notes, stored } = result.value;
        return c.json({ items, segments, notes, stored }, stored ? 201 : 200);
      },
    );
}
