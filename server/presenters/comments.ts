// What leaves the server of a comment thread: no row, no meeting id.
import type { CommentView, ThreadView } from '../../shared/comments';
import type { CommentRow } from '../storage/storage';

export const presentComment = (c: CommentRow): CommentView => ({
  id: c.id,
  authorId: c.authorId,
  authorName: c.authorName,
  party: c.party,
  body: c.body,
  mentions: c.mentions,
  createdAt: c.createdAt,
});

export const presentThread = ([thread, ...replies]: CommentRow[]): ThreadView => ({
  ...presentComment(thread!),
  segmentId: thread!.segmentId,
  language: thread!.language,
  quote: thread!.quote,
  visibility: thread!.visibility,
  resolvedAt: thread!.resolvedAt,
  resolvedBy: thread!.resolvedBy,
  replies: replies.map(presentComment),
});
