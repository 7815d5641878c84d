// Comment threads over HTTP: read those one may see, start one, reply, resolve or reopen.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { newThreadRequest, replyRequest, resolveRequest } from '../../shared/comments';
import { reply, setResolved, startThread, threadsFor, type CommentRefusal, type CommentResult } from '../commands/comments';
import { presentComment, presentThread } from '../presenters/comments';
import type { Services } from '../services';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { meetingAccess } from './meeting-access';
import type { Context } from 'hono';

const REFUSALS: Record<CommentRefusal, [403 | 404 | 400, string]> = {
  not_allowed: [403, 'Observers read the meeting’s comments but cannot write them.'],
  unknown_segment: [404, 'There is no such segment in the record.'],
  unknown_thread: [404, 'There is no such comment thread.'],
  unknown_mention: [400, 'Someone mentioned is not a participant of this meeting; nothing was stored.'],
  mention_cannot_see: [400, 'Someone mentioned could not read this comment (it is for your delegation only); nothing was stored.'],
};

function answer(c: Context<AppEnv>, result: CommentResult, status: 200 | 201) {
  if (!result.ok) {
    const [code, message] = REFUSALS[result.why];
    return c.json(apiError(result.why, message), code);
  }
  return c.json({ comment: presentComment(result.comment), resolvedAt: result.thread.resolvedAt, resolvedBy: result.thread.resolvedBy }, status);
}

export function commentRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/:id/comments', async (c) => {
      const access = await meetingAccess(c, services, 'readComments');
      if (access instanceof Response) return access;
      const by = access.by!;
      const threads = await threadsFor(services, access.record, by.actor);
      return c.json({ threads: threads.map(presentThread) }, 200);
    })
    .post('/:id/comments', zValidator('json', newThreadRequest, invalidBody('invalid_comment')), async (c) => {
      const access = await meetingAccess(c, services, 'comment', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const by = access.by!;
      return answer(c, await startThread(services, access.record, by, c.req.valid('json')), 201);
    })
    .post('/:id/comments/:threadId/replies', zValidator('json', replyRequest, invalidBody('invalid_comment')), async (c) => {
      const access = await meetingAccess(c, services, 'comment', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const by = access.by!;
      const { body, mentions } = c.req.valid('json');
      return answer(c, await reply(services, access.record, by, c.req.param('threadId'), body, mentions), 201);
    })
    .post('/:id/comments/:threadId/resolution', zValidator('json', resolveRequest, invalidBody('invalid_comment')), async (c) => {
      const access = await meetingAccess(c, services, 'comment', { decidedInCommand: true });
      if (access instanceof Response) return access;
      const by = access.by!;
      return answer(c, await setResolved(services, access.record, by, c.req.param('threadId'), c.req.valid('json').resolved), 200);
    });
}
