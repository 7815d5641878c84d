// Word drafts at the console: read one for a meeting about to be made (a preview, and the
// agenda and minutes to create it with), or import one into a draft meeting (a preview
// with ?dryRun=true). The .docx is the request body. Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { draftAsInput, readDraft, type DraftProblem } from '../../shared/console/word-draft';
import { languageTag } from '../../shared/record/meeting-input';
import { draftBlocks, importDraft, isProblems } from '../commands/console/import-draft';
import type { Services } from '../services';
import { apiError } from './env';
import { invalidBody } from './http';
import { consoleMeeting, requireConsoleUser, type ConsoleEnv } from './console-access';

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
    onError: (c) => c.json(apiError('too_large', 'The file is over 10 MB; a draft of minutes is smaller.'), 413),
  });
  const query = zValidator('query', draftQuery, invalidBody('invalid_query'));
  const refuse = (c: Context, problems: DraftProblem[]) =>
    c.json(
      { error: { code: 'invalid_draft', message: 'The draft was not imported; nothing was stored. Correct the paragraphs named and try again.', problems } },
      400,
    );
  const body = async (c: Context) => new Uint8Array(await c.req.arrayBuffer());

  return new Hono<ConsoleEnv>()
    .post('/word-draft', signedIn, limit, query, async (c) => {
      const { language, languages } = c.req.valid('query');
      const blocks = await draftBlocks(await body(c));
      if (isProblems(blocks)) return refuse(c, blocks);
      const reading = readDraft(blocks, { language, languages: (languages ?? language).split(',').map((l) => l.trim()) });
      if (!reading.ok) return refuse(c, reading.problems);
      return c.json({ items: reading.items, segments: reading.segments, notes: reading.notes, input: draftAsInput(reading.items) }, 200);
    })
    .post('/meetings/:id/word-draft', signedIn, limit, query, async (c) => {
      const access = await consoleMeeting(c, services, 'editMeeting');
      if (access instanceof Response) return access;
      const { language, dryRun } = c.req.valid('query');
      const result = await importDraft(services, access.meeting, access.record, await body(c), language, access.user, dryRun === 'true');
      if (result.ok) return c.json({ items: result.items, segments: result.segments, notes: result.notes, stored: result.stored }, result.stored ? 201 : 200);
      if (result.why === 'not_draft') return c.json(apiError('not_draft', 'The record is no longer a draft: its agenda and minutes are fixed.'), 409);
      return refuse(c, result.problems);
    });
}
