// Comment threads over HTTP: read those one may see, start one, reply, resolve or reopen.
import { Hono } from 'hono';
import { validator } from './validator';
import { newThreadRequest, replyRequest, resolveRequest } from '../../shared/comments';
import { reply, setResolved, startThread, threadsFor, type CommentResult } from '../commands/comments';
import { presentComment, presentThread } from '../presenters/comments';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { meetingAccess, refuse } from './meeting-access';
import type { Context } from 'hono';

function answer(c: Context<AppEnv>, result: CommentResult, status: 200 | 201) {
  if (!result.ok) return refuse(c, result.refusal);
  const { comment, thread } = result.value;
  return c.json({ comment: presentComment(comment), resolvedAt: thread.resolvedAt, resolvedBy: thread.resolvedBy }, status);
}

export function commentRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/:id/comments', doc({ summary: 'The comment threads the reader may see', tag: 'Comments' }), async (c) => {
      const access = await meetingAccess(c, services, 'readComments');
      if (access instanceof Response) return access;
      const by = access.by!;
      const threads = await threadsFor(services, access.record, by.actor);
      return c.json({ threads: threads.map(presentThread) }, 200);
    })
    .post(
      '/:id/comments',
      doc({ summary: 'Starts a comment thread on a segment', tag: 'Comments' }),
      validator('json', newThreadRequest, invalidBody('invalid_comment')),
      async (c) => {
        const access = await meetingAccess(c, services, 'comment', { refusedAs: 'comment.refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        return answer(c, await startThread(services, access.record, by, c.req.valid('json')), 201);
      },
    )
    .post(
      '/:id/comments/:threadId/replies',
      doc({ summary: 'Replies in a thread', tag: 'Comments' }),
      validator('json', replyRequest, invalidBody('invalid_comment')),
      async (c) => {
        const access = await meetingAccess(c, services, 'comment', { refusedAs: 'comment.refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const { body, mentions } = c.req.valid('json');
        return answer(c, await reply(services, access.record, by, c.req.param('threadId'), body, mentions), 201);
      },
    )
    .post(
      '/:id/comments/:threadId/resolution',
      doc({ summary: 'Resolves or reopens a thread', tag: 'Comments' }),
      validator('json', resolveRequest, invalidBody('invalid_comment')),
      async (c) => {
        const access = await meetingAccess(c, services, 'comment', { refusedAs: 'comment.refused' });
        if (access instanceof Response) return access;
        const by = access.by!;
        return answer(c, await setResolved(services, access.record, by, c.req.param('threadId'), c.req.valid('json').resolved), 200);
      },
    );
}
